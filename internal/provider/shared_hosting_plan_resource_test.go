package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

const planResource = "hostup_shared_hosting_plan.test"

// The demo account moves from Start (708/yr) to Business (1188/yr) with 181
// of 365 days left: 480 × 181/365 = 238.03 due now.
const (
	startToBusinessAmount = "238.03"
	startToMiniAmount     = "-165.63" // (374 − 708) × 181/365, a credit
)

func planConfig(url, body string) string {
	return providerBlock(url, testAPIKey) + fmt.Sprintf(`
resource "hostup_shared_hosting_plan" "test" {
%s
}
`, body)
}

func v2PlanConfig(url, slug, extra string) string {
	return planConfig(url, fmt.Sprintf("  account_id   = %q\n  product_slug = %q\n%s", v2AccountID, slug, extra))
}

// The simulator's view of what was bought and asked.
func isCommit(r hostupsim.RequestRecord) bool {
	dryRun, _ := r.Body["dryRun"].(bool)
	return !dryRun
}

func isDryRun(r hostupsim.RequestRecord) bool { return !isCommit(r) }

func commits(sim *hostupsim.Server) int {
	return sim.CountWhere(hostupsim.RouteV2HostingUpgrade, isCommit)
}

func dryRuns(sim *hostupsim.Server) int {
	return sim.CountWhere(hostupsim.RouteV2HostingUpgrade, isDryRun)
}

// payAll settles the account's invoices, as a customer would between two
// upgrades (an unpaid invoice blocks the next one).
func payAll(sim *hostupsim.Server) {
	for _, inv := range sim.Invoices() {
		if inv.Status == "unpaid" {
			sim.PayInvoice(inv.ID)
		}
	}
}

// simulatorCheck is a plan check that asserts on the simulator between plan
// and apply, e.g. that planning bought nothing.
type simulatorCheck func() error

func (f simulatorCheck) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = f()
}

func expectOrders(sim *hostupsim.Server, want int) func() error {
	return func() error {
		if got := len(sim.Orders()); got != want {
			return fmt.Errorf("simulator has %d orders, want %d", got, want)
		}
		return nil
	}
}

// priceChange checks the price of a pending change.
func priceChange(amount, recurring, cycle string) knownvalue.Check {
	return knownvalue.ObjectPartial(map[string]knownvalue.Check{
		"amount":           number(amount),
		"recurring_amount": number(recurring),
		"currency_code":    knownvalue.StringExact("SEK"),
		"billing_cycle":    knownvalue.StringExact(cycle),
	})
}

// changeFromTo checks what a pending change moves from and to, and its
// one-line summary, as a reviewer reads them in the plan.
func changeFromTo(from, to, summary string) knownvalue.Check {
	var fromCheck knownvalue.Check = knownvalue.Null()
	if from != "" {
		fromCheck = knownvalue.StringExact(from)
	}
	return knownvalue.ObjectPartial(map[string]knownvalue.Check{
		"from":               fromCheck,
		"to":                 knownvalue.StringExact(to),
		"summary":            knownvalue.StringExact(summary),
		"invoices_to_cancel": knownvalue.ListExact([]knownvalue.Check{}),
	})
}

func product(id, name string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact(id), "name": knownvalue.StringExact(name)})
}

// lastOrderMatchesSimulator checks last_order against the simulator's newest order.
func lastOrderMatchesSimulator(sim *hostupsim.Server) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		orders := sim.Orders()
		if len(orders) == 0 {
			return fmt.Errorf("simulator has no order")
		}
		order := orders[len(orders)-1]
		inv, ok := sim.Invoice(order.InvoiceID)
		if !ok {
			return fmt.Errorf("order %s has no invoice", order.ID)
		}
		return resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(planResource, "last_order.order_id", order.ID),
			resource.TestCheckResourceAttr(planResource, "last_order.invoice_id", inv.ID),
			resource.TestCheckResourceAttr(planResource, "last_order.invoice_number", inv.Number),
			resource.TestCheckResourceAttr(planResource, "last_order.amount", inv.Amount.String()),
			resource.TestCheckResourceAttr(planResource, "last_order.currency_code", "SEK"),
			resource.TestCheckResourceAttr(planResource, "last_order.status", "unpaid"),
			resource.TestCheckResourceAttr(planResource, "last_order.payment_url", "/billing?invoice="+inv.Number),
		)(s)
	}
}

