package provider

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

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

// readBillingCycles reads the data source with arg from a simulator of its
// own, checks its state, and checks that of the three billing-cycle routes
// only route was called.
func readBillingCycles(t *testing.T, arg, route string, checks ...statecheck.StateCheck) {
	sim, url := newTestSimulator(t)
	testDataSource(t, resource.TestStep{Config: billingCycleConfig(url, testAPIKey, arg), ConfigStateChecks: checks})
	for _, r := range []string{hostupsim.RouteV1HostingBillingCycle, hostupsim.RouteV1VMBillingCycle, hostupsim.RouteV2HostingBillingCycle} {
		if n := sim.Count(r); (r == route) != (n > 0) {
			t.Errorf("%s was called %d times; %s is the one route for %s", r, n, route, arg)
		}
	}
}

const billingCycleDS = "data.hostup_billing_cycle.test"

// cycleCheck checks one of the cycles: its id and name as the API names it,
// its price, whether it is current, and its canonical name.
func cycleCheck(id, name, price string, current bool, canonical string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"id": knownvalue.StringExact(id), "name": knownvalue.StringExact(name), "price": number(price),
		"is_current": knownvalue.Bool(current), "billing_cycle": knownvalue.StringExact(canonical),
	})
}

func TestAccBillingCycleDataSource_v1Account(t *testing.T) {
	readBillingCycles(t, `account_id = 20000`, hostupsim.RouteV1HostingBillingCycle,
		stateValue(billingCycleDS, knownvalue.StringExact("a"), "current_cycle"),
		stateValue(billingCycleDS, knownvalue.StringExact("Annually"), "current_cycle_name"),
		stateValue(billingCycleDS, knownvalue.StringExact("annually"), "current_billing_cycle"),
		stateValue(billingCycleDS, knownvalue.StringExact("1912"), "product_id"),
		stateValue(billingCycleDS, knownvalue.Null(), "currency_code"),
		stateValue(billingCycleDS, knownvalue.ListExact([]knownvalue.Check{
			cycleCheck("m", "Monthly", "79.00", false, "monthly"),
			cycleCheck("a", "Annually", "708.00", true, "annually"),
		}), "cycles"),
		stateValue(billingCycleDS, knownvalue.ObjectExact(map[string]knownvalue.Check{
			"domain": knownvalue.StringExact("example.com"),
			"name":   knownvalue.StringExact("Start (cpanel)"),
			"total":  number("708"),
		}), "account_details"),
	)
}

func TestAccBillingCycleDataSource_v1VM(t *testing.T) {
	readBillingCycles(t, fmt.Sprintf(`vm_id = %d`, testVMID), hostupsim.RouteV1VMBillingCycle,
		// The VM's product, which v1 upgrades take, and its cycles' prices.
		stateValue(billingCycleDS, knownvalue.ObjectExact(map[string]knownvalue.Check{
			"domain": knownvalue.StringExact("vps1.example.com"), "name": knownvalue.StringExact("VPS L"), "total": number("420"),
		}), "account_details"),
		stateValue(billingCycleDS, knownvalue.StringExact("1937"), "product_id"),
		stateValue(billingCycleDS, knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectPartial(map[string]knownvalue.Check{"price": number("420.00")}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{"price": number("4536.00")}),
		}), "cycles"),
		stateValue(billingCycleDS, knownvalue.StringExact("m"), "current_cycle"),
		stateValue(billingCycleDS, knownvalue.StringExact("monthly"), "current_billing_cycle"),
	)
}

func TestAccBillingCycleDataSource_v2Account(t *testing.T) {
	readBillingCycles(t, fmt.Sprintf(`account_id = %q`, v2AccountID2), hostupsim.RouteV2HostingBillingCycle,
		stateValue(billingCycleDS, knownvalue.StringExact("monthly"), "current_cycle"),
		stateValue(billingCycleDS, knownvalue.StringExact("Monthly"), "current_cycle_name"),
		stateValue(billingCycleDS, knownvalue.StringExact("monthly"), "current_billing_cycle"),
		stateValue(billingCycleDS, knownvalue.Null(), "product_id"),
		stateValue(billingCycleDS, knownvalue.StringExact("SEK"), "currency_code"),
		stateValue(billingCycleDS, knownvalue.ListExact([]knownvalue.Check{
			cycleCheck("monthly", "Monthly", "39", true, "monthly"),
			cycleCheck("annually", "Annually", "374", false, "annually"),
		}), "cycles"),
		stateValue(billingCycleDS, knownvalue.StringExact("shop.example.se"), "account_details", "domain"),
		stateValue(billingCycleDS, number("39"), "account_details", "total"),
	)
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
			testDataSource(t, resource.TestStep{
				Config:      billingCycleConfig(url, tc.key, tc.arg),
				ExpectError: expectError(tc.want...),
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
			testDataSource(t, resource.TestStep{
				Config:      billingCycleConfig(url, testAPIKey, tc.arg),
				ExpectError: expectError(tc.want...),
			})
		})
	}
}
