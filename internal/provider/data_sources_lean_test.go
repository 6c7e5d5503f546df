package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// Every data source against a simulator that answers with only what HostUp
// documents, with the other JSON type where two are allowed: each is read
// without an error, has what the contract promises (ids, slugs, the current
// plan) and shows what HostUp left out as null, never 0 or "".
func TestAccDataSourcesLean(t *testing.T) {
	sim, url := newTestSimulator(t)
	sim.SetLean(true)
	at := func(name string, steps ...any) (string, tfjsonpath.Path) {
		p := tfjsonpath.New(steps[0].(string))
		for _, s := range steps[1:] {
			switch s := s.(type) {
			case int:
				p = p.AtSliceIndex(s)
			case string:
				p = p.AtMapKey(s)
			}
		}
		return name, p
	}
	str, null := knownvalue.StringExact, knownvalue.Null()
	const (
		accounts = "data.hostup_shared_hosting_accounts.all"
		servers  = "data.hostup_virtual_servers.all"
		plans    = "data.hostup_shared_hosting_plan_options.site"
		tiers    = "data.hostup_shared_hosting_storage_tiers.site"
		vpsV2    = "data.hostup_vps_upgrade_options.v2"
		vpsV1    = "data.hostup_vps_upgrade_options.v1"
		cycleV1  = "data.hostup_billing_cycle.v1"
		cycleV2  = "data.hostup_billing_cycle.v2"
		cycleVM  = "data.hostup_billing_cycle.vm"
	)
	check := func(name string, path tfjsonpath.Path) func(knownvalue.Check) statecheck.StateCheck {
		return func(c knownvalue.Check) statecheck.StateCheck { return statecheck.ExpectKnownValue(name, path, c) }
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerBlock(url, testAPIKey) + fmt.Sprintf(`
data "hostup_shared_hosting_accounts" "all" {}
data "hostup_virtual_servers" "all" {}
data "hostup_virtual_servers" "by_ip" {
  primary_ip = "203.0.113.11"
}
data "hostup_shared_hosting_plan_options" "site" {
  account_id = %[1]q
}
data "hostup_shared_hosting_storage_tiers" "site" {
  account_id = %[1]q
}
data "hostup_vps_upgrade_options" "v2" {
  vm_id = %[2]q
}
data "hostup_vps_upgrade_options" "v1" {
  vm_id = "10000"
}
data "hostup_billing_cycle" "v1" {
  account_id = "20000"
}
data "hostup_billing_cycle" "v2" {
  account_id = %[1]q
}
data "hostup_billing_cycle" "vm" {
  vm_id = 10000
}
`, v2AccountID, testVPSID),
			ConfigStateChecks: []statecheck.StateCheck{
				// The accounts, each with its current plan.
				check(at(accounts, "accounts", 0, "id"))(str(v2AccountID)),
				check(at(accounts, "accounts", 0, "product_slug"))(str("webbhotell-start")),
				check(at(accounts, "accounts", 0, "plan_name"))(str("Start")),
				check(at(accounts, "accounts", 0, "billing_cycle"))(str("annually")),
				check(at(accounts, "accounts", 1, "product_slug"))(str("webbhotell-mini")),

				// The servers: HostUp's list names no primary IP, but filters on it.
				check(at(servers, "servers", 0))(demoServer(null)),
				check(at("data.hostup_virtual_servers.by_ip", "servers"))(serverIDs(xlVMV2ID)),

				// The current package is named, not priced; the other plans are.
				check(at(plans, "current"))(knownvalue.ObjectExact(map[string]knownvalue.Check{
					"product_slug": str("webbhotell-start"), "name": str("Start"), "type": str("current"), "amount": null,
					"currency_code": null, "billing_cycle": null, "available": knownvalue.Bool(true), "reason": null,
				})),
				check(at(plans, "can_change"))(knownvalue.Bool(true)),
				check(at(plans, "options", 1))(planOptionCheck("webbhotell-business", "Business", "upgrade", "1188")),

				check(at(tiers, "can_add_storage", "allowed"))(knownvalue.Bool(true)),
				check(at(tiers, "tiers", 0))(storageTier(10, "49", "")),

				// A v2 VPS: what it runs comes from its read; the options'
				// answer gives plans as slugs and options by key, type and
				// minimum, and says nothing of a gate.
				check(at(vpsV2, "hostname"))(str("vps1.example.com")),
				check(at(vpsV2, "can_change"))(null),
				check(at(vpsV2, "cannot_change_reason"))(null),
				check(at(vpsV2, "current"))(vpsCurrent("vps-l", "SEK", "560")),
				check(at(vpsV2, "plans", 0))(knownvalue.ObjectExact(map[string]knownvalue.Check{
					"product_slug": str("vps-s"), "name": null, "type": null, "amount": null, "currency_code": null,
					"billing_cycle": null, "available": knownvalue.Bool(true), "reason": null,
				})),
				check(at(vpsV2, "options", 0))(knownvalue.ObjectExact(map[string]knownvalue.Check{
					"key": str("bandwidthGb"), "type": str("quantity"), "min": knownvalue.Int64Exact(0), "max": null,
					"current": knownvalue.Int64Exact(1000), "name": null, "price": null, "currency_code": null, "billing_cycle": null,
				})),
				check(at(vpsV2, "options", 3))(knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"key": str("ipv6"), "type": str("boolean"), "current": knownvalue.Int64Exact(1),
				})),
				check(at(vpsV1, "current"))(vpsCurrent("1937", "", "560")),

				check(at(cycleV1, "product_id"))(str("1912")),
				check(at(cycleV1, "current_billing_cycle"))(str("annually")),
				check(at(cycleV1, "cycles", 1, "price"))(number("708")),
				check(at(cycleV2, "current_billing_cycle"))(str("annually")),
				check(at(cycleV2, "account_details", "total"))(number("708")),
				check(at(cycleVM, "product_id"))(str("1937")),
				check(at(cycleVM, "account_details", "total"))(number("420")),
			},
		}},
	})
}
