package provider

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// The guide's adoption of every account and VPS, run as the guide runs it:
// its example configuration, through the CLI under test, against more
// accounts than one page of the account list holds.
const (
	adoptedScaleAccounts = 120
	adoptedAccounts      = adoptedScaleAccounts + 2 // and the demo's two
	adoptedServers       = 2 + 3                    // the demo's two and three more
	adoptionListPages    = 2                        // 122 accounts at 100 a page
	adoptionImports      = 2*adoptedAccounts + adoptedServers
)

// adoptionExample is the guide's example, its provider pointed at the
// simulator; identity imports by identity instead of by id.
func adoptionExample(t *testing.T, url string, identity bool) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(examplesDir, "guides", "adopting-existing-accounts", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	config := string(b)
	// The example installs hostup/hostup from the registry; the test serves
	// this provider in-process under the implied hashicorp/hostup.
	for _, block := range []string{`(?s)\nterraform \{.*?\n\}\n`, `\nprovider "hostup" \{\}\n`} {
		if !regexp.MustCompile(block).MatchString(config) {
			t.Fatalf("the example no longer has %s", block)
		}
		config = regexp.MustCompile(block).ReplaceAllString(config, "\n")
	}
	if identity {
		byID := regexp.MustCompile(`(?m)^(  to\s+= (hostup_[a-z_]+)\..*\n)  id\s+= each\.key$`)
		config = byID.ReplaceAllStringFunc(config, func(block string) string {
			m := byID.FindStringSubmatch(block)
			attr := "account_id"
			if m[2] == "hostup_vps_size" {
				attr = "vm_id"
			}
			return m[1] + "  identity = { " + attr + " = each.key }"
		})
		if n := len(regexp.MustCompile(`(?m)^  identity = \{`).FindAllString(config, -1)); n != 3 {
			t.Fatalf("%d import blocks by identity, want 3:\n%s", n, config)
		}
	}
	return providerBlock(url, testAPIKey) + config
}

// planReadGauge records the most upgrade-options reads of hosting accounts
// HostUp had in flight at once.
type planReadGauge struct {
	next     http.Handler
	mu       sync.Mutex
	now, max int
}

func (g *planReadGauge) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/api/v2/shared-hosting/") && strings.HasSuffix(r.URL.Path, "/actions/upgrade") {
		g.mu.Lock()
		g.now++
		g.max = max(g.max, g.now)
		g.mu.Unlock()
		defer func() {
			g.mu.Lock()
			g.now--
			g.mu.Unlock()
		}()
	}
	g.next.ServeHTTP(w, r)
}

// What one plan of the adoption reads, route by route: the account list's
// pages and each account's plan (the data source); the VPS list; each
// account's billing cycles (the billing-cycle resource's refresh); each
// VPS (the size resource's refresh). The plan resource's refresh reads
// nothing of its own: the account's plan and the account list are the data
// source's answers, from the client's read cache. Nothing is read twice.
var adoptionPlanReads = map[string]int{
	hostupsim.RouteV2HostingList:           adoptionListPages,
	hostupsim.RouteV2HostingUpgradeOptions: adoptedAccounts,
	hostupsim.RouteV2VPSList:               1,
	hostupsim.RouteV2HostingBillingCycle:   adoptedAccounts,
	hostupsim.RouteV2VPS:                   adoptedServers,
}

func TestAccBulkAdoption(t *testing.T) {
	for _, tc := range []struct {
		name     string
		identity bool
		minimum  *version.Version
	}{
		{name: "by id", minimum: version.Must(version.NewVersion("1.7.0"))},
		{name: "by identity", identity: true, minimum: tfversion.Version1_12_0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			skipBelowCLIVersion(t, requireAccCLI(t), tc.minimum)
			testBulkAdoption(t, tc.identity)
		})
	}
}

