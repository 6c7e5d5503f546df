package provider

import (
	"errors"
	"fmt"
	"strings"
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

const storageResource = "hostup_shared_hosting_storage_addon.test"

// storageConfig is one storage block (or count of them) on an account.
func storageConfig(url, account, addon, extra string) string {
	return providerBlock(url, testAPIKey) + fmt.Sprintf(`
resource "hostup_shared_hosting_storage_addon" "test" {
  account_id = %q
  addon_id   = %q
%s
}
`, account, addon, extra)
}

// storagePosts counts the storage purchases that reached the simulator,
// whatever their answer.
func storagePosts(sim *hostupsim.Server) int {
	return sim.Count(hostupsim.RouteV2StorageOrder)
}

func expectStorageOrders(sim *hostupsim.Server, account string, want int) func() error {
	return func() error {
		if got := len(sim.StorageOrders(account)); got != want {
			return fmt.Errorf("simulator has %d storage orders on %s, want %d", got, account, want)
		}
		return nil
	}
}

// storageMatchesSimulator checks the state against the simulator's only
// storage order on the account, invoiced at amount.
func storageMatchesSimulator(sim *hostupsim.Server, account, amount string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		orders := sim.StorageOrders(account)
		if len(orders) != 1 {
			return fmt.Errorf("simulator has %d storage orders, want 1", len(orders))
		}
		order := orders[0]
		inv, ok := sim.Invoice(order.InvoiceID)
		if !ok || inv.Amount != hostupsim.MustMoney(amount) {
			return fmt.Errorf("order %s has invoice %+v, want one of %s", order.ID, inv, amount)
		}
		return resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(storageResource, "order_id", order.ID),
			resource.TestCheckResourceAttr(storageResource, "invoice_id", inv.ID),
			resource.TestCheckResourceAttr(storageResource, "redirect_url", "/billing?invoice="+inv.ID),
			resource.TestCheckResourceAttr(storageResource, "order_status", "pending"),
			resource.TestCheckResourceAttrSet(storageResource, "requested_at"),
			resource.TestCheckResourceAttr(storageResource, "last_order.order_id", order.ID),
			resource.TestCheckResourceAttr(storageResource, "last_order.invoice_id", inv.ID),
			resource.TestCheckResourceAttr(storageResource, "last_order.invoice_number", inv.Number),
			resource.TestCheckResourceAttr(storageResource, "last_order.amount", amount),
			resource.TestCheckResourceAttr(storageResource, "last_order.currency_code", "SEK"),
			resource.TestCheckResourceAttr(storageResource, "last_order.status", "unpaid"),
		)(s)
	}
}

// The plan shows the tier's price and buys nothing; apply buys exactly one
// block; the next plan is empty and sends nothing.
func TestAccStorageAddon_planShowsPriceThenBuysOnce(t *testing.T) {
	sim, url := newTestSimulator(t)
	cfg := storageConfig(url, v2AccountID, "storage-25gb", "  max_amount = 100")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(storageResource, plancheck.ResourceActionCreate),
				plancheck.ExpectKnownValue(storageResource, tfjsonpath.New("price_change"), priceChange("99", "99", "annually")),
				plancheck.ExpectKnownValue(storageResource, tfjsonpath.New("price_change"), changeFromTo("", "25 GB extra storage (storage-25gb)",
					"25 GB extra storage (storage-25gb): 99 SEK due now, then 99 SEK annually; buys one more block: a block bought before stays bought and billed")),
				plancheck.ExpectKnownValue(storageResource, tfjsonpath.New("price_status"), knownvalue.StringExact("previewed")),
				plancheck.ExpectKnownValue(storageResource, tfjsonpath.New("size_gb"), knownvalue.Int64Exact(25)),
				plancheck.ExpectUnknownValue(storageResource, tfjsonpath.New("order_id")),
				plancheck.ExpectUnknownValue(storageResource, tfjsonpath.New("last_order")),
				simulatorCheck(expectOrders(sim, 0)),
				simulatorCheck(func() error {
					if n := storagePosts(sim); n != 0 {
						return fmt.Errorf("planning sent %d storage orders", n)
					}
					return nil
				}),
			}},
			Check: storageMatchesSimulator(sim, v2AccountID, "99"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(storageResource, tfjsonpath.New("size_gb"), knownvalue.Int64Exact(25)),
			},
		}, {
			Config: cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectEmptyPlan(),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(storageResource, tfjsonpath.New("price_change"), knownvalue.Null()),
			},
		}, {
			// payment_method and max_amount change in place and buy nothing.
			Config: storageConfig(url, v2AccountID, "storage-25gb", "  max_amount = 150\n  payment_method = \"invoice\""),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(storageResource, plancheck.ResourceActionUpdate),
				plancheck.ExpectKnownValue(storageResource, tfjsonpath.New("price_change"), knownvalue.Null()),
			}},
		}},
	})
	if n := storagePosts(sim); n != 1 {
		t.Errorf("%d storage orders sent, want exactly 1", n)
	}
	if got := sim.StorageOrders(v2AccountID); len(got) != 1 || got[0].AddonID != "storage-25gb" || got[0].Amount != hostupsim.MustMoney("99") {
		t.Errorf("storage orders: %+v, want one storage-25gb block at 99", got)
	}
}

