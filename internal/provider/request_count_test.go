package provider

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// How many requests a plan of many accounts sends. Counts are exact and
// deterministic, so they are asserted; times are not (see BENCHMARKS.md).
//
// The simulator holds more accounts than the configuration manages, so that
// the account list takes more than one page.
const (
	countedResources = 25
	seededAccounts   = 150
	accountListPages = 2 // 150 accounts + the 2 demo ones, at 100 a page
)

// seedScaleAccounts adds n v2 accounts on Start (monthly) and returns their
// ids, in order.
func seedScaleAccounts(sim *hostupsim.Server, n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("acct_scale%05d", i)
		sim.AddHostingAccount(hostupsim.HostingAccount{V2ID: ids[i], Domain: fmt.Sprintf("site%d.example.se", i),
			ProductID: "1912", BillingCycle: "monthly"})
	}
	return ids
}

// scalePlanConfig manages the plan of each account, all on slug.
func scalePlanConfig(url string, ids []string, slug string) string {
	var b strings.Builder
	b.WriteString(providerBlock(url, testAPIKey))
	for i, id := range ids {
		fmt.Fprintf(&b, "\nresource \"hostup_shared_hosting_plan\" \"a%d\" {\n  account_id   = %q\n  product_slug = %q\n}\n", i, id, slug)
	}
	return b.String()
}

// requestCounts tallies the simulator's log by method and path (the query,
// e.g. the list's cursor, left out) and by route.
type requestCounts struct {
	total   int
	byPath  map[string]int
	byRoute map[string]int
}

func countRequests(sim *hostupsim.Server) requestCounts {
	c := requestCounts{byPath: map[string]int{}, byRoute: map[string]int{}}
	for _, r := range sim.Requests() {
		c.total++
		c.byPath[r.Method+" "+r.Path]++
		c.byRoute[r.Route]++
	}
	return c
}

// readTwice lists the GETs sent more than once, the account list's pages
// (one path, told apart by their cursor) allowed once each.
func (c requestCounts) readTwice(listPages int) []string {
	var twice []string
	for p, n := range c.byPath {
		limit := 1
		if p == "GET /api/v2/shared-hosting" {
			limit = listPages
		}
		if strings.HasPrefix(p, "GET ") && n > limit {
			twice = append(twice, fmt.Sprintf("%s ×%d", p, n))
		}
	}
	sort.Strings(twice)
	return twice
}

// adoptedScaleWorkspace adopts countedResources accounts at their current
// plan, then empties the simulator's log.
func adoptedScaleWorkspace(t *testing.T) (*hostupsim.Server, *cliWorkspace, string, []string) {
	t.Helper()
	sim, url := newTestSimulator(t)
	ids := seedScaleAccounts(sim, seededAccounts)[:countedResources]
	ws := newCLIWorkspace(t, scalePlanConfig(url, ids, "webbhotell-start"))
	ws.mustRun("apply", "-input=false", "-auto-approve")
	if len(sim.Orders()) != 0 {
		t.Fatalf("adopting accounts at their plan bought %d orders", len(sim.Orders()))
	}
	sim.ResetLog()
	return sim, ws, url, ids
}

// A plan with nothing to change: one request per resource (its options),
// plus the account list once, a page per 100 accounts. ModifyPlan reads
// nothing: the target equals state.
func TestAccRequestCounts_noOpPlan(t *testing.T) {
	sim, ws, _, _ := adoptedScaleWorkspace(t)
	out := ws.mustRun("plan", "-input=false", "-detailed-exitcode")
	expectOutput(t, out, "No changes.")

	got := countRequests(sim)
	if got.total > countedResources+accountListPages {
		t.Errorf("no-op plan of %d resources sent %d requests, want at most %d (one each + %d list pages): %v",
			countedResources, got.total, countedResources+accountListPages, accountListPages, got.byRoute)
	}
	if n := got.byRoute[hostupsim.RouteV2HostingUpgradeOptions]; n != countedResources {
		t.Errorf("options read %d times, want once per resource (%d)", n, countedResources)
	}
	if n := got.byRoute[hostupsim.RouteV2HostingList]; n != accountListPages {
		t.Errorf("account list pages read: %d, want %d", n, accountListPages)
	}
	if n := got.byRoute[hostupsim.RouteV2HostingAccount] + got.byRoute[hostupsim.RouteV2HostingUpgrade]; n != 0 {
		t.Errorf("no-op plan read single accounts or previewed: %d requests (%v)", n, got.byRoute)
	}
	if twice := got.readTwice(accountListPages); len(twice) > 0 {
		t.Errorf("read more than once during plan: %v", twice)
	}
}

// A plan where every resource changes adds exactly one preview per resource:
// ModifyPlan's check of the options reuses the refresh's read.
func TestAccRequestCounts_allChangePlan(t *testing.T) {
	sim, ws, url, ids := adoptedScaleWorkspace(t)
	ws.writeConfig(scalePlanConfig(url, ids, "webbhotell-business"))
	out := ws.mustRun("plan", "-input=false")
	expectOutput(t, out, fmt.Sprintf("%d to change", countedResources))

	got := countRequests(sim)
	want := countedResources + accountListPages + countedResources
	if got.total != want {
		t.Errorf("all-change plan sent %d requests, want %d (no-op plan + one preview each): %v", got.total, want, got.byRoute)
	}
	if dryRuns(sim) != countedResources || commits(sim) != 0 {
		t.Errorf("dry runs %d, commits %d; want %d and 0", dryRuns(sim), commits(sim), countedResources)
	}
	if n := got.byRoute[hostupsim.RouteV2HostingUpgradeOptions]; n != countedResources {
		t.Errorf("options read %d times, want once per resource (%d)", n, countedResources)
	}
	if twice := got.readTwice(accountListPages); len(twice) > 0 {
		t.Errorf("read more than once during plan: %v", twice)
	}
}

