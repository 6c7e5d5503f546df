package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

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

func vpsCurrent(pkg, currency string, amount string) knownvalue.Check {
	var cur knownvalue.Check = knownvalue.Null()
	if currency != "" {
		cur = knownvalue.StringExact(currency)
	}
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"package": knownvalue.StringExact(pkg), "name": knownvalue.StringExact("VPS L"), "amount": number(amount),
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
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("hostname"), knownvalue.StringExact("vps1.example.com")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("can_change"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("cannot_change_reason"), knownvalue.Null()),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("current"), vpsCurrent("vps-l", "SEK", "560")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("plans"), knownvalue.ListExact([]knownvalue.Check{
					vpsPlan("vps-s", "VPS S", "downgrade", "309", knownvalue.StringExact("Sold out")),
					vpsPlan("vps-m", "VPS M", "downgrade", "399", nil),
					vpsPlan("vps-xl", "VPS XL", "upgrade", "740", nil),
				})),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("options"), knownvalue.ListExact([]knownvalue.Check{
					vpsOption("bandwidthGb", "quantity", 0, 10000, 1000, "0.1"),
					vpsOption("additionalStorageGb", "quantity", 0, 2000, 0, "0.5"),
					vpsOption("ipv4Count", "quantity", 1, 8, 1, "40"),
					vpsOption("ipv6", "boolean", 0, 1, 1, "0"),
					vpsOption("backupSlots", "quantity", 0, 50, 0, "15"),
					vpsOption("snapshotSlots", "quantity", 0, 20, 0, "10"),
				})),
			},
		}, {
			// An upgrade still being carried out blocks changes, and the data source says why.
			PreConfig: func() { sim.AddPendingVMOrder(testVPSID) },
			Config:    cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("can_change"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("cannot_change_reason"), knownvalue.NotNull()),
			},
		}},
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
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: vpsUpgradeOptionsConfig(url, fmt.Sprint(testVMID)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("hostname"), knownvalue.StringExact("vps1.example.com")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("current"), vpsCurrent("1937", "", "560")),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("can_change"), knownvalue.Null()),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("plans"), knownvalue.Null()),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("options"), knownvalue.Null()),
			},
		}},
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
