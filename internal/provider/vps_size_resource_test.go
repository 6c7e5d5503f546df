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

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

const (
	vpsSizeAddr = "hostup_vps_size.test"
	demoVMID    = "10000"                          // VPS L (1937), monthly
	demoVMV2ID  = "vps_01hxa3b4c5d6e7f8g9h0j1k2n1" // the same VM
)

func vpsSizeConfig(url, body string) string {
	return providerBlock(url, testAPIKey) + fmt.Sprintf(`
resource "hostup_vps_size" "test" {
%s
}
`, body)
}

func v1SizeConfig(url, extra string) string {
	return vpsSizeConfig(url, fmt.Sprintf("  vm_id = %q\n%s", demoVMID, extra))
}

func v2SizeConfig(url, extra string) string {
	return vpsSizeConfig(url, fmt.Sprintf("  vm_id = %q\n%s", demoVMV2ID, extra))
}

// The simulator's view of VM upgrades: v1 estimates (send: false) and
// commits (send: true), v2 previews and commits per route.
func isVMSend(r hostupsim.RequestRecord) bool {
	send, _ := r.Body["send"].(bool)
	return send
}

func vmCommits(sim *hostupsim.Server) int {
	return sim.CountWhere(hostupsim.RouteV1VMUpgrade, isVMSend)
}

func vmEstimates(sim *hostupsim.Server) int {
	return sim.CountWhere(hostupsim.RouteV1VMUpgrade, func(r hostupsim.RequestRecord) bool { return !isVMSend(r) })
}

func expectVMRequests(sim *hostupsim.Server, estimates, commits int) func() error {
	return func() error {
		if e, c := vmEstimates(sim), vmCommits(sim); e != estimates || c != commits {
			return fmt.Errorf("simulator saw %d estimates and %d commits, want %d and %d", e, c, estimates, commits)
		}
		return nil
	}
}

// twinEstimate asks a second simulator, seeded like the test's, for the
// estimate of u (after setup, if given): the price the plan must show.
func twinEstimate(t *testing.T, vmID int64, u client.VMUpgrade, setup ...func(*hostupsim.Server)) *client.VMUpgradeEstimate {
	t.Helper()
	twin, url := newTestSimulator(t)
	for _, f := range setup {
		f(twin)
	}
	c, err := client.New(testAPIKey, client.WithEndpoint(url))
	if err != nil {
		t.Fatal(err)
	}
	est, err := c.EstimateVMUpgrade(context.Background(), vmID, u)
	if err != nil {
		t.Fatal(err)
	}
	return est
}

func estimatedPrice(est *client.VMUpgradeEstimate, cycle string) knownvalue.Check {
	return priceChange(est.Prorated.String(), est.Recurring.String(), cycle)
}

// The plan of a package change shows HostUp's estimate and buys nothing;
// apply buys exactly once, and the plans after it, before and after HostUp
// carries the upgrade out, are empty.
func TestAccVPSSize_planShowsEstimate(t *testing.T) {
	sim, url := newTestSimulator(t)
	toXL := twinEstimate(t, 10000, client.VMUpgrade{Package: "1938"})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: v1SizeConfig(url, `  package = "1938"`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue(vpsSizeAddr, tfjsonpath.New("price_change"), estimatedPrice(toXL, "monthly")),
				plancheck.ExpectKnownValue(vpsSizeAddr, tfjsonpath.New("price_change"), changeFromTo("VPS L (1937)", "package 1938",
					"VPS L → package 1938: "+toXL.Prorated.String()+" SEK due now, then "+toXL.Recurring.String()+" SEK monthly")),
				plancheck.ExpectKnownValue(vpsSizeAddr, tfjsonpath.New("price_status"), knownvalue.StringExact("previewed")),
				plancheck.ExpectUnknownValue(vpsSizeAddr, tfjsonpath.New("last_order")),
				simulatorCheck(expectOrders(sim, 0)),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(vpsSizeAddr, "package", "1938"),
				resource.TestCheckResourceAttr(vpsSizeAddr, "last_order.amount", toXL.Prorated.String()),
				func(*terraform.State) error { return expectVMRequests(sim, vmEstimates(sim), 1)() },
			),
		}, {
			// Right after apply HostUp still runs the old package: the
			// next plan must not buy it again.
			Config: v1SizeConfig(url, `  package = "1938"`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectEmptyPlan(),
				simulatorCheck(expectOrders(sim, 1)),
			}},
		}, {
			PreConfig: func() { sim.Advance(hostupsim.VMUpgradeDelay + 1) },
			Config:    v1SizeConfig(url, `  package = "1938"`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectEmptyPlan(),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(vpsSizeAddr, "specs.product_name", "VPS XL"),
				resource.TestCheckResourceAttr(vpsSizeAddr, "specs.cpu", "8"),
				resource.TestCheckNoResourceAttr(vpsSizeAddr, "price_change"),
				func(*terraform.State) error { return expectVMRequests(sim, vmEstimates(sim), 1)() },
			),
		}},
	})
	if got := len(sim.Orders()); got != 1 {
		t.Errorf("%d orders, want 1", got)
	}
}

