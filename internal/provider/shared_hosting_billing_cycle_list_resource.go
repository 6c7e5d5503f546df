package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// NewSharedHostingBillingCycleListResource lists the billing cycles of the
// v2 shared-hosting accounts, for `terraform query`.
func NewSharedHostingBillingCycleListResource() list.ListResource {
	return newPaidListResource[client.SharedHostingAccount, hostingListFilter, sharedHostingBillingCycleModel, *sharedHostingBillingCycleModel](
		billingCycleKind{}, accountListSpec("Lists the shared-hosting accounts the API key can see, each as a "+
			"`hostup_shared_hosting_billing_cycle` to adopt: by its v2 id (`account_id`, `acct_…`), shown by its primary "+
			"domain. Every page of HostUp's account listing is read, as the results stream. With `include_resource = true` "+
			"(which `terraform query -generate-config-out` uses), each result also holds the cycle the account is billed "+
			"on (`billing_cycle`): the state an import of the account would give.",
			billingCycleListed))
}

// billingCycleListed takes the account's cycle from the listing, which
// carries it; an entry without one is read from the account's billing-cycle
// route, as a refresh does.
func billingCycleListed(ctx context.Context, c *client.Client, a client.SharedHostingAccount, full bool) (func(m *sharedHostingBillingCycleModel), error) {
	cycles := &client.SharedHostingBillingCycles{CurrentBillingCycle: a.Billing.BillingCycle}
	if full && cycles.CurrentBillingCycle == "" {
		var err error
		if cycles, err = c.GetSharedHostingBillingCycles(ctx, a.ID); err != nil {
			return nil, err
		}
	}
	return func(m *sharedHostingBillingCycleModel) {
		m.AccountID = types.StringValue(a.ID)
		if full {
			m.FromAPI(cycles)
		}
	}, nil
}
