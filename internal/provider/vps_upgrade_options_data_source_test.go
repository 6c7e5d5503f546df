package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

const testVPSID = "vps_01hxa3b4c5d6e7f8g9h0j1k2n1" // the demo VM 10000 on v2

func vpsUpgradeOptionsConfig(url, vmID string) string {
	return providerBlock(url, testAPIKey) + fmt.Sprintf(`
data "hostup_vps_upgrade_options" "test" {
  vm_id = %s
}
`, vmID)
}

// vpsCurrent checks what the demo VM 10000 runs; currency is "" where
// HostUp does not name it.
func vpsCurrent(pkg, currency string) knownvalue.Check {
	var cur knownvalue.Check = knownvalue.Null()
	if currency != "" {
		cur = knownvalue.StringExact(currency)
	}
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"package": knownvalue.StringExact(pkg), "name": knownvalue.StringExact("VPS L"), "amount": number("560"),
		"currency_code": cur, "billing_cycle": knownvalue.StringExact("monthly"),
		"cpu": knownvalue.Int64Exact(4), "ram_mb": knownvalue.Int64Exact(8192),
		"disk_gb": knownvalue.Int64Exact(160), "bandwidth_gb": knownvalue.Int64Exact(4000),
	})
}

func vpsPlan(slug, name, typ, amount string, reason knownvalue.Check) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"product_slug": knownvalue.StringExact(slug), "name": knownvalue.StringExact(name), "type": knownvalue.StringExact(typ),
		"amount": number(amount), "currency_code": knownvalue.StringExact("SEK"), "billing_cycle": knownvalue.StringExact("monthly"),
		"available": knownvalue.Bool(reason == nil), "reason": orNull(reason),
	})
}

func orNull(c knownvalue.Check) knownvalue.Check {
	if c == nil {
		return knownvalue.Null()
	}
	return c
}

func vpsOption(key, typ string, minimum, maximum, current int64, price string) knownvalue.Check {
	return knownvalue.ObjectPartial(map[string]knownvalue.Check{
		"key": knownvalue.StringExact(key), "type": knownvalue.StringExact(typ),
		"min": knownvalue.Int64Exact(minimum), "max": knownvalue.Int64Exact(maximum), "current": knownvalue.Int64Exact(current),
		"price": number(price), "currency_code": knownvalue.StringExact("SEK"), "billing_cycle": knownvalue.StringExact("monthly"),
	})
}

func TestAccVPSUpgradeOptionsDataSource_v2(t *testing.T) {
	sim, url := newTestSimulator(t)
	sim.SetProductAvailable("vps-s", false, "Sold out")
	ds := "data.hostup_vps_upgrade_options.test"
	cfg := vpsUpgradeOptionsConfig(url, fmt.Sprintf("%q", testVPSID))
	testDataSource(t, resource.TestStep{
		Config: cfg,
		ConfigStateChecks: stateChecks{
			stateValue(ds, knownvalue.StringExact("vps1.example.com"), "hostname"),
			stateValue(ds, knownvalue.Bool(true), "can_change"),
			stateValue(ds, knownvalue.Null(), "cannot_change_reason"),
			stateValue(ds, vpsCurrent("vps-l", "SEK"), "current"),
			stateValue(ds, knownvalue.ListExact([]knownvalue.Check{
				vpsPlan("vps-s", "VPS S", "downgrade", "309", knownvalue.StringExact("Sold out")),
				vpsPlan("vps-m", "VPS M", "downgrade", "399", nil),
				vpsPlan("vps-xl", "VPS XL", "upgrade", "740", nil),
			}), "plans"),
			stateValue(ds, knownvalue.ListExact([]knownvalue.Check{
				vpsOption("bandwidthGb", "quantity", 0, 10000, 1000, "0.1"),
				vpsOption("additionalStorageGb", "quantity", 0, 2000, 0, "0.5"),
				vpsOption("ipv4Count", "quantity", 1, 8, 1, "40"),
				vpsOption("ipv6", "boolean", 0, 1, 1, "0"),
				vpsOption("backupSlots", "quantity", 0, 50, 0, "15"),
				vpsOption("snapshotSlots", "quantity", 0, 20, 0, "10"),
			}), "options"),
		},
	}, resource.TestStep{
		// An upgrade still being carried out blocks changes, and the data source says why.
		PreConfig: func() { sim.AddPendingVMOrder(testVPSID) },
		Config:    cfg,
		ConfigStateChecks: stateChecks{
			stateValue(ds, knownvalue.Bool(false), "can_change"),
			stateValue(ds, knownvalue.NotNull(), "cannot_change_reason"),
		},
	})
	for _, route := range []string{hostupsim.RouteV2VPSUpgrade, hostupsim.RouteV2VPSConfig, hostupsim.RouteV1VMUpgrade} {
		if n := sim.Count(route); n != 0 {
			t.Errorf("reading options sent %d requests to %s", n, route)
		}
	}
}

func TestAccVPSUpgradeOptionsDataSource_v1(t *testing.T) {
	sim, url := newTestSimulator(t)
	ds := "data.hostup_vps_upgrade_options.test"
	testDataSource(t, resource.TestStep{
		Config: vpsUpgradeOptionsConfig(url, fmt.Sprint(testVMID)),
		ConfigStateChecks: stateChecks{
			stateValue(ds, knownvalue.StringExact("vps1.example.com"), "hostname"),
			stateValue(ds, vpsCurrent("1937", ""), "current"),
			stateValue(ds, knownvalue.Null(), "can_change"),
			stateValue(ds, knownvalue.Null(), "plans"),
			stateValue(ds, knownvalue.Null(), "options"),
		},
	})
	if n := sim.Count(hostupsim.RouteV1VMDetails); n == 0 {
		t.Error("v1 details were never read")
	}
	if n := sim.Count(hostupsim.RouteV1VMUpgrade); n != 0 {
		t.Errorf("reading options sent %d upgrade requests (estimates make drafts)", n)
	}
}

func TestAccVPSUpgradeOptionsDataSource_errors(t *testing.T) {
	sim, url := newTestSimulator(t)
	for _, tc := range []struct {
		name, vmID string
		want       []string
	}{
		{"bad id", `"acct_01hxa3b4c5d6e7f8g9h0j1k2m3"`, []string{"Invalid VM id", "neither a v1 VM id"}},
		{"unknown v2", `"vps_0unknown"`, []string{"Could not read VPS vps_0unknown", "HTTP status: 404", "API error code: vps_not_found"}},
		{"unknown v1", `99999`, []string{"Could not read VM 99999", "HTTP status: 404", "API error code: NOT_FOUND"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      vpsUpgradeOptionsConfig(url, tc.vmID),
					ExpectError: expectError(tc.want...),
				}},
			})
		})
	}
	for _, r := range sim.Requests() {
		if strings.Contains(r.Path, "acct_") {
			t.Errorf("a refused id reached the API: %s %s", r.Method, r.Path)
		}
	}
}
