package provider

import (
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
	"github.com/hostup/terraform-provider-hostup/internal/provider/purchase"
)

const cycleResource = "hostup_shared_hosting_billing_cycle.test"

// The shop account is on Mini (39/month, 374/year), billed monthly with 19 of
// February's 28 days left: a year now costs 374 less the unused 39 × 19/28.
const (
	monthlyToAnnualAmount = "347.54"
	// After an outside switch back to monthly, the period ends a year away,
	// so the whole month is unused: 374 − 39.
	fullMonthToAnnualAmount = "335"
)

func cycleConfig(url, accountID, cycle, extra string) string {
	return providerBlock(url, testAPIKey) + fmt.Sprintf(`
resource "hostup_shared_hosting_billing_cycle" "test" {
  account_id    = %q
  billing_cycle = %q
%s
}
`, accountID, cycle, extra)
}

func cycleCommits(sim *hostupsim.Server) int {
	return sim.CountWhere(hostupsim.RouteV2HostingChangeCycle, isCommit)
}

func cycleDryRuns(sim *hostupsim.Server) int {
	return sim.CountWhere(hostupsim.RouteV2HostingChangeCycle, isDryRun)
}

func expectAccountCycle(sim *hostupsim.Server, accountID, cycle string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		a, ok := sim.HostingAccount(accountID)
		if !ok || a.BillingCycle != cycle {
			return fmt.Errorf("account %s is billed %q, want %q", accountID, a.BillingCycle, cycle)
		}
		return nil
	}
}

// lastCycleOrderMatchesSimulator checks last_order against the newest order.
func lastCycleOrderMatchesSimulator(sim *hostupsim.Server, amount string) resource.TestCheckFunc {
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
			resource.TestCheckResourceAttr(cycleResource, "last_order.order_id", order.ID),
			resource.TestCheckResourceAttr(cycleResource, "last_order.invoice_id", inv.ID),
			resource.TestCheckResourceAttr(cycleResource, "last_order.amount", amount),
			resource.TestCheckResourceAttr(cycleResource, "last_order.status", "unpaid"),
		)(s)
	}
}

// Monthly → annually shows the preview's price and buys nothing;
// apply buys once; the next plan is empty. Then drift made outside Terraform
// is shown priced and corrected, and the resource imports by id.
func TestAccSharedHostingBillingCycle_monthlyToAnnually(t *testing.T) {
	sim, url := newTestSimulator(t)
	cfg := cycleConfig(url, v2AccountID2, "annually", "  max_amount    = 400")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(cycleResource, plancheck.ResourceActionCreate),
				plancheck.ExpectKnownValue(cycleResource, tfjsonpath.New("price_change"), priceChange(monthlyToAnnualAmount, "374", "annually")),
				plancheck.ExpectKnownValue(cycleResource, tfjsonpath.New("price_change"), changeFromTo("monthly", "annually",
					"monthly → annually: "+monthlyToAnnualAmount+" SEK due now, then 374 SEK annually")),
				plancheck.ExpectKnownValue(cycleResource, tfjsonpath.New("price_status"), knownvalue.StringExact(purchase.StatusPreviewed)),
				plancheck.ExpectUnknownValue(cycleResource, tfjsonpath.New("last_order")),
				simulatorCheck(expectOrders(sim, 0)),
				simulatorCheck(func() error {
					if cycleCommits(sim) != 0 || cycleDryRuns(sim) != 1 {
						return fmt.Errorf("planning sent %d commits and %d dry runs, want 0 and 1", cycleCommits(sim), cycleDryRuns(sim))
					}
					return nil
				}),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				expectAccountCycle(sim, v2AccountID2, "annually"),
				lastCycleOrderMatchesSimulator(sim, monthlyToAnnualAmount),
			),
		}, {
			// Same configuration again: nothing to buy, nothing to preview.
			Config: cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectEmptyPlan(),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(cycleResource, tfjsonpath.New("price_change"), knownvalue.Null()),
				statecheck.ExpectKnownValue(cycleResource, tfjsonpath.New("billing_cycle"), knownvalue.StringExact("annually")),
			},
		}, {
			// Switched back to monthly in the dashboard: the plan shows it and
			// prices the way back.
			PreConfig: func() {
				payAll(sim)
				sim.SetHostingBillingCycle(v2AccountID2, "monthly")
			},
			Config: cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(cycleResource, plancheck.ResourceActionUpdate),
				expectPriorValue(cycleResource, "billing_cycle", "monthly"),
				plancheck.ExpectKnownValue(cycleResource, tfjsonpath.New("price_change"), priceChange(fullMonthToAnnualAmount, "374", "annually")),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				expectAccountCycle(sim, v2AccountID2, "annually"),
				lastCycleOrderMatchesSimulator(sim, fullMonthToAnnualAmount),
			),
		}, {
			// The refresh clears price_change once HostUp reports the change.
			Config: cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectEmptyPlan(),
			}},
		}, {
			Config:                               cfg,
			ResourceName:                         cycleResource,
			ImportState:                          true,
			ImportStateKind:                      resource.ImportCommandWithID,
			ImportStateId:                        v2AccountID2,
			ImportStateVerify:                    true,
			ImportStateVerifyIdentifierAttribute: "account_id",
			ImportStateVerifyIgnore:              []string{"last_order", "max_amount"},
		}},
	})
	if cycleCommits(sim) != 2 || len(sim.Orders()) != 2 {
		t.Errorf("%d commits and %d orders, want 2 and 2 (the change and the correction)", cycleCommits(sim), len(sim.Orders()))
	}
	if n := sim.Count(hostupsim.RouteV2HostingUpgrade); n != 0 {
		t.Errorf("the billing cycle reached the plan route %d times", n)
	}
}

