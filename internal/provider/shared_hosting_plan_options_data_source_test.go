package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

func planOptionCheck(slug, name, typ, amount string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"product_slug":  knownvalue.StringExact(slug),
		"name":          knownvalue.StringExact(name),
		"type":          knownvalue.StringExact(typ),
		"amount":        number(amount),
		"currency_code": knownvalue.StringExact("SEK"),
		"billing_cycle": knownvalue.StringExact("annually"),
		"available":     knownvalue.Bool(true),
		"reason":        knownvalue.Null(),
	})
}

func TestAccPlanOptionsDataSource(t *testing.T) {
	sim, url := newTestSimulator(t)
	ds := "data.hostup_shared_hosting_plan_options.test"
	cfg := providerBlock(url, testAPIKey) + fmt.Sprintf(`
data "hostup_shared_hosting_plan_options" "test" {
  account_id = %q
}
`, v2AccountID)
	testDataSource(t, resource.TestStep{
		Config: cfg,
		ConfigStateChecks: stateChecks{
			stateValue(ds, knownvalue.StringExact("example.com"), "domain"),
			stateValue(ds, knownvalue.Bool(true), "can_change"),
			stateValue(ds, knownvalue.Null(), "cannot_change_reason"),
			stateValue(ds, planOptionCheck("webbhotell-start", "Start", "current", "708"), "current"),
			stateValue(ds, knownvalue.ListExact([]knownvalue.Check{
				planOptionCheck("webbhotell-mini", "Mini", "downgrade", "374"),
				planOptionCheck("webbhotell-business", "Business", "upgrade", "1188"),
				planOptionCheck("webbhotell-premium", "Premium", "upgrade", "1908"),
			}), "options"),
		},
	}, resource.TestStep{
		// A pending order blocks changes, and the data source says why.
		PreConfig: func() { sim.AddPendingOrder(v2AccountID) },
		Config:    cfg,
		ConfigStateChecks: stateChecks{
			stateValue(ds, knownvalue.Bool(false), "can_change"),
			stateValue(ds, knownvalue.NotNull(), "cannot_change_reason"),
		},
	})
	if n := sim.Count(hostupsim.RouteV2HostingUpgrade); n != 0 {
		t.Errorf("reading options sent %d upgrade requests", n)
	}
}

func TestAccPlanOptionsDataSource_v1IDRefused(t *testing.T) {
	sim, url := newTestSimulator(t)
	testDataSource(t, resource.TestStep{
		Config: providerBlock(url, testAPIKey) + `
data "hostup_shared_hosting_plan_options" "test" {
  account_id = "20000"
}
`,
		ExpectError: expectError("A v2 account id is needed", "20000 is a v1 account id", "hostup_shared_hosting_accounts"),
	})
	if n := len(sim.Requests()); n != 0 {
		t.Errorf("a refused id reached the API: %d requests", n)
	}
}
