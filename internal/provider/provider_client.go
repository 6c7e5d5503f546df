package provider

import (
	"context"
	"net/http"
	"os"
	"strings"
	"time"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// Environment variables read when the provider block leaves a setting out.
const (
	envAPIKey   = "HOSTUP_API_KEY"
	envEndpoint = "HOSTUP_ENDPOINT"
)

// providerModel is the provider block.
type providerModel struct {
	APIKey         types.String `tfsdk:"api_key"`
	Endpoint       types.String `tfsdk:"endpoint"`
	RequestTimeout types.String `tfsdk:"request_timeout"`
	MaxRetries     types.Number `tfsdk:"max_retries"`
	MaxRetryWait   types.String `tfsdk:"max_retry_wait"`
}

// newClient makes the HostUp client the provider block describes; nil after
// an error.
func newClient(ctx context.Context, cfg providerModel, ua string, diags *diag.Diagnostics) *client.Client {
	// A value known only after apply would leave resources without a client
	// during plan, when previews must be priced: say so plainly.
	for name, v := range map[string]types.String{"api_key": cfg.APIKey, "endpoint": cfg.Endpoint} {
		if v.IsUnknown() {
			diags.AddAttributeError(path.Root(name), "Unknown HostUp "+name,
				"The provider needs "+name+" during plan, to read accounts and price changes, but its value is only known after apply. "+
					"Set it to a static value, a variable, or the environment variable, or apply the resource it comes from first (-target).")
		}
	}
	if diags.HasError() {
		return nil
	}
	apiKey := stringOrEnv(cfg.APIKey, envAPIKey, "")
	switch {
	case apiKey == "":
		diags.AddAttributeError(path.Root("api_key"), "Missing HostUp API key",
			"Set api_key in the provider block or the "+envAPIKey+" environment variable. "+
				"Create a key in HostUp's control panel (API keys) with the scopes of what you manage.")
	case strings.ContainsFunc(apiKey, unicode.IsControl):
		diags.AddAttributeError(path.Root("api_key"), "Invalid HostUp API key",
			"The API key holds a control character (such as a line break, often left by reading the key from a file), "+
				"which cannot be sent to HostUp. Set it without that character.")
	}
	endpoint := stringOrEnv(cfg.Endpoint, envEndpoint, client.DefaultEndpoint)
	if err := client.ValidateEndpoint(endpoint); err != nil {
		diags.AddAttributeError(path.Root("endpoint"), "Invalid HostUp endpoint", err.Error())
	}
	if diags.HasError() {
		return nil
	}
	timeout := durationOr(cfg.RequestTimeout, client.DefaultRequestTimeout)
	maxRetries := client.DefaultMaxRetries
	if !cfg.MaxRetries.IsNull() && !cfg.MaxRetries.IsUnknown() {
		n, _ := cfg.MaxRetries.ValueBigFloat().Int64() // a whole number from 0 to 20, validated
		maxRetries = int(n)
	}
	c, err := client.New(apiKey,
		client.WithEndpoint(endpoint),
		client.WithHTTPClient(&http.Client{Timeout: timeout, Transport: newLoggingTransport(apiTransport(), apiKey)}),
		client.WithUserAgent(ua),
		client.WithRetry(maxRetries, durationOr(cfg.MaxRetryWait, client.DefaultMaxRetryWait)),
		// One plan reads each account once; see client.WithReadCache for
		// what it never answers.
		client.WithReadCache(),
	)
	if err != nil {
		diags.AddError("Could not create the HostUp client", err.Error())
		return nil
	}
	tflog.Debug(ctx, "configured HostUp client", map[string]any{"endpoint": endpoint, "request_timeout": timeout.String(), "max_retries": maxRetries})
	return c
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

// apiTransport is http.DefaultTransport keeping 32 idle connections to
// HostUp, more than the resources a CLI runs at once (10 by default). The
// default keeps 2, so most requests of a large plan would open a new
// connection, with its TLS handshake: more round trips and more CPU.
func apiTransport() http.RoundTripper {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 32
	return t
}

// clientFromProviderData is the Configure step of every data source and
// list resource. It returns nil (and no error) before the provider is
// configured, which Terraform does during validation.
func clientFromProviderData(data any, diags *diag.Diagnostics) *client.Client {
	switch d := data.(type) {
	case nil:
		return nil
	case *client.Client:
		return d
	}
	diags.AddError("Unexpected provider data", "This is a bug in the HostUp provider: please report it.")
	return nil
}
