package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// readListedBillingCycle takes the account's cycle from its listing entry,
// which carries it. An entry without one is read from the account's
// billing-cycle route, as a refresh does.
func readListedBillingCycle(ctx context.Context, c *client.Client, a client.SharedHostingAccount) (func(m *sharedHostingBillingCycleModel), error) {
	cycles := &client.SharedHostingBillingCycles{CurrentBillingCycle: a.Billing.BillingCycle}
	var err error
	if cycles.CurrentBillingCycle == "" {
		cycles, err = c.GetSharedHostingBillingCycles(ctx, a.ID)
	}
	return func(m *sharedHostingBillingCycleModel) { m.FromAPI(cycles) }, err
}

// NewSharedHostingBillingCycleListResource lists the billing cycles of the
// v2 shared-hosting accounts, for `terraform query`.
func NewSharedHostingBillingCycleListResource() list.ListResource {
	return newAccountListResource[sharedHostingBillingCycleModel](billingCycleKind{}, "Lists the shared-hosting "+
		"accounts the API key can see, each as a `hostup_shared_hosting_billing_cycle` to adopt: by its v2 id "+
		"(`account_id`, `acct_…`), shown by its primary domain. Every page of HostUp's account listing is read, as the "+
		"results stream. With `include_resource = true` (which `terraform query -generate-config-out` uses), each "+
		"result also holds the cycle the account is billed on (`billing_cycle`), from the listing itself: the state an "+
		"import of the account would give.", readListedBillingCycle)
}
