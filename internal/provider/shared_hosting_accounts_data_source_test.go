package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

func TestAccAccountsDataSource(t *testing.T) {
	_, url := newTestSimulator(t)
	ds := "data.hostup_shared_hosting_accounts.test"
	testDataSource(t, resource.TestStep{
		Config: providerBlock(url, testAPIKey) + `
data "hostup_shared_hosting_accounts" "test" {}

# The point of the list: find an account's v2 id by its domain.
output "site_id" {
  value = one([for a in data.hostup_shared_hosting_accounts.test.accounts : a.id if a.primary_domain == "example.com"])
}
`,
		ConfigStateChecks: stateChecks{
			statecheck.ExpectKnownOutputValue("site_id", knownvalue.StringExact(v2AccountID)),
			stateValue(ds, knownvalue.ListSizeExact(2), "accounts"),
			stateValue(ds, knownvalue.ObjectExact(map[string]knownvalue.Check{
				"id":             knownvalue.StringExact(v2AccountID2),
				"name":           knownvalue.StringExact("Mini (cpanel)"),
				"primary_domain": knownvalue.StringExact("shop.example.se"),
				"domains":        knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("shop.example.se")}),
				"service_status": knownvalue.StringExact("active"),
				"amount":         number("39"),
				"currency_code":  knownvalue.StringExact("SEK"),
				"billing_cycle":  knownvalue.StringExact("monthly"),
				"product_slug":   knownvalue.StringExact("webbhotell-mini"),
				"plan_name":      knownvalue.StringExact("Mini"),
				"next_due_at":    knownvalue.StringExact("2026-03-01T00:00:00.000Z"),
			}), "accounts", 1),
		},
	})
}