// Adopting a VM that already has the configured size buys nothing, and it
// imports by id (command and block) and by identity.
func TestAccVPSSize_import(t *testing.T) {
	sim, url := newTestSimulator(t)
	cfg := v2SizeConfig(url, "  product_slug = \"vps-l\"\n  options = { ipv4Count = 1 }")
	// What an import fills in: the plan; options only once configured.
	imported := v2SizeConfig(url, `  product_slug = "vps-l"`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue(vpsSizeAddr, tfjsonpath.New("price_change"), knownvalue.Null()),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(vpsSizeAddr, "specs.product_name", "VPS L"),
				resource.TestCheckNoResourceAttr(vpsSizeAddr, "last_order"),
			),
		}, {
			Config:                               cfg,
			ResourceName:                         vpsSizeAddr,
			ImportState:                          true,
			ImportStateKind:                      resource.ImportCommandWithID,
			ImportStateId:                        demoVMV2ID,
			ImportStateVerify:                    true,
			ImportStateVerifyIdentifierAttribute: "vm_id",
			// Import cannot know which inputs the configuration manages.
			ImportStateVerifyIgnore: []string{"options", "options.%", "options.ipv4Count"},
		}, {
			Config: imported,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue(vpsSizeAddr, tfjsonpath.New("price_change"), knownvalue.Null()),
			}},
		}, {
			Config:          imported,
			ResourceName:    vpsSizeAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
			ImportStateId:   demoVMV2ID,
		}},
	})
	if n := sim.Count(hostupsim.RouteV2VPSUpgrade) + sim.Count(hostupsim.RouteV2VPSConfig); n != 0 {
		t.Errorf("adopting and importing sent %d change requests", n)
	}
}

// The resource identity {vm_id}, and import by it, which Terraform and
// OpenTofu support from 1.12.
func TestAccVPSSize_importByIdentity(t *testing.T) {
	sim, url := newTestSimulator(t)
	cfg := v2SizeConfig(url, `  product_slug = "vps-l"`)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(vpsSizeAddr, map[string]knownvalue.Check{"vm_id": knownvalue.StringExact(demoVMV2ID)}),
			},
		}, {
			Config:          cfg,
			ResourceName:    vpsSizeAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithResourceIdentity,
		}},
	})
	if n := sim.Count(hostupsim.RouteV2VPSUpgrade) + sim.Count(hostupsim.RouteV2VPSConfig); n != 0 {
		t.Errorf("adopting and importing sent %d change requests", n)
	}
}

// Inputs of the other API generation are refused before any request.
func TestAccVPSSize_wrongGeneration(t *testing.T) {
	sim, url := newTestSimulator(t)
	for _, tc := range []struct{ config, want string }{
		{v2SizeConfig(url, `  package = "1938"`), "package is for v1 VMs"},
		{v2SizeConfig(url, `  resources = { "2231" = 10 }`), "use options"},
		{v1SizeConfig(url, `  product_slug = "vps-xl"`), "product_slug is for v2 VMs"},
		{v1SizeConfig(url, `  options = { backupSlots = 1 }`), "use resources"},
		{v1SizeConfig(url, `  cancel_existing_invoice = true`), "cancel_existing_invoice is for v2 VMs"},
		{v2SizeConfig(url, `  options = { backupSlots = -1 }`), "value must be between 0 and 1000000"},
		{v1SizeConfig(url, `  resources = { "2231" = -400 }`), "value must be between 0 and 1000000"},
	} {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps:                    []resource.TestStep{{Config: tc.config, PlanOnly: true, ExpectError: expectError(tc.want)}},
		})
	}
	if n := len(sim.Requests()); n != 0 {
		t.Errorf("%d requests sent for invalid configurations", n)
	}
}

// An option quantity outside what HostUp allows is refused before any
// preview.
func TestAccVPSSize_optionOutOfRange(t *testing.T) {
	sim, url := newTestSimulator(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      v2SizeConfig(url, `  options = { ipv4Count = 0 }`),
			PlanOnly:    true,
			ExpectError: expectError("Option quantity out of range", "HostUp accepts ipv4Count from 1 to 8; 0 is outside"),
		}},
	})
	if n := sim.Count(hostupsim.RouteV2VPSConfig); n != 0 {
		t.Errorf("%d requests reached the option route", n)
	}
}
