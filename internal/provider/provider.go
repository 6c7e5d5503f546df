// Package provider is the Terraform side of the HostUp provider: schemas,
// plans and state. It talks to HostUp only through internal/client.
package provider

import (
	"context"
	"net/http"
	"os"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// Environment variables read when the provider block leaves a setting out.
const (
	envAPIKey   = "HOSTUP_API_KEY"
	envEndpoint = "HOSTUP_ENDPOINT"
)

var _ provider.Provider = (*hostupProvider)(nil)

// hostupProvider is the HostUp provider.
type hostupProvider struct {
	// version is set by the build (ldflags) and sent in the User-Agent.
	version string
}

// providerModel is the provider block.
type providerModel struct {
	APIKey         types.String `tfsdk:"api_key"`
	Endpoint       types.String `tfsdk:"endpoint"`
	RequestTimeout types.String `tfsdk:"request_timeout"`
	MaxRetries     types.Int64  `tfsdk:"max_retries"`
	MaxRetryWait   types.String `tfsdk:"max_retry_wait"`
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
		MarkdownDescription: "The HostUp provider manages the plan, storage and size of existing HostUp " +
			"services, and shows the price of every paid change in `terraform plan` before anything is bought.",
		Attributes: map[string]schema.Attribute{
			"api_key": schema.StringAttribute{
				MarkdownDescription: "HostUp API key. Falls back to the `" + envAPIKey + "` environment variable. " +
					"Never stored in state. The key needs the scopes of what you manage: `read:hosting` and " +
					"`write:billing` for shared hosting (`write:billing` already at plan time: price previews are dry " +
					"runs of the upgrade route), `read:vm` for VMs.",
				Optional:  true,
				Sensitive: true,
			},
			"endpoint": schema.StringAttribute{
				MarkdownDescription: "API base URL. Falls back to the `" + envEndpoint + "` environment variable, " +
					"then `" + client.DefaultEndpoint + "`. Must be `https://`; plain `http://` is accepted only " +
					"for loopback addresses (a local simulator or proxy).",
				Optional:   true,
				Validators: []validator.String{endpointValidator{}},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: "Time limit of one HTTP request, as a Go duration such as `30s` or `2m`. " +
					"Default `" + client.DefaultRequestTimeout.String() + "`.",
				Optional:   true,
				Validators: []validator.String{durationValidator{}},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: "How many times a request is tried again when that is safe (rate limits, " +
					"connection refused, and for reads also 502/503/504). A purchase that may have reached " +
					"HostUp is never resent. Default `4`.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, 20)},
			},
			"max_retry_wait": schema.StringAttribute{
				MarkdownDescription: "Upper bound of the total time spent waiting between tries of one request " +
					"(honouring `Retry-After`), as a Go duration. Default `" + client.DefaultMaxRetryWait.String() + "`.",
				Optional:   true,
				Validators: []validator.String{durationValidator{}},
			},
		},
	}
}

