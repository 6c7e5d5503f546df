package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// unknownSlugConfig asks for a plan whose slug is known only after apply,
// as when it comes from another resource's output.
// Each new -var generation=N makes the slug unknown again in the next plan.
func unknownSlugConfig(url, extra string) string {
	return providerBlock(url, testAPIKey) + fmt.Sprintf(`
variable "generation" {
  type = number
}
resource "terraform_data" "slug" {
  input            = "webbhotell-business"
  triggers_replace = [var.generation]
}
resource "hostup_shared_hosting_plan" "test" {
  account_id   = %q
  product_slug = terraform_data.slug.output
%s
}
`, v2AccountID, extra)
}

// A change whose price the plan cannot show is never bought unless
// max_amount bounds it, whether applied at once or from a saved plan.
func TestAccSharedHostingPlan_unknownInputIsNotBoughtUnpriced(t *testing.T) {
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, unknownSlugConfig(url, ""))

	out := ws.mustRun("plan", "-input=false", "-var=generation=1", "-out=saved.tfplan")
	expectOutput(t, out, "Price unknown until apply: this change will not be bought", "product_slug", "set max_amount")
	for _, args := range [][]string{{"apply", "-input=false", "saved.tfplan"}, {"apply", "-input=false", "-var=generation=2", "-auto-approve"}} {
		out = ws.mustFail(args...)
		expectOutput(t, out, "price_status")
		if commits(sim) != 0 || len(sim.Orders()) != 0 {
			t.Fatalf("%s bought an unpriced change: %d commits, %d orders", strings.Join(args, " "), commits(sim), len(sim.Orders()))
		}
	}
}

// With max_amount known at plan time, the apply-time plan previews the
// change and buys it only within the bound.
func TestAccSharedHostingPlan_unknownInputBoundedByMaxAmount(t *testing.T) {
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, unknownSlugConfig(url, "  max_amount = 200"))
	out := ws.mustRun("plan", "-input=false", "-var=generation=1")
	expectOutput(t, out, "Price unknown until apply", "at most max_amount (200)")
	out = ws.mustFail("apply", "-input=false", "-var=generation=1", "-auto-approve")
	expectOutput(t, out, "Change costs more than max_amount", "costs 238.03 SEK now, more than max_amount (200)")
	if commits(sim) != 0 {
		t.Fatalf("%d commits above max_amount", commits(sim))
	}

	ws.writeConfig(unknownSlugConfig(url, "  max_amount = 300"))
	out = ws.mustRun("apply", "-input=false", "-var=generation=2", "-auto-approve")
	expectOutput(t, out, "Price unknown until apply", "at most max_amount (300)")
	if commits(sim) != 1 || len(sim.Orders()) != 1 || sim.Orders()[0].Amount.String() != startToBusinessAmount {
		t.Errorf("%d commits, orders %+v; want one order of %s", commits(sim), sim.Orders(), startToBusinessAmount)
	}
	if _, err := ws.run("plan", "-input=false", "-var=generation=2", "-detailed-exitcode"); err != nil {
		t.Errorf("the plan after the purchase is not empty: %v", err)
	}
}

// v1 has no preview either way: an unknown product_id keeps the warned
// exception and says so in the plan.
func TestAccSharedHostingPlan_v1UnknownProductWarns(t *testing.T) {
	_, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, providerBlock(url, testAPIKey)+fmt.Sprintf(`
resource "terraform_data" "product" {
  input = "1913"
}
resource "hostup_shared_hosting_plan" "test" {
  account_id = %q
  product_id = terraform_data.product.output
}
`, v1AccountID))
	out := ws.mustRun("plan", "-input=false")
	expectOutput(t, out, "No price preview for a v1 account", "to a product known only after apply")
}

// Someone else changes the account while the commit is on its way: HostUp
// carries out a downgrade nobody planned, without a payment invoice. The
// apply fails and says so, state records what HostUp reports, and the next
// plan prices what is still needed.
func TestAccSharedHostingPlan_concurrentChangeDuringCommitIsAnError(t *testing.T) {
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, v2PlanConfig(url, "webbhotell-business", "  max_amount = 300"))
	hold := hostupsim.NewHold()
	t.Cleanup(hold.Release)
	sim.InjectFault(hostupsim.Fault{Route: hostupsim.RouteV2HostingUpgrade, OnlyCommits: true, Hold: hold})

	cmd, out := ws.start("apply", "-input=false", "-auto-approve")
	<-hold.Arrived()
	sim.SetHostingProduct(v2AccountID, "webbhotell-premium") // another workspace's change lands first
	hold.Release()
	if err := cmd.Wait(); err == nil {
		t.Fatalf("the apply succeeded:\n%s", out)
	}
	expectOutput(t, out.String(), "HostUp carried out a different change than planned",
		"from webbhotell-premium, not from webbhotell-start", "made no payment invoice", "238.03 SEK was due", "tainted")
	if commits(sim) != 1 {
		t.Errorf("%d commits, want 1", commits(sim))
	}
	state := ws.mustRun("state", "show", "hostup_shared_hosting_plan.test")
	expectOutput(t, state, "(tainted)", "current_product", `id`, `"webbhotell-business"`)

	// The next plan re-adopts the account as it is, with nothing to buy.
	plan := ws.mustRun("plan", "-input=false")
	expectOutput(t, plan, "hostup_shared_hosting_plan.test")
	if commits(sim) != 1 {
		t.Errorf("planning sent commits")
	}
}