// Blocks stack: count = 2 buys exactly two, under the account's lock, and
// a second apply buys nothing.
func TestAccStorageAddon_countBuysExactlyTwo(t *testing.T) {
	sim, url := newTestSimulator(t)
	cfg := storageConfig(url, v2AccountID, "storage-10gb", "  count      = 2")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue(storageResource+"[0]", tfjsonpath.New("price_change"), priceChange("49", "49", "annually")),
				plancheck.ExpectKnownValue(storageResource+"[1]", tfjsonpath.New("price_change"), priceChange("49", "49", "annually")),
			}},
			Check: func(*terraform.State) error { return expectStorageOrders(sim, v2AccountID, 2)() },
		}, {
			Config: cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectEmptyPlan(),
			}},
		}},
	})
	if n := storagePosts(sim); n != 2 {
		t.Errorf("%d storage orders sent, want exactly 2", n)
	}
}

// An unavailable tier, an unknown tier and a closed canAddStorage gate fail
// the plan with HostUp's reason, and no purchase is sent.
func TestAccStorageAddon_refusedAtPlan(t *testing.T) {
	for _, tc := range []struct {
		name, account, addon string
		setup                func(*hostupsim.Server)
		want                 []string
	}{{
		name: "unavailable tier", account: v2AccountID2, addon: "storage-50gb",
		want: []string{"Storage tier not available", `HostUp does not sell "storage-50gb" to account ` + v2AccountID2,
			"needs one of the plans", `Available: "storage-10gb" (49 SEK annually), "storage-25gb" (99 SEK annually)`, "Nothing was bought"},
	}, {
		name: "unknown tier", account: v2AccountID, addon: "storage-1tb",
		want: []string{"Unknown storage tier", `"storage-1tb" is not a storage tier of account ` + v2AccountID,
			`Available: "storage-10gb" (49 SEK annually), "storage-25gb" (99 SEK annually), "storage-50gb" (179 SEK annually)`},
	}, {
		name: "closed gate", account: v2AccountID, addon: "storage-10gb",
		setup: func(sim *hostupsim.Server) {
			sim.SetStorageGate(v2AccountID, "account_review", "The account is being reviewed by HostUp staff")
		},
		want: []string{"HostUp does not allow a storage order now", "The account is being reviewed by HostUp staff", "(code account_review)"},
	}, {
		name: "over max_amount", account: v2AccountID, addon: "storage-50gb",
		want: []string{"Change costs more than max_amount", "costs 179 SEK now, more than max_amount (100)"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			sim, url := newTestSimulator(t)
			if tc.setup != nil {
				tc.setup(sim)
			}
			extra := ""
			if tc.name == "over max_amount" {
				extra = "  max_amount = 100"
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      storageConfig(url, tc.account, tc.addon, extra),
					ExpectError: expectError(tc.want...),
				}},
			})
			if n := storagePosts(sim); n != 0 {
				t.Errorf("%d storage orders sent despite the refusal", n)
			}
		})
	}
}