func expectAccountProduct(sim *hostupsim.Server, productID string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		a, ok := sim.HostingAccount(v2AccountID)
		if !ok || a.ProductID != productID {
			return fmt.Errorf("account %s is on product %q, want %q", v2AccountID, a.ProductID, productID)
		}
		return nil
	}
}

// The plan shows the preview and buys nothing; apply buys
// exactly once; the next plans are empty and ask for no preview.
func TestAccSharedHostingPlan_upgradeShowsPriceThenBuysOnce(t *testing.T) {
	sim, url := newTestSimulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: v2PlanConfig(url, "webbhotell-business", "  max_amount   = 500"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(planResource, plancheck.ResourceActionCreate),
				plancheck.ExpectKnownValue(planResource, tfjsonpath.New("price_change"), priceChange(startToBusinessAmount, "1188", "annually")),
				plancheck.ExpectKnownValue(planResource, tfjsonpath.New("price_change"), changeFromTo("Start (webbhotell-start)",
					"Business (webbhotell-business)", "Start → Business: "+startToBusinessAmount+" SEK due now, then 1188 SEK annually")),
				plancheck.ExpectKnownValue(planResource, tfjsonpath.New("current_product"), product("webbhotell-business", "Business")),
				plancheck.ExpectKnownValue(planResource, tfjsonpath.New("domain"), knownvalue.StringExact("example.com")),
				plancheck.ExpectUnknownValue(planResource, tfjsonpath.New("last_order")),
				simulatorCheck(expectOrders(sim, 0)),
				simulatorCheck(func() error {
					if commits(sim) != 0 || dryRuns(sim) != 1 {
						return fmt.Errorf("planning sent %d commits and %d dry runs, want 0 and 1", commits(sim), dryRuns(sim))
					}
					return nil
				}),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				expectAccountProduct(sim, "1913"),
				lastOrderMatchesSimulator(sim),
				resource.TestCheckResourceAttr(planResource, "last_order.amount", startToBusinessAmount),
			),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(planResource, tfjsonpath.New("product_slug"), knownvalue.StringExact("webbhotell-business")),
				statecheck.ExpectKnownValue(planResource, tfjsonpath.New("service_status"), knownvalue.StringExact("active")),
			},
		}, {
			// Same configuration again: nothing to buy, nothing to preview.
			Config: v2PlanConfig(url, "webbhotell-business", "  max_amount   = 500"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectEmptyPlan(),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(planResource, tfjsonpath.New("price_change"), knownvalue.Null()),
			},
		}},
	})
	if got := len(sim.Orders()); got != 1 {
		t.Errorf("simulator has %d orders, want exactly 1", got)
	}
	if commits(sim) != 1 {
		t.Errorf("%d commits, want 1", commits(sim))
	}
	// One preview when planning, one when Terraform re-plans at apply; none
	// for the plans that found nothing to change.
	if dryRuns(sim) != 3 {
		t.Errorf("%d dry runs, want 3 (plan, the re-plan at apply, the re-preview under the lock before the commit)", dryRuns(sim))
	}
}

// A plan changed outside Terraform shows as a diff, priced, and apply
// moves it back.
func TestAccSharedHostingPlan_driftIsShownAndCorrected(t *testing.T) {
	sim, url := newTestSimulator(t)
	cfg := v2PlanConfig(url, "webbhotell-business", "")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
		}, {
			PreConfig: func() {
				payAll(sim)
				sim.SetHostingProduct(v2AccountID, "webbhotell-start")
			},
			Config: cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(planResource, plancheck.ResourceActionUpdate),
				plancheck.ExpectKnownValue(planResource, tfjsonpath.New("price_change"), priceChange(startToBusinessAmount, "1188", "annually")),
				expectPriorValue(planResource, "product_slug", "webbhotell-start"),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				expectAccountProduct(sim, "1913"),
				lastOrderMatchesSimulator(sim),
			),
		}},
	})
	if got := len(sim.Orders()); got != 2 {
		t.Errorf("simulator has %d orders, want 2 (the upgrade and the correction)", got)
	}
}

// expectPriorValue checks the refreshed state a plan starts from.
type priorValueCheck struct{ addr, attr, want string }

func expectPriorValue(addr, attr, want string) plancheck.PlanCheck {
	return priorValueCheck{addr, attr, want}
}

func (c priorValueCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != c.addr {
			continue
		}
		before, _ := rc.Change.Before.(map[string]any)
		if got := before[c.attr]; got != c.want {
			resp.Error = fmt.Errorf("%s.%s was %v before the plan, want %q", c.addr, c.attr, got, c.want)
		}
		return
	}
	resp.Error = fmt.Errorf("%s not in plan", c.addr)
}

