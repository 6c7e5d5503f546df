package provider

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync"
	"testing"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// TestAccUserAgentCarriesBuildVersion builds the provider the way a release
// does, with main.version set by -ldflags, and checks that HostUp receives
// that version in the User-Agent of every request.
func TestAccUserAgentCarriesBuildVersion(t *testing.T) {
	cli := requireAccCLI(t)
	const buildVersion = "0.1.0-uatest"
	binDir := buildProviderBinary(t, buildVersion)

	sim := hostupsim.New()
	sim.SeedDemo()
	sim.AddAPIKey(testAPIKey, hostupsim.AllScopes...)
	var (
		mu     sync.Mutex
		agents []string
	)
	// The simulator's request log records no headers, so the server in
	// front of it does.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents = append(agents, r.Header.Get("User-Agent"))
		mu.Unlock()
		sim.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)

	config := `terraform {
  required_providers {
    hostup = {
      source = "hostup/hostup"
    }
  }
}
` + providerBlock(srv.URL, testAPIKey) + fmt.Sprintf(`
data "hostup_billing_cycle" "site" {
  account_id = %q
}
`, v1AccountID)
	ws := newDevOverridesWorkspace(t, cli, binDir, "", nil)
	ws.writeConfig(config)
	ws.mustRun("plan", "-input=false")

	want := userAgentPattern(buildVersion)
	mu.Lock()
	defer mu.Unlock()
	if len(agents) == 0 || len(sim.Requests()) != len(agents) {
		t.Fatalf("%d requests reached HostUp (%d in the simulator's log); want at least one, all logged", len(agents), len(sim.Requests()))
	}
	t.Logf("User-Agent through %s: %s", cliVersion(t, cli), agents[0])
	for i, got := range agents {
		if !want.MatchString(got) {
			t.Errorf("request %d (%s %s): User-Agent %q, want one matching %s", i, sim.Requests()[i].Method, sim.Requests()[i].Path, got, want)
		}
	}
}

// userAgentPattern matches the User-Agent of a provider built as
// buildVersion, exactly that version. The CLI part is the version the CLI
// reports to providers, which for OpenTofu is the Terraform version it is
// compatible with, not its own; a CLI built from source without its release
// flag reports a prerelease such as 1.15.9-dev, and a prerelease of the CLI
// is as good as its release here.
func userAgentPattern(buildVersion string) *regexp.Regexp {
	return regexp.MustCompile(`^terraform-provider-hostup/` + regexp.QuoteMeta(buildVersion) +
		` \(\+terraform \d+\.\d+\.\d+(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?\)$`)
}

// TestUserAgentPattern pins what the acceptance test accepts: any CLI
// version, prerelease or not, but only the provider's own build version.
func TestUserAgentPattern(t *testing.T) {
	const build = "0.1.0-uatest"
	want := userAgentPattern(build)
	for ua, ok := range map[string]bool{
		"terraform-provider-hostup/0.1.0-uatest (+terraform 1.11.4)":               true,
		"terraform-provider-hostup/0.1.0-uatest (+terraform 1.15.9-dev)":           true,
		"terraform-provider-hostup/0.1.0-uatest (+terraform 1.14.0-alpha20250911)": true,
		"terraform-provider-hostup/0.1.0-uatest (+terraform 1.15.0-rc1.2)":         true,
		"terraform-provider-hostup/0.1.0 (+terraform 1.15.9)":                      false,
		"terraform-provider-hostup/0.1.0-uatest-dev (+terraform 1.15.9)":           false,
		"terraform-provider-hostup/0.1.0Xuatest (+terraform 1.15.9)":               false,
		"terraform-provider-hostup/dev (+terraform 1.15.9)":                        false,
		"terraform-provider-hostup/0.1.0-uatest":                                   false,
		"terraform-provider-hostup/0.1.0-uatest (+terraform 1.15)":                 false,
		"terraform-provider-hostup/0.1.0-uatest (+terraform 1.15.9-)":              false,
		"terraform-provider-hostup/0.1.0-uatest (+terraform 1.15.9-dev.)":          false,
		"terraform-provider-hostup/0.1.0-uatest (+terraform 1.15.9 dev)":           false,
	} {
		if got := want.MatchString(ua); got != ok {
			t.Errorf("%q: match %v, want %v", ua, got, ok)
		}
	}
}