// Import by acct_…/ord_… (command and import block) and by identity. An
// imported block records no tier, and configuring it buys nothing.
func TestAccStorageAddon_import(t *testing.T) {
	sim, url := newTestSimulator(t)
	cfg := storageConfig(url, v2AccountID, "storage-10gb", "")
	orderID := func() string { return sim.StorageOrders(v2AccountID)[0].ID }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
		}, {
			Config:                               cfg,
			ResourceName:                         storageResource,
			ImportState:                          true,
			ImportStateKind:                      resource.ImportCommandWithID,
			ImportStateIdFunc:                    func(*terraform.State) (string, error) { return v2AccountID + "/" + orderID(), nil },
			ImportStateVerify:                    true,
			ImportStateVerifyIdentifierAttribute: "order_id",
			ImportStateVerifyIgnore: []string{"addon_id", "size_gb", "redirect_url", "requested_at", "last_order",
				// Applied state keeps the planned price; the refresh after import has nothing pending.
				"price_change", "price_status"},
		}, {
			Config:            cfg,
			ResourceName:      storageResource,
			ImportState:       true,
			ImportStateKind:   resource.ImportBlockWithID,
			ImportStateIdFunc: func(*terraform.State) (string, error) { return v2AccountID + "/" + orderID(), nil },
			// The order does not name its tier: the configured addon_id is
			// recorded by an in-place update, which buys nothing.
			ExpectNonEmptyPlan: true,
			ImportPlanChecks:   importRecordsTierInPlace,
		}},
	})
	if n := storagePosts(sim); n != 1 {
		t.Errorf("%d storage orders sent, want 1 (importing buys nothing)", n)
	}
}

// The resource identity {account_id, order_id}, and import by it, which
// Terraform and OpenTofu support from 1.12.
func TestAccStorageAddon_importByIdentity(t *testing.T) {
	sim, url := newTestSimulator(t)
	cfg := storageConfig(url, v2AccountID, "storage-10gb", "")
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(storageResource, map[string]knownvalue.Check{
					"account_id": knownvalue.StringExact(v2AccountID),
					"order_id":   knownvalue.StringRegexp(v2OrderIDPattern),
				}),
			},
		}, {
			Config:             cfg,
			ResourceName:       storageResource,
			ImportState:        true,
			ImportStateKind:    resource.ImportBlockWithResourceIdentity,
			ExpectNonEmptyPlan: true,
			ImportPlanChecks:   importRecordsTierInPlace,
		}},
	})
	if n := storagePosts(sim); n != 1 {
		t.Errorf("%d storage orders sent, want 1 (importing buys nothing)", n)
	}
}

var importRecordsTierInPlace = resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
	plancheck.ExpectResourceAction(storageResource, plancheck.ResourceActionUpdate),
	plancheck.ExpectKnownValue(storageResource, tfjsonpath.New("addon_id"), knownvalue.StringExact("storage-10gb")),
	plancheck.ExpectKnownValue(storageResource, tfjsonpath.New("price_change"), knownvalue.Null()),
}}

func TestStorageAddonIdentityChecks(t *testing.T) {
	for _, tc := range []struct {
		account, order string
		want           string
	}{
		{v2AccountID, "ord_01abc", ""},
		{"20000", "ord_01abc", "is a v1 account id"},
		{v2AccountID, "inv_01abc", "is not a v2 order id"},
		{"acct-1", "ord_01abc", "is neither a v1 account id"},
	} {
		err := errors.Join(idCheck(parseV2AccountID)(tc.account), checkV2OrderID(tc.order))
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s/%s: %v", tc.account, tc.order, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s/%s: error %v, want one saying %q", tc.account, tc.order, err, tc.want)
		}
	}
}

// A 404 on refresh is an error naming the order and the way out, never a
// removal (which would buy again); a cancelled order stays in state with a
// warning and is not bought again.
func TestAccStorageAddon_orderGoneOrCancelled(t *testing.T) {
	sim, url := newTestSimulator(t)
	cfg := storageConfig(url, v2AccountID, "storage-10gb", "")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
		}, {
			PreConfig: func() { sim.SetOrderStatus(sim.StorageOrders(v2AccountID)[0].ID, "cancelled") },
			Config:    cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectEmptyPlan(),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(storageResource, tfjsonpath.New("order_status"), knownvalue.StringExact("cancelled")),
			},
		}, {
			// HostUp answers 404 for the order (a fault, so that the test's
			// final destroy can still read it afterwards).
			PreConfig: func() {
				sim.InjectFault(hostupsim.Fault{Route: hostupsim.RouteV2Order, Status: 404, Code: "not_found", Times: -1})
			},
			Config:      cfg,
			PlanOnly:    true,
			ExpectError: expectError("not found", "does not exist", "forgetting it would make the next apply buy again", "terraform state rm"),
		}, {
			PreConfig: sim.ClearFaults,
			Config:    cfg,
			PlanOnly:  true,
		}},
	})
	if n := storagePosts(sim); n != 1 {
		t.Errorf("%d storage orders sent, want 1", n)
	}
}
