package provider

import (
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// testAPIKey has every scope in each test's simulator.
const testAPIKey = "test-key-all-scopes"

// The demo dataset's ids, which tests use too.
const (
	v2AccountID   = "acct_01hxa3b4c5d6e7f8g9h0j1k2m3" // example.com, Start, annually
	v2AccountID2  = "acct_01hxa3b4c5d6e7f8g9h0j1k2m4" // shop.example.se, Mini, monthly
	v1AccountID   = "20000"                           // the same account as v2AccountID
	testVMID      = 10000
	missingV1ID   = "29999"
	missingAcctID = "acct_01hxa3b4c5d6e7f8g9h0zzzzzz"
)

// testAccProtoV6ProviderFactories serves the provider in-process to the CLI.
var testAccProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"hostup": providerserver.NewProtocol6WithError(New("test")()),
}

// newTestSimulator starts a simulator with the demo dataset for one test, the
// way terraform-provider-http starts a server per test: the URL goes into the
// HCL, so tests can run in parallel.
func newTestSimulator(t testing.TB) (*hostupsim.Server, string) {
	t.Helper()
	sim := hostupsim.New()
	sim.SeedDemo()
	sim.AddAPIKey(testAPIKey, hostupsim.AllScopes...)
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	return sim, srv.URL
}

// TestMain names the CLI the acceptance tests drive, so that a test log
// shows which binary ran them.
func TestMain(m *testing.M) {
	if cli := os.Getenv("TF_ACC_TERRAFORM_PATH"); os.Getenv("TF_ACC") != "" && cli != "" {
		out, err := exec.Command(cli, "version").Output()
		version := "version unknown"
		for _, line := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(line, "OpenTofu v") || strings.HasPrefix(line, "Terraform v") {
				version = line
			}
		}
		fmt.Printf("acceptance tests drive %s (%s, err=%v)\n", cli, version, err)
	}
	code := m.Run()
	removeBuiltProviders()
	os.Exit(code)
}

// providerBlock configures the provider for a simulator.
func providerBlock(endpoint, apiKey string) string {
	return fmt.Sprintf(`
provider "hostup" {
  endpoint = %q
  api_key  = %q
}
`, endpoint, apiKey)
}

func TestAccProvider_missingAPIKey(t *testing.T) {
	t.Setenv(envAPIKey, "")
	_, url := newTestSimulator(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "hostup" {
  endpoint = %q
}
data "hostup_billing_cycle" "x" {
  account_id = %q
}
`, url, v1AccountID),
			ExpectError: expectError("Missing HostUp API key", "api_key", "HOSTUP_API_KEY"),
		}},
	})
}

func TestAccProvider_plainHTTPRefused(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerBlock("http://cloud.hostup.se", testAPIKey) + `
data "hostup_billing_cycle" "x" {
  account_id = "20000"
}
`,
			ExpectError: expectError("Invalid HostUp endpoint", "plain http"),
		}},
	})
}

// expectError matches CLI error output that contains the fragments in order.
// The CLI wraps long lines, so any run of white space in a fragment matches
// any run of white space (including line breaks) in the output.
func expectError(fragments ...string) *regexp.Regexp {
	parts := make([]string, len(fragments))
	for i, f := range fragments {
		words := strings.Fields(f)
		for j, w := range words {
			words[j] = regexp.QuoteMeta(w)
		}
		parts[i] = strings.Join(words, `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, `.*`))
}

func TestAccProvider_unknownAPIKeyIsAnError(t *testing.T) {
	_, url := newTestSimulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
resource "terraform_data" "key" {
  input = %q
}
provider "hostup" {
  endpoint = %q
  api_key  = terraform_data.key.output
}
data "hostup_billing_cycle" "x" {
  account_id = "20000"
}
`, testAPIKey, url),
			ExpectError: expectError("Unknown HostUp api_key", "only known after apply"),
		}},
	})
}

// Settings a provider block can get wrong are refused in the provider's own
// words, before any request: an API key with a line break (read from a
// file with its newline), and a retry count that is not a whole number.
func TestAccProvider_invalidSettings(t *testing.T) {
	sim, url := newTestSimulator(t)
	for _, tc := range []struct{ settings, want string }{
		{fmt.Sprintf("  api_key = %q", testAPIKey+"\n"), "Invalid HostUp API key"},
		{fmt.Sprintf("  api_key = %q\n  max_retries = 1.5", testAPIKey), "max_retries is 1.5; it must be a whole number from 0 to 20"},
		{fmt.Sprintf("  api_key = %q\n  max_retries = 21", testAPIKey), "must be a whole number from 0 to 20"},
	} {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config: fmt.Sprintf(`
provider "hostup" {
  endpoint = %q
%s
}
data "hostup_billing_cycle" "x" {
  account_id = %q
}
`, url, tc.settings, v1AccountID),
				ExpectError: expectError(tc.want),
			}},
		})
	}
	if n := len(sim.Requests()); n != 0 {
		t.Errorf("%d requests sent with an invalid provider block", n)
	}
}