// Applying a saved plan makes its own checks, counted separately: per
// resource, the apply-time plan (options and a preview), then under the lock
// a fresh read of the options and a fresh preview, bypassing what the
// apply-time plan read, and one commit. Nothing is bought twice.
func TestAccRequestCounts_applySavedPlan(t *testing.T) {
	sim, ws, url, ids := adoptedScaleWorkspace(t)
	ws.writeConfig(scalePlanConfig(url, ids, "webbhotell-business"))
	ws.mustRun("plan", "-input=false", "-out=saved.tfplan")
	sim.ResetLog()
	ws.mustRun("apply", "-input=false", "saved.tfplan")

	got := countRequests(sim)
	if commits(sim) != countedResources || len(sim.Orders()) != countedResources {
		t.Errorf("commits %d, orders %d; want one each per resource (%d)", commits(sim), len(sim.Orders()), countedResources)
	}
	if n := dryRuns(sim); n != 2*countedResources {
		t.Errorf("apply sent %d previews, want %d (apply-time plan + the re-preview under the lock)", n, 2*countedResources)
	}
	if n := got.byRoute[hostupsim.RouteV2HostingUpgradeOptions]; n != 2*countedResources {
		t.Errorf("apply read options %d times, want %d (apply-time plan + the fresh read under the lock)", n, 2*countedResources)
	}
	if got.total != 5*countedResources {
		t.Errorf("apply sent %d requests, want %d: %v", got.total, 5*countedResources, got.byRoute)
	}
}

// BenchmarkAccPlanNoChangeAtScale plans 500 adopted accounts through the
// CLI, the provider in-process: run it with -cpuprofile to see where the
// provider's CPU goes (see BENCHMARKS.md). It reports requests per plan.
func BenchmarkAccPlanNoChangeAtScale(b *testing.B) {
	const n = 500
	sim, url := newTestSimulator(b)
	ids := seedScaleAccounts(sim, n)
	ws := newCLIWorkspace(b, scalePlanConfig(url, ids, "webbhotell-start"))
	ws.mustRun("apply", "-input=false", "-auto-approve")
	sim.ResetLog()
	b.ResetTimer()
	for b.Loop() {
		ws.mustRun("plan", "-input=false", "-lock=false")
	}
	b.ReportMetric(float64(len(sim.Requests()))/float64(b.N), "requests/op")
}

// Every paid resource: a plan with nothing to change sends exactly one
// request per resource, reads nothing twice, and previews nothing.
func TestAccRequestCounts_noOpPlanEveryPaidResource(t *testing.T) {
	const n = 6
	for _, tc := range []struct {
		name string
		// seed adds what the configuration manages, at its current state,
		// and returns the configuration.
		seed func(sim *hostupsim.Server, url string) string
	}{{
		name: "hostup_vps_size v1",
		seed: func(sim *hostupsim.Server, url string) string {
			var b strings.Builder
			b.WriteString(providerBlock(url, testAPIKey))
			for i := range n {
				id := int64(20100 + i)
				sim.AddVM(hostupsim.VM{ID: id, V2ID: fmt.Sprintf("vps_scale%05d", i), ProductID: "1937"})
				fmt.Fprintf(&b, "resource \"hostup_vps_size\" \"v%d\" {\n  vm_id   = \"%d\"\n  package = \"1937\"\n}\n", i, id)
			}
			return b.String()
		},
	}, {
		name: "hostup_vps_size v2",
		seed: func(sim *hostupsim.Server, url string) string {
			var b strings.Builder
			b.WriteString(providerBlock(url, testAPIKey))
			for i := range n {
				sim.AddVM(hostupsim.VM{ID: int64(20100 + i), V2ID: fmt.Sprintf("vps_scale%05d", i), ProductID: "1937"})
				fmt.Fprintf(&b, "resource \"hostup_vps_size\" \"v%d\" {\n  vm_id        = \"vps_scale%05d\"\n  product_slug = \"vps-l\"\n}\n", i, i)
			}
			return b.String()
		},
	}, {
		name: "hostup_shared_hosting_storage_addon",
		seed: func(_ *hostupsim.Server, url string) string {
			return storageConfig(url, v2AccountID, "storage-10gb", fmt.Sprintf("  count = %d", n))
		},
	}, {
		name: "hostup_shared_hosting_billing_cycle",
		seed: func(sim *hostupsim.Server, url string) string {
			var b strings.Builder
			b.WriteString(providerBlock(url, testAPIKey))
			for i, id := range seedScaleAccounts(sim, n) {
				fmt.Fprintf(&b, "resource \"hostup_shared_hosting_billing_cycle\" \"c%d\" {\n  account_id    = %q\n  billing_cycle = \"monthly\"\n}\n", i, id)
			}
			return b.String()
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sim, url := newTestSimulator(t)
			ws := newCLIWorkspace(t, tc.seed(sim, url))
			ws.mustRun("apply", "-input=false", "-auto-approve")
			before := len(sim.Requests())
			ws.mustRun("plan", "-input=false", "-detailed-exitcode")
			var plan requestCounts
			plan.byPath = map[string]int{}
			for _, r := range sim.Requests()[before:] {
				plan.total++
				plan.byPath[r.Method+" "+r.Path]++
				if r.Method != "GET" {
					t.Errorf("a plan with nothing to change sent %s %s", r.Method, r.Path)
				}
			}
			if plan.total != n {
				t.Errorf("the plan sent %d requests for %d resources, want exactly one each: %v", plan.total, n, plan.byPath)
			}
			if twice := plan.readTwice(1); len(twice) > 0 {
				t.Errorf("read twice during one plan: %v", twice)
			}
		})
	}
}
