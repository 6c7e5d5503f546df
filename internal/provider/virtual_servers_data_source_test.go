package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// demoServer checks the demo VM 10000 as the VPS list shows it; primaryIP
// is null when HostUp leaves the address out.
func demoServer(primaryIP knownvalue.Check) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"id": knownvalue.StringExact(testVPSID), "hostname": knownvalue.StringExact("vps1.example.com"),
		"status": knownvalue.StringExact("active"), "product_slug": knownvalue.StringExact("vps-l"),
		"plan_name": knownvalue.StringExact("VPS L"), "billing_cycle": knownvalue.StringExact("monthly"),
		"amount": number("560"), "currency_code": knownvalue.StringExact("SEK"),
		"cpu": knownvalue.Int64Exact(4), "ram_mb": knownvalue.Int64Exact(8192), "disk_gb": knownvalue.Int64Exact(160),
		"bandwidth_gb": knownvalue.Int64Exact(4000), "primary_ip": primaryIP,
	})
}

func serverIDs(ids ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(ids))
	for i, id := range ids {
		checks[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(id)})
	}
	return knownvalue.ListExact(checks)
}

// Every server, and the filters, which HostUp applies: the provider sends
// them and keeps what comes back.
func TestAccVirtualServersDataSource(t *testing.T) {
	sim, url := newTestSimulator(t)
	// Two pages of the list, so that the cursor is followed.
	sim.AddVMs(120, hostupsim.VM{Hostname: "bulk.example.net", ProductID: "1935"})
	testDataSource(t, resource.TestStep{
		Config: providerBlock(url, testAPIKey) + `
data "hostup_virtual_servers" "all" {}
data "hostup_virtual_servers" "by_name" {
  name = "VPS2.EXAMPLE"
}
data "hostup_virtual_servers" "by_ip" {
  primary_ip = "203.0.113.10"
}
data "hostup_virtual_servers" "none" {
  name = "no-such-server"
}
`,
		ConfigStateChecks: stateChecks{
			stateValue("data.hostup_virtual_servers.all", knownvalue.ListSizeExact(122), "servers"),
			stateValue("data.hostup_virtual_servers.all", demoServer(knownvalue.StringExact("203.0.113.10")), "servers", 0),
			stateValue("data.hostup_virtual_servers.by_name", serverIDs(xlVMV2ID), "servers"),
			stateValue("data.hostup_virtual_servers.by_ip", serverIDs(testVPSID), "servers"),
			stateValue("data.hostup_virtual_servers.none", knownvalue.ListExact([]knownvalue.Check{}), "servers"),
		},
	})
	for _, r := range sim.Requests() {
		if r.Route != hostupsim.RouteV2VPSList {
			t.Errorf("listing servers sent %s %s: the list holds everything the data source shows", r.Method, r.Path)
		}
	}
}

// A filter that cannot match is refused before it reaches HostUp.
func TestAccVirtualServersDataSource_invalidFilters(t *testing.T) {
	sim, url := newTestSimulator(t)
	for _, tc := range []struct{ filter, want string }{
		{`primary_ip = "203.0.113"`, `"203.0.113" is not an IP address`},
		{`name = ""`, `Attribute name string length must be at least 1`},
	} {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config:      providerBlock(url, testAPIKey) + fmt.Sprintf("data \"hostup_virtual_servers\" \"x\" {\n  %s\n}\n", tc.filter),
				ExpectError: expectError(tc.want),
			}},
		})
	}
	if n := len(sim.Requests()); n != 0 {
		t.Errorf("an invalid filter reached HostUp: %d requests", n)
	}
}
