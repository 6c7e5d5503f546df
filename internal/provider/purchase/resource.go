package purchase

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// ProviderData is what the provider hands its paid resources when it is
// configured: the client, and the ledger every paid resource of the process
// shares.
type ProviderData struct {
	Client *client.Client
	Ledger *Ledger
}

// Resource is the lifecycle of a paid resource: Configure, ModifyPlan,
// Create, Update, Read, Delete and ImportState, the same for every paid
// resource. A resource embeds it, made by NewResource from its Kind.
type Resource[M any, P Model[M]] struct {
	kind   Kind[M]
	desc   Descriptor
	client *client.Client
	ledger *Ledger
	flow   *Flow
}

// NewResource is the lifecycle of the resource kind describes.
func NewResource[M any, P Model[M]](kind Kind[M]) Resource[M, P] {
	return Resource[M, P]{kind: kind, desc: kind.Descriptor()}
}

// Metadata names the resource after the provider.
func (r *Resource[M, P]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.desc.TypeName
}

// Schema is the kind's schema with the attributes every paid resource shares.
func (r *Resource[M, P]) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema()
}

func (r *Resource[M, P]) schema() schema.Schema {
	s := r.kind.Schema()
	attrs := maps.Clone(s.Attributes)
	attrs["max_amount"] = MaxAmountSchema(r.desc.MaxAmountNote)
	attrs["price_change"] = PriceChangeSchema(r.priceSource())
	attrs["price_status"] = PriceStatusSchema(r.priceSource())
	attrs["last_order"] = LastOrderSchema()
	s.Attributes = attrs
	return s
}

// IdentitySchema is the descriptor's identity, every attribute a string
// that an import by identity needs.
func (r *Resource[M, P]) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	attrs := map[string]identityschema.Attribute{}
	for _, a := range r.desc.Identity {
		attrs[a.Name] = identityschema.StringAttribute{RequiredForImport: true, Description: a.Description}
	}
	resp.IdentitySchema = identityschema.Schema{Attributes: attrs}
}

// Configure takes the client and the ledger. Terraform validates
// configurations before the provider is configured: then there is none yet.
func (r *Resource[M, P]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	switch d := req.ProviderData.(type) {
	case nil:
	case *ProviderData:
		r.client, r.ledger, r.flow = d.Client, d.Ledger, NewFlow(d.Ledger)
		r.flow.onePurchase = r.desc.Purchase != nil
	default:
		resp.Diagnostics.AddError("Unexpected provider data",
			fmt.Sprintf("This is a bug in the HostUp provider (got %T): please report it.", req.ProviderData))
	}
}

// ModifyPlan prices the change a plan asks for. Terraform calls it at plan
// time and again at apply time, and refuses the apply if a value known in
// the first answer differs in the second: a price that changed between plan
// and apply stops the purchase. Prices stay known whenever HostUp can
// preview them.
func (r *Resource[M, P]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		state := r.decodeState(ctx, req.State, &resp.Diagnostics)
		if state != nil {
			summary, detail := r.keeps(state, false)
			resp.Diagnostics.AddWarning(summary, detail)
		}
		return
	}
	if r.client == nil || r.refuseUnconfirmed(ctx, req.Private, req.State, &resp.Diagnostics) {
		return
	}
	if !req.State.Raw.IsNull() {
		if !sameValues(ctx, r.desc.Subject, req.Plan, req.State, true, &resp.Diagnostics) {
			// Another subject forces replacement, and Terraform plans the
			// replacement again as a create (no prior state), which is
			// where it is priced.
			return
		}
		if sameValues(ctx, r.desc.Targets, req.Plan, req.State, false, &resp.Diagnostics) {
			// Nothing to buy, no preview to ask for, and the computed values
			// stay as they are, so the plan is empty.
			keepComputed(ctx, r.schema(), req.State, &resp.Plan, false, &resp.Diagnostics)
			return
		}
	}
	plan := new(M)
	resp.Diagnostics.Append(req.Plan.Get(ctx, plan)...)
	prior := r.decodeState(ctx, req.State, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	inPlace := false
	if unknown, ok := firstUnknown(ctx, r.desc.Inputs, req.Plan, &resp.Diagnostics); ok {
		r.flow.planUnknown(P(plan).Purchase(), r.desc.Noun, unknown, &resp.Diagnostics)
	} else {
		inPlace = r.planChange(ctx, plan, prior, &resp.Diagnostics)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
	if inPlace && prior != nil {
		// Nothing is bought, so what the change left unknown stays as
		// HostUp last reported it.
		keepComputed(ctx, r.schema(), req.State, &resp.Plan, true, &resp.Diagnostics)
	}
}

// planChange prices the change from prior (nil on create) to plan, and
// reports whether it buys nothing.
func (r *Resource[M, P]) planChange(ctx context.Context, plan, prior *M, diags diagnostics) bool {
	ch, err := r.kind.NewChange(r.client, plan, prior)
	if err != nil {
		diags.AddError("Invalid "+r.desc.Noun+" change", err.Error())
		return false
	}
	fields := P(plan).Purchase()
	q := r.flow.plan(ctx, fields, P(plan).Guards(), ch, diags)
	if q != nil && q.InPlace {
		// Adopted or converged: nothing bought now, so last_order stays.
		fields.LastOrder = nothingPlannedOrder[M, P](prior)
	}
	return q != nil && q.InPlace
}

// keeps is the warning that destroying the resource only forgets it: in
// the plan (done false) and once it is done.
func (r *Resource[M, P]) keeps(m *M, done bool) (string, string) {
	if done {
		return r.desc.Keeps.Summary, fmt.Sprintf("%s was removed from Terraform state only. %s; nothing was cancelled or refunded.",
			capitalize(P(m).Describe()), r.desc.Keeps.Detail)
	}
	return r.desc.Keeps.Summary, fmt.Sprintf("Destroying this resource only removes %s from Terraform state. %s; nothing "+
		"is cancelled or refunded.", P(m).Describe(), r.desc.Keeps.Detail)
}

// subjectPath is where errors about the subject belong.
func (r *Resource[M, P]) subjectPath() path.Path {
	return path.Root(r.desc.Subject[0])
}

// priceSource says where the price of a change comes from.
func (r *Resource[M, P]) priceSource() string {
	if r.desc.PriceSource != "" {
		return r.desc.PriceSource
	}
	return "HostUp's preview of the change"
}
