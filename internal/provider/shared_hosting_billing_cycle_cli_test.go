package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// What the plan showed is what is bought: a saved plan whose price changed is refused
// at apply with 0 commits; planning again shows the new price and buys it.
func TestAccSharedHostingBillingCycle_priceChangedBetweenPlanAndApply(t *testing.T) {
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, cycleConfig(url, v2AccountID2, "annually", ""))

	out := ws.mustRun("plan", "-input=false", "-out=saved.tfplan")
	expectOutput(t, out, "price_change", "amount", "= "+monthlyToAnnualAmount)

	// Mini costs 400 a year now: 400 − 26.46 = 373.54.
	sim.SetProductPrice("webbhotell-mini", "annually", hostupsim.MustMoney("400.00"))
	out = ws.mustFail("apply", "-input=false", "saved.tfplan")
	expectOutput(t, out, "price_change")
	if len(sim.Orders()) != 0 || cycleCommits(sim) != 0 {
		t.Fatalf("the refused apply bought something: %d orders, %d commits", len(sim.Orders()), cycleCommits(sim))
	}

	out = ws.mustRun("plan", "-input=false", "-out=saved.tfplan")
	expectOutput(t, out, "amount", "= 373.54")
	ws.mustRun("apply", "-input=false", "saved.tfplan")
	if len(sim.Orders()) != 1 || sim.Orders()[0].Amount.String() != "373.54" || cycleCommits(sim) != 1 {
		t.Errorf("after the re-planned apply: %d commits, orders %+v", cycleCommits(sim), sim.Orders())
	}

	// Destroy forgets and says so; it sends nothing that changes anything.
	before := sim.Count(hostupsim.RouteV2HostingChangeCycle)
	out = ws.mustRun("destroy", "-input=false", "-auto-approve")
	expectOutput(t, out, "Hosting account keeps its billing cycle", "nothing was cancelled or refunded")
	if sim.Count(hostupsim.RouteV2HostingChangeCycle) != before {
		t.Errorf("destroy sent billing-cycle requests")
	}
}

// A plan change and a cycle change of one account in one
// configuration. The plan warns that the second price depends on the first;
// the apply buys one and refuses the other before sending anything for it;
// once the invoice is paid, the next plan prices the other and its apply
// buys it; then the plan is empty.
//
// With cancel_existing_invoice on both, the invoice the first purchase made
// is never cancelled by the second.
func TestAccSharedHostingBillingCycle_besidePlanChangeOnOneAccount(t *testing.T) {
	for _, optIn := range []bool{false, true} {
		t.Run(fmt.Sprintf("cancel_existing_invoice=%t", optIn), func(t *testing.T) {
			t.Parallel()
			testPlanAndCycleChangeOnOneAccount(t, optIn)
		})
	}
}

