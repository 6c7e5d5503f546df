package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
)

// Every data source against a simulator that answers with only what HostUp
// documents, with the other JSON type where two are allowed: each is read
// without an error, has what the contract promises (ids, slugs, the current
// plan) and shows what HostUp left out as null, never 0 or "".
func TestAccDataSourcesLean(t *testing.T) {
	sim, url := newTestSimulator(t)
	sim.SetLean(true)
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
	testDataSource(t, resource.TestStep{
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
		ConfigStateChecks: stateChecks{
			// The accounts, each with its current plan.
			stateValue(accounts, str(v2AccountID), "accounts", 0, "id"),
			stateValue(accounts, str("webbhotell-start"), "accounts", 0, "product_slug"),
			stateValue(accounts, str("Start"), "accounts", 0, "plan_name"),
			stateValue(accounts, str("annually"), "accounts", 0, "billing_cycle"),
			stateValue(accounts, str("webbhotell-mini"), "accounts", 1, "product_slug"),

			// The servers: HostUp's list names no primary IP, but filters on it.
			stateValue(servers, demoServer(null), "servers", 0),
			stateValue("data.hostup_virtual_servers.by_ip", serverIDs(xlVMV2ID), "servers"),

			// The current package is named, not priced; the other plans are.
			stateValue(plans, knownvalue.ObjectExact(map[string]knownvalue.Check{
				"product_slug": str("webbhotell-start"), "name": str("Start"), "type": str("current"), "amount": null,
				"currency_code": null, "billing_cycle": null, "available": knownvalue.Bool(true), "reason": null,
			}), "current"),
			stateValue(plans, knownvalue.Bool(true), "can_change"),
			stateValue(plans, planOptionCheck("webbhotell-business", "Business", "upgrade", "1188"), "options", 1),

			stateValue(tiers, knownvalue.Bool(true), "can_add_storage", "allowed"),
			stateValue(tiers, storageTier(10, "49", ""), "tiers", 0),

			// A v2 VPS: what it runs comes from its read; the options'
			// answer gives plans as slugs and options by key, type and
			// minimum, and says nothing of a gate.
			stateValue(vpsV2, str("vps1.example.com"), "hostname"),
			stateValue(vpsV2, null, "can_change"),
			stateValue(vpsV2, null, "cannot_change_reason"),
			stateValue(vpsV2, vpsCurrent("vps-l", "SEK"), "current"),
			stateValue(vpsV2, knownvalue.ObjectExact(map[string]knownvalue.Check{
				"product_slug": str("vps-s"), "name": null, "type": null, "amount": null, "currency_code": null,
				"billing_cycle": null, "available": knownvalue.Bool(true), "reason": null,
			}), "plans", 0),
			stateValue(vpsV2, knownvalue.ObjectExact(map[string]knownvalue.Check{
				"key": str("bandwidthGb"), "type": str("quantity"), "min": knownvalue.Int64Exact(0), "max": null,
				"current": knownvalue.Int64Exact(1000), "name": null, "price": null, "currency_code": null, "billing_cycle": null,
			}), "options", 0),
			stateValue(vpsV2, knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"key": str("ipv6"), "type": str("boolean"), "current": knownvalue.Int64Exact(1),
			}), "options", 3),
			stateValue(vpsV1, vpsCurrent("1937", ""), "current"),

			stateValue(cycleV1, str("1912"), "product_id"),
			stateValue(cycleV1, str("annually"), "current_billing_cycle"),
			stateValue(cycleV1, number("708"), "cycles", 1, "price"),
			stateValue(cycleV2, str("annually"), "current_billing_cycle"),
			stateValue(cycleV2, number("708"), "account_details", "total"),
			stateValue(cycleVM, str("1937"), "product_id"),
			stateValue(cycleVM, number("420"), "account_details", "total"),
		},
	})
}
