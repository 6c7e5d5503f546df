package provider

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

func billingCycleConfig(url, key, arg string) string {
	return providerBlock(url, key) + fmt.Sprintf(`
data "hostup_billing_cycle" "test" {
  %s
}
`, arg)
}

func number(s string) knownvalue.Check {
	f, _, err := big.ParseFloat(s, 10, 512, big.ToNearestEven)
	if err != nil {
		panic(err)
	}
	return knownvalue.NumberExact(f)
}

func TestAccBillingCycleDataSource_v1Account(t *testing.T) {
	sim, url := newTestSimulator(t)
	ds := "data.hostup_billing_cycle.test"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: billingCycleConfig(url, testAPIKey, `account_id = 20000`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("current_cycle"), knownvalue.StringExact("a")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("current_cycle_name"), knownvalue.StringExact("Annually")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("current_billing_cycle"), knownvalue.StringExact("annually")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("product_id"), knownvalue.StringExact("1912")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("currency_code"), knownvalue.Null()),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("cycles"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.StringExact("m"), "name": knownvalue.StringExact("Monthly"), "price": number("79.00"),
						"is_current": knownvalue.Bool(false), "billing_cycle": knownvalue.StringExact("monthly"),
					}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.StringExact("a"), "name": knownvalue.StringExact("Annually"), "price": number("708.00"),
						"is_current": knownvalue.Bool(true), "billing_cycle": knownvalue.StringExact("annually"),
					}),
				})),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("account_details"), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"domain": knownvalue.StringExact("example.com"),
					"name":   knownvalue.StringExact("Start (cpanel)"),
					"total":  number("708"),
				})),
			},
		}},
	})
	if n := sim.Count(hostupsim.RouteV1HostingBillingCycle); n == 0 {
		t.Errorf("the v1 billing-cycle route was never called")
	}
}

func TestAccBillingCycleDataSource_v1VM(t *testing.T) {
	sim, url := newTestSimulator(t)
	ds := "data.hostup_billing_cycle.test"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: billingCycleConfig(url, testAPIKey, fmt.Sprintf(`vm_id = %d`, testVMID)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("product_id"), knownvalue.StringExact("1937")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("current_cycle"), knownvalue.StringExact("m")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("current_billing_cycle"), knownvalue.StringExact("monthly")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("cycles").AtSliceIndex(0).AtMapKey("price"), number("420.00")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("cycles").AtSliceIndex(1).AtMapKey("price"), number("4536.00")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("account_details").AtMapKey("domain"), knownvalue.StringExact("vps1.example.com")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("account_details").AtMapKey("name"), knownvalue.StringExact("VPS L")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("account_details").AtMapKey("total"), number("420")),
			},
		}},
	})
	if n := sim.Count(hostupsim.RouteV1VMBillingCycle); n == 0 {
		t.Errorf("the v1 VM billing-cycle route was never called")
	}
}

func TestAccBillingCycleDataSource_v2Account(t *testing.T) {
	sim, url := newTestSimulator(t)
	ds := "data.hostup_billing_cycle.test"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: billingCycleConfig(url, testAPIKey, fmt.Sprintf(`account_id = %q`, v2AccountID2)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("current_cycle"), knownvalue.StringExact("monthly")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("current_cycle_name"), knownvalue.StringExact("Monthly")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("current_billing_cycle"), knownvalue.StringExact("monthly")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("product_id"), knownvalue.Null()),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("currency_code"), knownvalue.StringExact("SEK")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("cycles"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.StringExact("monthly"), "name": knownvalue.StringExact("Monthly"), "price": number("39"),
						"is_current": knownvalue.Bool(true), "billing_cycle": knownvalue.StringExact("monthly"),
					}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.StringExact("annually"), "name": knownvalue.StringExact("Annually"), "price": number("374"),
						"is_current": knownvalue.Bool(false), "billing_cycle": knownvalue.StringExact("annually"),
					}),
				})),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("account_details").AtMapKey("domain"), knownvalue.StringExact("shop.example.se")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("account_details").AtMapKey("total"), number("39")),
			},
		}},
	})
	if sim.Count(hostupsim.RouteV2HostingBillingCycle) == 0 || sim.Count(hostupsim.RouteV1HostingBillingCycle) != 0 {
		t.Errorf("an acct_ id must read the v2 route only")
	}
}

// The three ways a read is refused each say what is wrong and what to do.
func TestAccBillingCycleDataSource_errors(t *testing.T) {
	sim, url := newTestSimulator(t)
	sim.AddAPIKey("vm-only-key", hostupsim.ScopeReadVM)
	for _, tc := range []struct {
		name, key, arg string
		want           []string
	}{
		{"401 wrong key v1", "wrong-key", `account_id = 20000`,
			[]string{`Could not read the billing cycles of hosting account 20000`, `HostUp refused the API key`, `api_key`, `HOSTUP_API_KEY`, `HTTP status: 401`, `API error code: UNAUTHORIZED`, `Request ID: `}},
		{"401 wrong key v2", "wrong-key", fmt.Sprintf(`account_id = %q`, v2AccountID),
			[]string{`HostUp refused the API key`, `HTTP status: 401`, `API error code: unauthorized`, `Request ID: req_`}},
		{"403 missing scope", "vm-only-key", `account_id = 20000`,
			[]string{`needs the scope read:hosting`, `HTTP status: 403`, `API error code: FORBIDDEN`}},
		{"404 v1 account", testAPIKey, `account_id = ` + missingV1ID,
			[]string{`No such object`, `Check account_id`, `hostup_shared_hosting_accounts`, `HTTP status: 404`, `API error code: NOT_FOUND`}},
		{"404 v2 account", testAPIKey, fmt.Sprintf(`account_id = %q`, missingAcctID),
			[]string{`No such object`, `HTTP status: 404`, `API error code: not_found`}},
		{"404 vm", testAPIKey, `vm_id = 99999`,
			[]string{`Could not read the billing cycles of VM 99999`, `No such object`, `HTTP status: 404`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      billingCycleConfig(url, tc.key, tc.arg),
					ExpectError: expectError(tc.want...),
				}},
			})
		})
	}
}

func TestAccBillingCycleDataSource_invalidInput(t *testing.T) {
	sim, url := newTestSimulator(t)
	// Runs once the parallel subtests are done.
	t.Cleanup(func() {
		if n := len(sim.Requests()); n != 0 {
			t.Errorf("invalid input reached the API: %d requests", n)
		}
	})
	for _, tc := range []struct {
		name, arg string
		want      []string
	}{
		{"neither id", ``, []string{`Set exactly one of account_id and vm_id`, `none of them is set`}},
		{"both ids", "account_id = 20000\n  vm_id = 10000", []string{`Set exactly one of account_id and vm_id`, `account_id and vm_id are both set`}},
		{"bad account id", `account_id = "acct-XYZ"`, []string{`Invalid account id`, `neither a v1 account id`}},
		{"zero vm id", `vm_id = 0`, []string{`Invalid id`, `vm_id is not an id`, `such as 10000`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      billingCycleConfig(url, testAPIKey, tc.arg),
					ExpectError: expectError(tc.want...),
				}},
			})
		})
	}
}
