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

	// The CLI part is the version the CLI reports to providers, which for
	// OpenTofu is the Terraform version it is compatible with, not its own.
	want := regexp.MustCompile(`^terraform-provider-hostup/` + regexp.QuoteMeta(buildVersion) + ` \(\+terraform \d+\.\d+\.\d+\)$`)
	mu.Lock()
	defer mu.Unlock()
	if len(agents) == 0 || len(sim.Requests()) != len(agents) {
		t.Fatalf("%d requests reached HostUp (%d in the simulator's log); want at least one, all logged", len(agents), len(sim.Requests()))
	}
	for i, got := range agents {
		if !want.MatchString(got) {
			t.Errorf("request %d (%s %s): User-Agent %q, want one matching %s", i, sim.Requests()[i].Method, sim.Requests()[i].Path, got, want)
		}
	}
}