// Only HostUp's own not-found answer removes a resource: an endpoint with a
// wrong path prefix is an error, and state keeps the account.
func TestAccSharedHostingPlan_unrecognisedNotFoundKeepsState(t *testing.T) {
	_, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, v2PlanConfig(url, "webbhotell-business", ""))
	ws.mustRun("apply", "-input=false", "-auto-approve")

	ws.writeConfig(v2PlanConfig(url+"/wrong-prefix", "webbhotell-business", ""))
	out := ws.mustFail("apply", "-input=false", "-refresh-only", "-auto-approve")
	expectOutput(t, out, "Could not read the plan of account", "not HostUp's answer that the object is gone", "check the provider's endpoint", "HTTP status: 404")
	list := ws.mustRun("state", "list")
	expectOutput(t, list, "hostup_shared_hosting_plan.test")
	show := ws.mustRun("state", "show", "hostup_shared_hosting_plan.test")
	expectOutput(t, show, "last_order", "order_id")
}

// Importing a well-formed id that HostUp does not know says so in the
// provider's words.
func TestAccSharedHostingPlan_importUnknownAccount(t *testing.T) {
	_, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, v2PlanConfig(url, "webbhotell-business", ""))
	out := ws.mustFail("import", "-input=false", "hostup_shared_hosting_plan.test", "acct_doesnotexist")
	expectOutput(t, out, "No such hosting account", "acct_doesnotexist", "hostup_shared_hosting_accounts")
}

// The API key, given the way users give it (HOSTUP_API_KEY), appears in no
// log line at TF_LOG=trace, nor in state or plan JSON.
func TestAccSharedHostingPlan_secretsStayOutOfLogsAndState(t *testing.T) {
	sim, url := newTestSimulator(t)
	const secretKey = "hostup-secret-key-7d1f0c2b9a"
	sim.AddAPIKey(secretKey, hostupsim.AllScopes...)
	run := newTracedRun(t, fmt.Sprintf(`
provider "hostup" {
  endpoint = %q
}
resource "hostup_shared_hosting_plan" "test" {
  account_id   = %q
  product_slug = "webbhotell-business"
}
`, url, v2AccountID), secretKey)
	run.mustRun("plan", "-input=false", "-out=saved.tfplan")
	planJSON := run.mustRun("show", "-json", "saved.tfplan")
	run.mustRun("apply", "-input=false", "saved.tfplan")
	stateJSON := run.mustRun("show", "-json")
	if len(sim.Orders()) != 1 {
		t.Fatalf("the run did not buy: %d orders", len(sim.Orders()))
	}
	run.expectNoSecrets(map[string]string{"plan JSON": planJSON, "state JSON": stateJSON}, secretKey)
}

// HostUp's commit carries no price: when HostUp reprices a change between
// the provider's last check under the lock and the commit, the charge can
// exceed max_amount. The apply then fails saying what was charged against
// what bound, with the order to cancel.
func TestAccSharedHostingPlan_repricedAtCommitBeyondMaxAmount(t *testing.T) {
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, v2PlanConfig(url, "webbhotell-business", "  max_amount = 300"))
	hold := hostupsim.NewHold()
	t.Cleanup(hold.Release)
	sim.InjectFault(hostupsim.Fault{Route: hostupsim.RouteV2HostingUpgrade, OnlyCommits: true, Hold: hold})

	cmd, out := ws.start("apply", "-input=false", "-auto-approve")
	<-hold.Arrived()
	sim.SetProductPrice("webbhotell-business", "annually", hostupsim.MustMoney("2388.00")) // repriced meanwhile
	hold.Release()
	if err := cmd.Wait(); err == nil {
		t.Fatalf("the apply succeeded:\n%s", out)
	}
	order := sim.Orders()[0]
	expectOutput(t, out.String(), "HostUp carried out a different change than planned", "order "+order.ID,
		"while its preview said 238.03", "more than max_amount (300)", "no client can prevent", "cancel the order there")
	if commits(sim) != 1 || len(sim.Orders()) != 1 {
		t.Errorf("%d commits and %d orders, want 1 each", commits(sim), len(sim.Orders()))
	}
}