func testPlanAndCycleChangeOnOneAccount(t *testing.T, optIn bool) {
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, providerBlock(url, testAPIKey)+fmt.Sprintf(`
resource "hostup_shared_hosting_plan" "shop" {
  account_id              = %[1]q
  product_slug            = "webbhotell-start"
  cancel_existing_invoice = %[2]t
}

resource "hostup_shared_hosting_billing_cycle" "shop" {
  account_id              = %[1]q
  billing_cycle           = "annually"
  cancel_existing_invoice = %[2]t
}
`, v2AccountID2, optIn))
	writes := func() (plan, cycle int) { return commits(sim), cycleCommits(sim) }

	out := ws.mustRun("plan", "-input=false")
	// Mini → Start for 19 of 28 days: 40 × 19/28 = 27.14; a year: 347.54.
	expectOutput(t, out, "Warning: Two paid changes to one account or VM", "This run also plans to",
		"the apply refuses it if the other changes its price", "the next plan prices it again")
	expectOutput(t, out, "hostup_shared_hosting_billing_cycle.shop will be created", "amount", "= 347.54")
	expectOutput(t, out, "hostup_shared_hosting_plan.shop will be created", "amount", "= 27.14")
	if p, c := writes(); p != 0 || c != 0 || len(sim.Orders()) != 0 {
		t.Fatalf("planning sent %d + %d commits", p, c)
	}

	out = ws.mustFail("apply", "-input=false", "-auto-approve")
	t.Logf("the apply of both changes:\n%s", out)
	// Refused by the provider under the lock, or, when Terraform's re-plan
	// at apply already met the first purchase, as an inconsistent final plan
	// with the provider's warning saying why.
	expectOutput(t, out, "Another paid change was bought first", "This run already bought another change, to ",
		"next terraform plan prices it again")
	// The message names the account once, in what was bought.
	flat := strings.Join(strings.Fields(out), " ")
	_, sentence, _ := strings.Cut(flat, "This run already bought another change")
	sentence, _, _ = strings.Cut(sentence, "The price of this one")
	if n := strings.Count(sentence, v2AccountID2); n != 1 {
		t.Errorf("the account is named %d times in %q", n, sentence)
	}
	p, c := writes()
	if p+c != 1 || len(sim.Orders()) != 1 {
		t.Fatalf("the apply sent %d plan and %d cycle commits and made %d orders, want exactly 1 commit", p, c, len(sim.Orders()))
	}
	first := sim.Orders()[0]
	if inv, ok := sim.Invoice(first.InvoiceID); !ok || inv.Status != "unpaid" {
		t.Fatalf("the first purchase's invoice is %q, want unpaid: nothing this run bought may be cancelled", inv.Status)
	}

	// The customer pays the first change's invoice; the next plan prices the
	// other change against the account as it is now.
	payAll(sim)
	out = ws.mustRun("plan", "-input=false")
	if p == 1 {
		// Now on Start, monthly: a year costs 708 − 79 × 19/28 = 654.39.
		expectOutput(t, out, "hostup_shared_hosting_billing_cycle.shop will be created", "= 654.39")
	} else {
		// Now on Mini, annually, a whole year left: (708 − 374) = 334.
		expectOutput(t, out, "hostup_shared_hosting_plan.shop will be created", "= 334")
	}
	if p2, c2 := writes(); p2+c2 != 1 {
		t.Fatalf("planning sent commits: %d + %d", p2, c2)
	}
	ws.mustRun("apply", "-input=false", "-auto-approve")
	if p2, c2 := writes(); p2 != 1 || c2 != 1 || len(sim.Orders()) != 2 {
		t.Errorf("after the second apply: %d plan and %d cycle commits, %d orders; want 1, 1, 2", p2, c2, len(sim.Orders()))
	}
	if o, _ := sim.Order(first.ID); o.Status != "completed" {
		t.Errorf("the first change's order is %s, want completed: nothing may cancel it", o.Status)
	}
	a, _ := sim.HostingAccount(v2AccountID2)
	if a.ProductID != "1912" || a.BillingCycle != "annually" {
		t.Errorf("account is on %s billed %s, want 1912 billed annually", a.ProductID, a.BillingCycle)
	}
	if out, err := ws.run("plan", "-input=false", "-detailed-exitcode"); err != nil {
		t.Errorf("the plan after both changes is not empty (%v):\n%s", err, out)
	}
}

// An import identity the resource cannot take is refused in the provider's
// words, naming the identity, before any request.
func TestAccSharedHostingBillingCycle_invalidImportIdentity(t *testing.T) {
	cli := requireAccCLI(t)
	skipBelowCLIVersion(t, cli, tfversion.Version1_12_0)
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, providerBlock(url, testAPIKey)+`
import {
  to       = hostup_shared_hosting_billing_cycle.x
  identity = { account_id = "20000" }
}
resource "hostup_shared_hosting_billing_cycle" "x" {
  account_id    = "`+v2AccountID+`"
  billing_cycle = "annually"
}
`)
	out := ws.mustFail("plan", "-input=false")
	expectOutput(t, out, "Invalid import identity", "20000 is a v1 account id")
	if n := len(sim.Requests()); n != 0 {
		t.Errorf("%d requests sent for an invalid identity", n)
	}
}
