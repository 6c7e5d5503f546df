package provider

import (
	"context"
	"fmt"
	"iter"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
	"github.com/hostup/terraform-provider-hostup/internal/provider/purchase"
)

// paidListResource finds, for `terraform query`, the subjects of one paid
// resource type in one of HostUp's v2 listings: each result is a subject's
// identity and the name a person knows it by and, when the resource object
// is asked for, the state an import of it would leave (see
// purchase.Resource.Listed). T is an entry of the listing, F the model of
// the list block's filters, M and P the resource's model.
type paidListResource[T, F, M any, P purchase.Model[M]] struct {
	engine purchase.Resource[M, P]
	spec   listSpec[T, F, M]
	client *client.Client
}

var (
	_ list.ListResourceWithConfigure = (*paidListResource[client.VPS, vpsListFilter, vpsSizeModel, *vpsSizeModel])(nil)
	_ list.ListResourceWithConfigure = (*paidListResource[client.SharedHostingAccount, hostingListFilter, sharedHostingPlanModel, *sharedHostingPlanModel])(nil)
)

// listSpec is what one list resource supplies: the listing, its filters,
// and how an entry becomes the resource's model.
type listSpec[T, F, M any] struct {
	// Description says what is listed; the scope the listing needs is added.
	Description string
	// Scope is the API key scope of every route the listing calls.
	Scope string
	// Noun names an entry in messages ("shared-hosting account").
	Noun string
	// Filters are the list block's arguments, every one optional; F has a
	// field for each.
	Filters map[string]schema.Attribute
	// Entries reads the listing page by page, narrowed by HostUp where it
	// filters, yielding an error once after the entries already read.
	Entries func(ctx context.Context, c *client.Client, f F) iter.Seq2[T, error]
	// Keeps narrows the listing where HostUp does not.
	Keeps func(f F, entry T) bool
	// DisplayName is the name a person knows the entry by.
	DisplayName func(entry T) string
	// ID is the entry's id, which the resource's identity holds.
	ID func(entry T) string
	// Read returns what reads into the model all that a refresh of the
	// entry's subject reads, with another request where the entry does not
	// hold it. It is called only when the resource object is asked for.
	Read func(ctx context.Context, c *client.Client, entry T) (func(m *M), error)
}

// newPaidListResource is the list resource of the paid resource kind
// describes.
func newPaidListResource[T, F, M any, P purchase.Model[M]](kind purchase.Kind[M], spec listSpec[T, F, M]) list.ListResource {
	return &paidListResource[T, F, M, P]{engine: purchase.NewResource[M, P](kind), spec: spec}
}

// Metadata names the list resource as the resource it lists, as Terraform
// requires.
func (r *paidListResource[T, F, M, P]) Metadata(ctx context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	r.engine.Metadata(ctx, req, resp)
}

func (r *paidListResource[T, F, M, P]) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: r.spec.Description + "\n\nThe API key needs the scope `" + r.spec.Scope + "`.",
		Attributes:          r.spec.Filters,
	}
}

func (r *paidListResource[T, F, M, P]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFromProviderData(req.ProviderData, &resp.Diagnostics)
}

// List streams a result for each entry the filters keep, as HostUp's pages
// arrive, and stops at the request's limit without reading further pages.
// An error ends the stream, after the results already sent.
func (r *paidListResource[T, F, M, P]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var f F
	var diags diag.Diagnostics
	if !req.Config.Raw.IsNull() {
		diags.Append(req.Config.Get(ctx, &f)...)
	}
	if r.client == nil {
		diags.AddError("HostUp provider not configured",
			"The list resource was called before the provider was configured. This is a bug in the HostUp provider: please report it.")
	}
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		var sent int64
		for entry, err := range r.spec.Entries(ctx, r.client, f) {
			if err != nil {
				push(r.failed("Could not list every "+r.spec.Noun, err, sent))
				return
			}
			if !r.spec.Keeps(f, entry) {
				continue
			}
			var read func(m *M)
			if req.IncludeResource {
				if read, err = r.spec.Read(ctx, r.client, entry); client.IsNotFound(err) {
					continue // gone since the listing was read
				} else if err != nil {
					push(r.failed("Could not read "+r.spec.Noun+" "+r.spec.DisplayName(entry), err, sent))
					return
				}
			}
			if !push(r.engine.Listed(ctx, req, []string{r.spec.ID(entry)}, r.spec.DisplayName(entry), read)) {
				return
			}
			if sent++; req.Limit > 0 && sent >= req.Limit {
				return
			}
		}
	}
}

// textFilter is an optional text argument of a list block. Empty text would
// keep everything, which is what leaving the argument out says, so it is
// refused as a likely mistake.
func textFilter(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
}

// failed is the result that ends a stream after a failed request, saying
// how many results came before it.
func (r *paidListResource[T, F, M, P]) failed(summary string, err error, sent int64) list.ListResult {
	var reported, diags diag.Diagnostics
	apierror.Add(&reported, summary, err, apierror.Target{})
	stopped := fmt.Sprintf("The listing stopped here, after %d results: it is incomplete.", sent)
	for _, d := range reported {
		diags.AddError(d.Summary(), d.Detail()+"\n\n"+stopped)
	}
	return list.ListResult{Diagnostics: diags}
}
