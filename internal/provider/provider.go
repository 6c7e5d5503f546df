// Package provider is the Terraform side of the HostUp provider: schemas,
// plans and state. It talks to HostUp only through internal/client; every
// paid resource runs on the engine in internal/provider/purchase.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/purchase"
)

var (
	_ provider.Provider                  = (*hostupProvider)(nil)
	_ provider.ProviderWithListResources = (*hostupProvider)(nil)
)

// hostupProvider is the HostUp provider.
type hostupProvider struct {
	// version is set by the build (ldflags) and sent in the User-Agent.
	version string
}

// New returns the provider factory for a build version.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &hostupProvider{version: version}
	}
}

func (p *hostupProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "hostup"
	resp.Version = p.version
}

func (p *hostupProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The HostUp provider manages the plan, billing cycle, storage and size of existing HostUp " +
			"shared-hosting accounts and VPSs, and shows the price of every paid change in `terraform plan` before " +
			"anything is bought.",
		Attributes: map[string]schema.Attribute{
			"api_key": schema.StringAttribute{
				MarkdownDescription: "HostUp API key. Falls back to the `" + envAPIKey + "` environment variable. Never " +
					"stored in state or logged. The key needs the scopes of the resources and data sources you use (each " +
					"page lists them); price previews are dry runs of the paid routes, so `write:billing` is needed " +
					"already at plan time.",
				Optional:  true,
				Sensitive: true,
			},
			"endpoint": schema.StringAttribute{
				MarkdownDescription: "API base URL. Falls back to the `" + envEndpoint + "` environment variable, then `" +
					client.DefaultEndpoint + "`. Must be `https://`; plain `http://` is accepted only for loopback addresses " +
					"(a local simulator or proxy).",
				Optional:   true,
				Validators: []validator.String{endpointValidator{}},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: "Time limit of one HTTP request, as a Go duration such as `30s` or `2m`. Default `" +
					client.DefaultRequestTimeout.String() + "`.",
				Optional:   true,
				Validators: []validator.String{durationValidator{}},
			},
			"max_retries": schema.NumberAttribute{
				MarkdownDescription: "How many times a request is tried again when that is safe (rate limits, connection " +
					"refused, and for reads also 502/503/504), a whole number from 0 to 20. A purchase that may have reached " +
					"HostUp is never resent. Default `4`.",
				Optional:   true,
				Validators: []validator.Number{wholeNumberValidator{min: 0, max: 20}},
			},
			"max_retry_wait": schema.StringAttribute{
				MarkdownDescription: "Upper bound of the total time spent waiting between tries of one request (honouring " +
					"`Retry-After`), as a Go duration. Default `" + client.DefaultMaxRetryWait.String() + "`.",
				Optional:   true,
				Validators: []validator.String{durationValidator{}},
			},
		},
	}
}

// Configure makes the client that every resource and data source uses, and
// the ledger the paid resources of this run share.
func (p *hostupProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := newClient(ctx, cfg, userAgent(p.version, req.TerraformVersion), &resp.Diagnostics)
	if c == nil {
		return
	}
	resp.DataSourceData = c
	resp.ResourceData = &purchase.ProviderData{Client: c, Ledger: purchase.NewLedger()}
	resp.ListResourceData = c
}

func (p *hostupProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewSharedHostingPlanResource,
		NewVPSSizeResource,
		NewStorageAddonResource,
		NewSharedHostingBillingCycleResource,
	}
}

func (p *hostupProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewBillingCycleDataSource,
		NewAccountsDataSource,
		NewPlanOptionsDataSource,
		NewStorageTiersDataSource,
		NewVPSUpgradeOptionsDataSource,
		NewVirtualServersDataSource,
	}
}

// ListResources are the paid resources `terraform query` can list: those
// whose subjects HostUp lists. Storage blocks have no listing at HostUp.
func (p *hostupProvider) ListResources(_ context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		NewSharedHostingPlanListResource,
		NewSharedHostingBillingCycleListResource,
		NewVPSSizeListResource,
	}
}