// The spend guard and the downgrade guard fail the plan; nothing is bought.
func TestAccSharedHostingPlan_maxAmountRefusesExpensiveChange(t *testing.T) {
	sim, url := newTestSimulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      v2PlanConfig(url, "webbhotell-business", "  max_amount   = 200"),
			ExpectError: expectError("Change costs more than max_amount", "costs 238.03 SEK now, more than max_amount (200)", "Nothing was bought"),
		}},
	})
	if len(sim.Orders()) != 0 || commits(sim) != 0 {
		t.Errorf("max_amount did not stop the purchase: %d orders, %d commits", len(sim.Orders()), commits(sim))
	}
}

func TestAccSharedHostingPlan_downgradeNeedsOptIn(t *testing.T) {
	sim, url := newTestSimulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      v2PlanConfig(url, "webbhotell-mini", ""),
			ExpectError: expectError("Downgrade not allowed", "is a downgrade (from Start (webbhotell-start) to Mini (webbhotell-mini))", "allow_downgrade = true", "Nothing was bought"),
		}, {
			PreConfig: func() {
				if n := sim.Count(hostupsim.RouteV2HostingUpgrade); n != 0 {
					t.Errorf("a refused downgrade sent %d upgrade requests", n)
				}
			},
			Config: v2PlanConfig(url, "webbhotell-mini", "  allow_downgrade = true"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue(planResource, tfjsonpath.New("price_change"), priceChange(startToMiniAmount, "374", "annually")),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				expectAccountProduct(sim, "1911"),
				// A credit creates no payment invoice: only the order is known.
				resource.TestCheckResourceAttrSet(planResource, "last_order.order_id"),
				resource.TestCheckNoResourceAttr(planResource, "last_order.invoice_id"),
			),
		}},
	})
}

// An unknown slug is refused at plan time with the valid ones, and no
// write request (not even a dry run) reaches HostUp.
func TestAccSharedHostingPlan_unknownSlugListsValidOnes(t *testing.T) {
	sim, url := newTestSimulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      v2PlanConfig(url, "webbhotell-ultra", ""),
			ExpectError: expectError("Unknown plan for this account", `"webbhotell-ultra" is not a plan`, `Valid values: "webbhotell-business", "webbhotell-mini", "webbhotell-premium" (current: "webbhotell-start")`),
		}},
	})
	for _, r := range sim.Requests() {
		if r.Method != "GET" {
			t.Errorf("a write request reached the simulator: %s %s", r.Method, r.Path)
		}
	}
}

// An unpaid invoice blocks the change with an error that names
// cancel_existing_invoice; opting in upgrades and cancels the old invoice.
func TestAccSharedHostingPlan_existingInvoice(t *testing.T) {
	sim, url := newTestSimulator(t)
	blocking := sim.AddUnpaidInvoice(v2AccountID, hostupsim.MustMoney("99.00"))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      v2PlanConfig(url, "webbhotell-business", ""),
			ExpectError: expectError("An unpaid invoice blocks the plan change", "(code existing_invoice_blocking)", "cancel_existing_invoice = true"),
		}, {
			PreConfig: func() {
				if commits(sim) != 0 {
					t.Errorf("a blocked change was committed")
				}
			},
			Config: v2PlanConfig(url, "webbhotell-business", "  cancel_existing_invoice = true"),
			Check: resource.ComposeAggregateTestCheckFunc(
				expectAccountProduct(sim, "1913"),
				lastOrderMatchesSimulator(sim),
				func(*terraform.State) error {
					inv, _ := sim.Invoice(blocking.ID)
					if inv.Status != "cancelled" {
						return fmt.Errorf("blocking invoice is %q, want cancelled", inv.Status)
					}
					return nil
				},
			),
		}},
	})
	optedIn := sim.CountWhere(hostupsim.RouteV2HostingUpgrade, func(r hostupsim.RequestRecord) bool {
		return isCommit(r) && r.Body["cancelExistingInvoice"] == true
	})
	if commits(sim) != 1 || optedIn != 1 {
		t.Errorf("%d commits, %d with cancelExistingInvoice: want exactly 1 opted-in commit", commits(sim), optedIn)
	}
}

