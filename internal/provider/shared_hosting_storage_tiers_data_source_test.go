package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// storageTier checks one default tier of the simulator; reason is empty for
// an available tier.
func storageTier(gb int64, price, reason string) knownvalue.Check {
	var available, why knownvalue.Check = knownvalue.Bool(true), knownvalue.Null()
	if reason != "" {
		available, why = knownvalue.Bool(false), knownvalue.StringExact(reason)
	}
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"id":            knownvalue.StringExact(fmt.Sprintf("storage-%dgb", gb)),
		"name":          knownvalue.StringExact(fmt.Sprintf("%d GB extra storage", gb)),
		"description":   knownvalue.StringExact(fmt.Sprintf("Adds %d GB of disk space to the hosting account.", gb)),
		"size_gb":       knownvalue.Int64Exact(gb),
		"price":         number(price),
		"currency_code": knownvalue.StringExact("SEK"),
		"billing_cycle": knownvalue.StringExact("annually"),
		"available":     available,
		"reason":        why,
	})
}

func storageTiersConfig(url, accountID string) string {
	return providerBlock(url, testAPIKey) + fmt.Sprintf(`
data "hostup_shared_hosting_storage_tiers" "test" {
  account_id = %q
}
`, accountID)
}

func TestAccStorageTiersDataSource(t *testing.T) {
	sim, url := newTestSimulator(t)
	ds := "data.hostup_shared_hosting_storage_tiers.test"
	gate := func(allowed bool, reason, code knownvalue.Check) statecheck.StateCheck {
		return stateValue(ds, knownvalue.ObjectExact(map[string]knownvalue.Check{
			"allowed": knownvalue.Bool(allowed), "reason": reason, "code": code,
		}), "can_add_storage")
	}
	testDataSource(t, resource.TestStep{
		Config: storageTiersConfig(url, v2AccountID),
		ConfigStateChecks: stateChecks{
			stateValue(ds, knownvalue.StringExact("example.com"), "domain"),
			gate(true, knownvalue.Null(), knownvalue.Null()),
			stateValue(ds, knownvalue.ListExact([]knownvalue.Check{
				storageTier(10, "49", ""), storageTier(25, "99", ""), storageTier(50, "179", ""),
			}), "tiers"),
		},
	}, resource.TestStep{
		// The Mini plan cannot hold the 50 GB block, and HostUp says why;
		// prices are exact.
		PreConfig: func() { sim.SetStorageTierPrice(v2AccountID2, "storage-10gb", hostupsim.MustMoney("49.95")) },
		Config:    storageTiersConfig(url, v2AccountID2),
		ConfigStateChecks: stateChecks{
			stateValue(ds, knownvalue.StringExact("shop.example.se"), "domain"),
			stateValue(ds, knownvalue.ListExact([]knownvalue.Check{
				storageTier(10, "49.95", ""), storageTier(25, "99", ""),
				storageTier(50, "179", "50 GB extra storage needs one of the plans Start, Business, Premium."),
			}), "tiers"),
		},
	}, resource.TestStep{
		// A plan change being processed closes the gate.
		PreConfig: func() { sim.AddPendingOrder(v2AccountID2) },
		Config:    storageTiersConfig(url, v2AccountID2),
		ConfigStateChecks: stateChecks{
			gate(false, knownvalue.StringExact("A plan change for this account is still being processed; add storage when it has completed."),
				knownvalue.StringExact("pending_order")),
		},
	})
	if n := sim.Count(hostupsim.RouteV2StorageOrder); n != 0 {
		t.Errorf("reading storage tiers sent %d storage orders", n)
	}
}

func TestAccStorageTiersDataSource_refusals(t *testing.T) {
	sim, url := newTestSimulator(t)
	testDataSource(t, resource.TestStep{
		Config:      storageTiersConfig(url, v1AccountID),
		ExpectError: expectError("A v2 account id is needed", "20000 is a v1 account id", "hostup_shared_hosting_accounts"),
	}, resource.TestStep{
		Config: storageTiersConfig(url, missingAcctID),
		ExpectError: expectError("Could not read the storage tiers of account "+missingAcctID,
			"HTTP status: 404", "API error code: not_found"),
	})
	if n := sim.Count(hostupsim.RouteV2StorageTiers); n != 1 {
		t.Errorf("%d tier reads, want 1: a v1 id must be refused before it reaches the API", n)
	}
}