func testBulkAdoption(t *testing.T, identity bool) {
	sim := hostupsim.New()
	sim.SeedDemo()
	sim.AddAPIKey(testAPIKey, hostupsim.AllScopes...)
	accounts := seedScaleAccounts(sim, adoptedScaleAccounts)
	sim.AddVMs(adoptedServers-2, hostupsim.VM{Hostname: "adopt.example.net", ProductID: "1936"})
	// Every answer takes a while, as HostUp's would, so that reads overlap
	// and the bound on the plan reads in flight is put to the test.
	sim.SetLatency(2 * time.Millisecond)
	gauge := &planReadGauge{next: sim}
	srv := httptest.NewServer(gauge)
	t.Cleanup(srv.Close)

	ws := newCLIWorkspace(t, adoptionExample(t, srv.URL, identity))

	// The first plan imports everything and prices nothing.
	sim.ResetLog()
	out := ws.mustRun("plan", "-input=false", "-out=adopt.tfplan")
	expectOutput(t, out, fmt.Sprintf("Plan: %d to import, 0 to add, 0 to change, 0 to destroy.", adoptionImports),
		"cost_of_this_change = 0")
	expectReads(t, sim, "the first plan", adoptionPlanReads)
	t.Logf("at most %d plan reads in flight at once", gauge.max)
	if gauge.max > accountPlanReads {
		t.Errorf("%d plan reads in flight at once, want at most %d", gauge.max, accountPlanReads)
	}
	expectNoPriceChange(t, ws, "adopt.tfplan")

	// Applying it sends nothing: importing buys nothing, and the saved plan
	// holds what the data sources read.
	sim.ResetLog()
	ws.mustRun("apply", "-input=false", "adopt.tfplan")
	expectReads(t, sim, "the apply", map[string]int{})
	if n := len(sim.Orders()); n != 0 {
		t.Errorf("adopting bought %d orders", n)
	}

	// The next plan is empty, and reads what the first did.
	sim.ResetLog()
	out = ws.mustRun("plan", "-input=false", "-detailed-exitcode")
	expectOutput(t, out, "No changes.")
	expectReads(t, sim, "the plan after the apply", adoptionPlanReads)

	// One account moves to another plan: one change, one preview, priced.
	changed := accounts[7]
	sim.ResetLog()
	out = ws.mustRun("plan", "-input=false", "-var", fmt.Sprintf(`plan_overrides={%q = "webbhotell-business"}`, changed))
	expectOutput(t, out, fmt.Sprintf(`hostup_shared_hosting_plan.account["%s"] will be updated in-place`, changed),
		"+ price_change", `+ price_status = "previewed"`, `~ product_slug = "webbhotell-start" -> "webbhotell-business"`,
		"Plan: 0 to add, 1 to change, 0 to destroy.", "~ cost_of_this_change = 0 ->")
	previews := map[string]int{hostupsim.RouteV2HostingUpgrade: 1}
	for route, n := range adoptionPlanReads {
		previews[route] = n
	}
	expectReads(t, sim, "the plan of one change", previews)
	if dryRuns(sim) != 1 || commits(sim) != 0 {
		t.Errorf("the plan of one change sent %d previews and %d commits, want 1 and 0", dryRuns(sim), commits(sim))
	}
}

// expectReads fails the test unless the simulator's log since its last reset
// holds exactly want, by route, and no request that is not a preview POST
// or a GET.
func expectReads(t *testing.T, sim *hostupsim.Server, what string, want map[string]int) {
	t.Helper()
	got := countRequests(sim)
	for route, n := range got.byRoute {
		if want[route] != n {
			t.Errorf("%s: %d requests to %s, want %d", what, n, route, want[route])
		}
	}
	for route, n := range want {
		if _, ok := got.byRoute[route]; !ok && n != 0 {
			t.Errorf("%s: no request to %s, want %d", what, route, n)
		}
	}
	if twice := got.readTwice(adoptionListPages); len(twice) > 0 {
		t.Errorf("%s read more than once: %v", what, twice)
	}
	for _, r := range sim.Requests() {
		if r.Method != http.MethodGet && isCommit(r) {
			t.Errorf("%s sent %s %s, which is not a preview", what, r.Method, r.Path)
		}
	}
}

// expectNoPriceChange fails the test unless every resource of the saved plan
// is imported with a null price_change.
func expectNoPriceChange(t *testing.T, ws *cliWorkspace, plan string) {
	t.Helper()
	out, err := ws.showJSON(plan)
	if err != nil {
		t.Fatalf("show -json %s: %v", plan, err)
	}
	var p struct {
		ResourceChanges []struct {
			Address string `json:"address"`
			Change  struct {
				Actions   []string       `json:"actions"`
				After     map[string]any `json:"after"`
				Importing any            `json:"importing"`
			} `json:"change"`
		} `json:"resource_changes"`
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatal(err)
	}
	if len(p.ResourceChanges) != adoptionImports {
		t.Errorf("the plan changes %d resources, want %d imports", len(p.ResourceChanges), adoptionImports)
	}
	for _, rc := range p.ResourceChanges {
		if rc.Change.Importing == nil || strings.Join(rc.Change.Actions, ",") != "no-op" || rc.Change.After["price_change"] != nil {
			t.Errorf("%s: actions %v, importing %v, price_change %v; want a no-op import without a price",
				rc.Address, rc.Change.Actions, rc.Change.Importing, rc.Change.After["price_change"])
		}
	}
}