// A v1 account is upgraded through the v1 route; its plan cannot
// show a price.
func TestAccSharedHostingPlan_v1Account(t *testing.T) {
	sim, url := newTestSimulator(t)
	cfg := planConfig(url, fmt.Sprintf("  account_id = %q\n  product_id = \"1913\"", v1AccountID))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(planResource, plancheck.ResourceActionCreate),
				plancheck.ExpectUnknownValue(planResource, tfjsonpath.New("price_change")),
				plancheck.ExpectUnknownValue(planResource, tfjsonpath.New("last_order")),
				simulatorCheck(expectOrders(sim, 0)),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				expectAccountProduct(sim, "1913"),
				resource.TestCheckResourceAttr(planResource, "product_id", "1913"),
				resource.TestCheckResourceAttr(planResource, "current_product.id", "1913"),
				resource.TestCheckResourceAttr(planResource, "current_product.name", "Business (cpanel)"),
				resource.TestCheckResourceAttr(planResource, "last_order.amount", startToBusinessAmount),
				resource.TestCheckResourceAttr(planResource, "last_order.payment_url", "/billing"),
				resource.TestCheckNoResourceAttr(planResource, "price_change"),
				resource.TestCheckNoResourceAttr(planResource, "service_status"),
				func(s *terraform.State) error {
					order := sim.Orders()[0]
					return resource.TestCheckResourceAttr(planResource, "last_order.order_id", fmt.Sprint(order.V1ID))(s)
				},
			),
		}, {
			ResourceName:                         planResource,
			ImportState:                          true,
			ImportStateKind:                      resource.ImportCommandWithID,
			ImportStateId:                        v1AccountID,
			ImportStateVerify:                    true,
			ImportStateVerifyIdentifierAttribute: "account_id",
			ImportStateVerifyIgnore:              []string{"last_order", "price_status"},
		}},
	})
	if n := sim.Count(hostupsim.RouteV1HostingUpgrade); n != 1 {
		t.Errorf("v1 upgrade route called %d times, want 1", n)
	}
	if n := sim.Count(hostupsim.RouteV2HostingUpgrade); n != 0 {
		t.Errorf("a v1 account reached the v2 upgrade route %d times", n)
	}
}

// Import by id (command and import block). Import by identity needs
// Terraform or OpenTofu 1.12+ and has a test of its own below; this one also
// runs on older CLIs (make testacc-terraform, Terraform 1.11).
func TestAccSharedHostingPlan_import(t *testing.T) {
	sim, url := newTestSimulator(t)
	cfg := v2PlanConfig(url, "webbhotell-start", "")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			// Adopting an account already on the plan buys nothing.
			Config: cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue(planResource, tfjsonpath.New("price_change"), knownvalue.Null()),
				plancheck.ExpectKnownValue(planResource, tfjsonpath.New("last_order"), knownvalue.Null()),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(planResource, tfjsonpath.New("current_product"), product("webbhotell-start", "Start")),
				statecheck.ExpectKnownValue(planResource, tfjsonpath.New("service_status"), knownvalue.StringExact("active")),
			},
		}, {
			Config:                               cfg,
			ResourceName:                         planResource,
			ImportState:                          true,
			ImportStateKind:                      resource.ImportCommandWithID,
			ImportStateId:                        v2AccountID,
			ImportStateVerify:                    true,
			ImportStateVerifyIdentifierAttribute: "account_id",
		}, {
			Config:          cfg,
			ResourceName:    planResource,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
			ImportStateId:   v2AccountID,
		}},
	})
	if n := sim.Count(hostupsim.RouteV2HostingUpgrade); n != 0 {
		t.Errorf("adopting and importing sent %d upgrade requests", n)
	}
}

// The resource's identity is its account_id, and an import block
// by identity imports it. Resource identity needs a 1.12+ CLI.
func TestAccSharedHostingPlan_importByIdentity(t *testing.T) {
	sim, url := newTestSimulator(t)
	cfg := v2PlanConfig(url, "webbhotell-start", "")
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(planResource, map[string]knownvalue.Check{"account_id": knownvalue.StringExact(v2AccountID)}),
			},
		}, {
			Config:          cfg,
			ResourceName:    planResource,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithResourceIdentity,
		}},
	})
	if n := sim.Count(hostupsim.RouteV2HostingUpgrade); n != 0 {
		t.Errorf("adopting and importing by identity sent %d upgrade requests", n)
	}
}