// The resource identity {account_id}, and import by it, which Terraform and
// OpenTofu support from 1.12. An import block adopts the account as
// configured; nothing is bought.
func TestAccSharedHostingBillingCycle_importByIdentity(t *testing.T) {
	sim, url := newTestSimulator(t)
	cfg := cycleConfig(url, v2AccountID2, "monthly", "")
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(cycleResource, map[string]knownvalue.Check{"account_id": knownvalue.StringExact(v2AccountID2)}),
			},
		}, {
			Config:          cfg,
			ResourceName:    cycleResource,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithResourceIdentity,
		}},
	})
	if cycleCommits(sim) != 0 {
		t.Errorf("adopting and importing sent %d commits", cycleCommits(sim))
	}
}

// An unoffered cycle, a blocking invoice without the opt-in, a closed
// gate and max_amount below the price each fail the plan with 0 writes; with
// the opt-in the invoice is cancelled and 1 commit made.
func TestAccSharedHostingBillingCycle_planRefusals(t *testing.T) {
	sim, url := newTestSimulator(t)
	var blocking hostupsim.Invoice
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cycleConfig(url, v2AccountID2, "quarterly", ""),
			ExpectError: expectError("Billing cycle not offered for this account", "cannot be billed quarterly",
				"Offered: monthly 39 SEK (current), annually 374 SEK"),
		}, {
			Config:      cycleConfig(url, v2AccountID2, "annually", "  max_amount    = 300"),
			ExpectError: expectError("Change costs more than max_amount", "costs 347.54 SEK now, more than max_amount (300)", "Nothing was bought"),
		}, {
			PreConfig: func() { blocking = sim.AddUnpaidInvoice(v2AccountID2, hostupsim.MustMoney("39.00")) },
			Config:    cycleConfig(url, v2AccountID2, "annually", ""),
			ExpectError: expectError("An unpaid invoice blocks the billing-cycle change", "invoice 202600001 (39 SEK",
				"set cancel_existing_invoice = true"),
		}, {
			PreConfig: func() { sim.AddPendingOrder(v2AccountID) },
			Config:    cycleConfig(url, v2AccountID, "monthly", ""),
			ExpectError: expectError("HostUp does not allow a billing-cycle change now", "still being processed",
				"(code pending_order)"),
		}, {
			Config:      cycleConfig(url, "20001", "annually", ""),
			ExpectError: expectError("A v2 account id is needed", "hostup_shared_hosting_accounts"),
		}, {
			PreConfig: func() {
				if n := sim.Count(hostupsim.RouteV2HostingChangeCycle) - cycleDryRuns(sim); n != 0 || len(sim.Orders()) != 1 {
					t.Fatalf("the refused plans sent %d commits and left %d orders (want 0 and the one pending order)", n, len(sim.Orders()))
				}
			},
			Config: cycleConfig(url, v2AccountID2, "annually", "  cancel_existing_invoice = true"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue(cycleResource, tfjsonpath.New("price_change"), priceChange(monthlyToAnnualAmount, "374", "annually")),
			}},
			Check: func(*terraform.State) error {
				if inv, _ := sim.Invoice(blocking.ID); inv.Status != "cancelled" {
					return fmt.Errorf("the blocking invoice is %s, want cancelled", inv.Status)
				}
				return expectAccountCycle(sim, v2AccountID2, "annually")(nil)
			},
		}},
	})
	if n := cycleCommits(sim); n != 1 {
		t.Errorf("%d commits, want 1", n)
	}
}

// Annually to monthly with 181 of 365 days left is a credit:
// 79 − 708 × 181/365 = −272.09. No invoice is made; last_order records the
// credit, and max_amount (a bound on what is due now) lets it through.
func TestAccSharedHostingBillingCycle_creditWithoutInvoice(t *testing.T) {
	sim, url := newTestSimulator(t)
	cfg := cycleConfig(url, v2AccountID, "monthly", "  max_amount    = 0")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue(cycleResource, tfjsonpath.New("price_change"), priceChange("-272.09", "79", "monthly")),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				expectAccountCycle(sim, v2AccountID, "monthly"),
				resource.TestCheckResourceAttr(cycleResource, "last_order.amount", "-272.09"),
				resource.TestCheckResourceAttr(cycleResource, "last_order.currency_code", "SEK"),
				resource.TestCheckNoResourceAttr(cycleResource, "last_order.invoice_id"),
			),
		}, {
			Config:             cfg,
			PlanOnly:           true,
			ExpectNonEmptyPlan: false,
		}},
	})
	if len(sim.Invoices()) != 0 || cycleCommits(sim) != 1 {
		t.Errorf("%d invoices and %d commits, want 0 and 1", len(sim.Invoices()), cycleCommits(sim))
	}
}