func (p *hostupProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// A value known only after apply would leave resources without a client
	// during plan, when previews must be priced: say so plainly.
	for _, a := range []struct {
		name string
		v    types.String
	}{{"api_key", cfg.APIKey}, {"endpoint", cfg.Endpoint}} {
		if name := a.name; a.v.IsUnknown() {
			resp.Diagnostics.AddAttributeError(path.Root(name), "Unknown HostUp "+name,
				"The provider needs "+name+" during plan, to read accounts and price changes, but its value is only known after apply. "+
					"Set it to a static value, a variable, or the environment variable, or apply the resource it comes from first (-target).")
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}

	apiKey := stringOrEnv(cfg.APIKey, envAPIKey, "")
	if apiKey == "" {
		resp.Diagnostics.AddAttributeError(path.Root("api_key"), "Missing HostUp API key",
			"Set api_key in the provider block or the "+envAPIKey+" environment variable. "+
				"Create a key in HostUp's control panel (API keys) with the scopes of what you manage.")
	}
	endpoint := stringOrEnv(cfg.Endpoint, envEndpoint, client.DefaultEndpoint)
	if err := client.ValidateEndpoint(endpoint); err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("endpoint"), "Invalid HostUp endpoint", err.Error())
	}
	if resp.Diagnostics.HasError() {
		return
	}
	timeout := durationOr(cfg.RequestTimeout, client.DefaultRequestTimeout)
	maxRetries := client.DefaultMaxRetries
	if !cfg.MaxRetries.IsNull() {
		maxRetries = int(cfg.MaxRetries.ValueInt64())
	}

	httpClient := &http.Client{
		Timeout:   timeout,
		Transport: newLoggingTransport(apiTransport(), apiKey),
	}
	c, err := client.New(apiKey,
		client.WithEndpoint(endpoint),
		client.WithHTTPClient(httpClient),
		client.WithUserAgent(userAgent(p.version, req.TerraformVersion)),
		client.WithRetry(maxRetries, durationOr(cfg.MaxRetryWait, client.DefaultMaxRetryWait)),
		// One plan reads each account once; see client.WithReadCache for
		// what it never answers.
		client.WithReadCache(),
	)
	if err != nil {
		resp.Diagnostics.AddError("Could not create the HostUp client", err.Error())
		return
	}
	tflog.Debug(ctx, "configured HostUp client", map[string]any{"endpoint": endpoint, "request_timeout": timeout.String(), "max_retries": maxRetries})
	resp.DataSourceData = c
	resp.ResourceData = &resourceData{client: c, ledger: newPurchaseLedger()}
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
	}
}

// userAgent names this provider first, so HostUp can tell its traffic apart.
func userAgent(version, terraformVersion string) string {
	ua := "terraform-provider-hostup/" + version
	if terraformVersion != "" {
		ua += " (+terraform " + terraformVersion + ")"
	}
	return ua
}

// stringOrEnv is the configured value, else the environment variable, else def.
func stringOrEnv(v types.String, env, def string) string {
	if !v.IsNull() && v.ValueString() != "" {
		return v.ValueString()
	}
	if e := os.Getenv(env); e != "" {
		return e
	}
	return def
}

// durationOr parses a duration already checked by durationValidator.
func durationOr(v types.String, def time.Duration) time.Duration {
	if v.IsNull() || v.IsUnknown() {
		return def
	}
	d, err := time.ParseDuration(v.ValueString())
	if err != nil {
		return def
	}
	return d
}

// clientFromProviderData is the Configure step shared by every resource and
// data source. It returns nil (and no error) before the provider is
// configured, which Terraform does during validation.
func clientFromProviderData(data any, diags interface{ AddError(string, string) }) *client.Client {
	switch d := data.(type) {
	case nil:
		return nil
	case *client.Client:
		return d
	case *resourceData:
		return d.client
	}
	diags.AddError("Unexpected provider data", "This is a bug in the HostUp provider: please report it.")
	return nil
}

// resourceData is what resources get from Configure: the client, and the
// ledger that every paid resource of this provider process shares (one lock
// per account or VM, and the invoices bought in this run).
type resourceData struct {
	client *client.Client
	ledger *purchaseLedger
}

// purchaseFlowFromProviderData is the Configure step of paid resources.
func purchaseFlowFromProviderData(data any, diags interface{ AddError(string, string) }) (*client.Client, *purchaseFlow) {
	c := clientFromProviderData(data, diags)
	d, ok := data.(*resourceData)
	if c == nil || !ok {
		return c, nil
	}
	return c, &purchaseFlow{ledger: d.ledger}
}

// apiTransport is http.DefaultTransport keeping as many idle connections to
// HostUp as OpenTofu runs resources at once (10 by default). The default
// keeps 2, so most requests of a large plan would open a new connection,
// with its TLS handshake: more round trips and more CPU.
func apiTransport() http.RoundTripper {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 32
	return t
}