func TestAccSharedHostingPlan_invalidConfig(t *testing.T) {
	sim, url := newTestSimulator(t)
	t.Cleanup(func() {
		if n := len(sim.Requests()); n != 0 {
			t.Errorf("invalid configuration reached the API: %d requests", n)
		}
	})
	for _, tc := range []struct {
		name, body string
		want       []string
	}{
		{"product_id on v2", fmt.Sprintf("  account_id = %q\n  product_id = \"1913\"", v2AccountID),
			[]string{`product_id is for v1 accounts`, `use product_slug`}},
		{"product_slug on v1", "  account_id = \"20000\"\n  product_slug = \"webbhotell-business\"",
			[]string{`product_slug is for v2 accounts`, `use product_id`}},
		{"max_amount on v1", "  account_id = \"20000\"\n  product_id = \"1913\"\n  max_amount = 100",
			[]string{`max_amount needs a price preview`}},
		{"both products", fmt.Sprintf("  account_id = %q\n  product_slug = \"a\"\n  product_id = \"1913\"", v2AccountID),
			[]string{`Set exactly one of product_slug and product_id`, `product_slug and product_id are both set`}},
		{"negative max_amount", fmt.Sprintf("  account_id = %q\n  product_slug = \"webbhotell-business\"\n  max_amount = -1", v2AccountID),
			[]string{`Invalid max_amount`, `cannot be negative`}},
		{"huge max_amount", fmt.Sprintf("  account_id = %q\n  product_slug = \"webbhotell-business\"\n  max_amount = 1e10000000", v2AccountID),
			[]string{`Invalid max_amount`, `must be at most 1000000000`}},
		{"allow_downgrade on v1", "  account_id = \"20000\"\n  product_id = \"1913\"\n  allow_downgrade = true",
			[]string{`allow_downgrade needs a plan catalogue`, `cannot tell whether a change`}},
		{"bad account id", "  account_id = \"acct-123\"\n  product_slug = \"webbhotell-business\"",
			[]string{`Invalid account id`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: planConfig(url, tc.body), ExpectError: expectError(tc.want...)}},
			})
		})
	}
}

// account_id forces replacement: the old account is forgotten (not touched)
// and the new one adopted and priced like a create.
func TestAccSharedHostingPlan_otherAccountReplaces(t *testing.T) {
	sim, url := newTestSimulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: v2PlanConfig(url, "webbhotell-start", ""),
		}, {
			// The shop account is on Mini, monthly: Start costs 40 × 19/28 = 27.14 now.
			Config: planConfig(url, fmt.Sprintf("  account_id   = %q\n  product_slug = \"webbhotell-start\"", v2AccountID2)),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(planResource, plancheck.ResourceActionDestroyBeforeCreate),
				plancheck.ExpectKnownValue(planResource, tfjsonpath.New("price_change"), priceChange("27.14", "79", "monthly")),
				plancheck.ExpectKnownValue(planResource, tfjsonpath.New("domain"), knownvalue.StringExact("shop.example.se")),
			}},
		}},
	})
	orders := sim.Orders()
	if len(orders) != 1 || orders[0].AccountID != v2AccountID2 {
		t.Errorf("orders: %+v, want one for the new account only", orders)
	}
	if dryRuns(sim) != 3 {
		t.Errorf("%d dry runs, want 3 (plan and re-plan of the new account's create, and the re-preview before its commit)", dryRuns(sim))
	}
	if a, _ := sim.HostingAccount(v2AccountID); a.ProductID != "1912" {
		t.Errorf("the forgotten account changed plan: %s", a.ProductID)
	}
}

// An account HostUp no longer shows is removed from state on refresh, with a
// warning, and planned again as a create: which fails, naming the 404, since
// there is nothing to adopt. (A resource still in state would plan no change
// and send no request at all.)
func TestAccSharedHostingPlan_vanishedAccountLeavesState(t *testing.T) {
	sim, url := newTestSimulator(t)
	cfg := v2PlanConfig(url, "webbhotell-start", "")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
		}, {
			PreConfig:   func() { sim.RemoveHostingAccount(v2AccountID) },
			Config:      cfg,
			PlanOnly:    true,
			ExpectError: expectError("Could not read the plans account "+v2AccountID+" can move to", "HTTP status: 404"),
		}},
	})
}

// HostUp's canUpgrade gate (here: a pending order) fails the plan with
// HostUp's reason, before any write request.
func TestAccSharedHostingPlan_canUpgradeGate(t *testing.T) {
	sim, url := newTestSimulator(t)
	sim.AddPendingOrder(v2AccountID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      v2PlanConfig(url, "webbhotell-business", ""),
			ExpectError: expectError("HostUp does not allow a plan change now", "(code pending_order)"),
		}},
	})
	if n := sim.Count(hostupsim.RouteV2HostingUpgrade); n != 0 {
		t.Errorf("%d upgrade requests despite the gate", n)
	}
}
