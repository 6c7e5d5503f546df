package provider

import (
	"fmt"
	"testing"
	"time"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// What the plan showed is what is bought: a plan is
// saved, HostUp's price changes, and applying the saved plan is refused
// before anything is bought. Planning again shows the new price.
func TestAccSharedHostingPlan_priceChangedBetweenPlanAndApply(t *testing.T) {
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, v2PlanConfig(url, "webbhotell-business", ""))

	out := ws.mustRun("plan", "-input=false", "-out=saved.tfplan")
	expectOutput(t, out, "price_change", "amount", "= 238.03")

	// 1188 -> 1308 a year: the change now costs 600 × 181/365 = 297.53.
	sim.SetProductPrice("webbhotell-business", "annually", hostupsim.MustMoney("1308.00"))
	// The CLI refuses the saved plan: only the exit code, the attribute it
	// names and HostUp's books tell the outcome, not the CLI's wording.
	out = ws.mustFail("apply", "-input=false", "saved.tfplan")
	expectOutput(t, out, "price_change")
	if len(sim.Orders()) != 0 || commits(sim) != 0 {
		t.Fatalf("the refused apply bought something: %d orders, %d commits", len(sim.Orders()), commits(sim))
	}

	out = ws.mustRun("plan", "-input=false", "-out=saved.tfplan")
	expectOutput(t, out, "amount", "= 297.53")
	ws.mustRun("apply", "-input=false", "saved.tfplan")
	if len(sim.Orders()) != 1 || sim.Orders()[0].Amount.String() != "297.53" {
		t.Errorf("orders after the re-planned apply: %+v", sim.Orders())
	}

	// Destroy forgets and says so; it sends no request that changes anything.
	before := commits(sim) + dryRuns(sim)
	out = ws.mustRun("destroy", "-input=false", "-auto-approve")
	expectOutput(t, out, "Hosting account keeps its plan", "nothing was cancelled or refunded")
	if commits(sim)+dryRuns(sim) != before {
		t.Errorf("destroy sent upgrade requests")
	}
}

// The plan of a v1 account warns that no preview exists and names
// the v2 id as the way to get one.
func TestAccSharedHostingPlan_v1PlanWarnsNoPreview(t *testing.T) {
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, planConfig(url, fmt.Sprintf("  account_id = %q\n  product_id = \"1913\"", v1AccountID)))
	out := ws.mustRun("plan", "-input=false")
	expectOutput(t, out, "Warning: No price preview for a v1 account",
		"from product 1912 to product 1913 is unknown until apply", "v2 id (acct_…", "product_slug")
	if len(sim.Orders()) != 0 {
		t.Error("planning a v1 upgrade bought it")
	}
}

// Never pay twice: purchases whose answer is lost or
// failed are confirmed by reading the account, never resent.
func TestAccSharedHostingPlan_uncertainPurchases(t *testing.T) {
	for _, tc := range []struct {
		name       string
		fault      hostupsim.Fault
		wantOK     bool
		wantOrders int
		wantOut    []string
	}{{
		name:       "renewal invoice failed after commit",
		fault:      hostupsim.Fault{Status: 502},
		wantOK:     true,
		wantOrders: 1,
		wantOut:    []string{"Warning: HostUp made no renewal invoice for the change", "Contact HostUp support about the missing renewal invoice", "upstream_renewal_regeneration_failed"},
	}, {
		name:       "connection dropped after commit",
		fault:      hostupsim.Fault{DropAfterHandler: true},
		wantOK:     true,
		wantOrders: 1,
		wantOut:    []string{"Warning: Change made, but HostUp's answer was lost", "move account " + v2AccountID + " to webbhotell-business", "lost its answer"},
	}, {
		name:       "503 before commit",
		fault:      hostupsim.Fault{Status: 503},
		wantOK:     false,
		wantOrders: 0,
		wantOut:    []string{"Error: Change may not have been carried out", "failed with HTTP 503 from HostUp", "Nothing was resent"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sim, url := newTestSimulator(t)
			ws := newCLIWorkspace(t, v2PlanConfig(url, "webbhotell-business", ""))
			tc.fault.Route = hostupsim.RouteV2HostingUpgrade
			tc.fault.OnlyCommits = true
			sim.InjectFault(tc.fault)

			out, err := ws.run("apply", "-input=false", "-auto-approve")
			if (err == nil) != tc.wantOK {
				t.Fatalf("apply error = %v, want ok=%v", err, tc.wantOK)
			}
			expectOutput(t, out, tc.wantOut...)
			if commits(sim) != 1 {
				t.Errorf("%d commits sent, want exactly 1: a purchase must never be resent", commits(sim))
			}
			if len(sim.Orders()) != tc.wantOrders {
				t.Errorf("%d orders, want %d", len(sim.Orders()), tc.wantOrders)
			}
			if tc.wantOK {
				// Converged: the next plan has nothing to do.
				ws.mustRun("plan", "-input=false", "-detailed-exitcode")
			}
		})
	}
}

// 429 is the one answer after which a purchase is resent: HostUp did nothing.
func TestAccSharedHostingPlan_rateLimitedPurchaseIsRetried(t *testing.T) {
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, v2PlanConfig(url, "webbhotell-business", ""))
	sim.InjectFault(hostupsim.Fault{Route: hostupsim.RouteV2HostingUpgrade, OnlyCommits: true, Status: 429, RetryAfter: time.Second, Times: 2})
	ws.mustRun("apply", "-input=false", "-auto-approve")
	limited := sim.CountWhere(hostupsim.RouteV2HostingUpgrade, func(r hostupsim.RequestRecord) bool { return isCommit(r) && r.Status == 429 })
	if limited != 2 || commits(sim) != 3 || len(sim.Orders()) != 1 {
		t.Errorf("%d rate-limited commits, %d commits, %d orders; want 2, 3, 1", limited, commits(sim), len(sim.Orders()))
	}
}

// A purchase that times out on our side may still be carried out by HostUp.
// The provider must neither resend it nor claim it failed for sure; once
// HostUp has carried it out, the next run adopts the account without buying.
func TestAccSharedHostingPlan_timedOutPurchaseIsNotResent(t *testing.T) {
	sim, url := newTestSimulator(t)
	cfg := fmt.Sprintf(`
provider "hostup" {
  endpoint        = %q
  api_key         = %q
  request_timeout = "300ms"
}
resource "hostup_shared_hosting_plan" "test" {
  account_id   = %q
  product_slug = "webbhotell-business"
}
`, url, testAPIKey, v2AccountID)
	ws := newCLIWorkspace(t, cfg)
	sim.InjectFault(hostupsim.Fault{Route: hostupsim.RouteV2HostingUpgrade, OnlyCommits: true, Latency: 1500 * time.Millisecond})

	out := ws.mustFail("apply", "-input=false", "-auto-approve")
	expectOutput(t, out, "Change may not have been carried out", "timed out before HostUp answered", "Nothing was resent")

	// HostUp finishes the purchase after the client gave up.
	deadline := time.Now().Add(10 * time.Second)
	for len(sim.Orders()) == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	ws.mustRun("apply", "-input=false", "-auto-approve")
	if commits(sim) != 1 || len(sim.Orders()) != 1 {
		t.Errorf("%d commits, %d orders; want exactly 1 of each", commits(sim), len(sim.Orders()))
	}
}
