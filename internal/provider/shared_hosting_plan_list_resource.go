package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// NewSharedHostingPlanListResource lists the plans of the v2 shared-hosting
// accounts, for `terraform query`.
func NewSharedHostingPlanListResource() list.ListResource {
	return newPaidListResource[client.SharedHostingAccount, hostingListFilter, sharedHostingPlanModel, *sharedHostingPlanModel](
		planKind{}, accountListSpec("Lists the shared-hosting accounts the API key can see, each as a "+
			"`hostup_shared_hosting_plan` to adopt: by its v2 id (`account_id`, `acct_…`), shown by its primary domain. "+
			"Every page of HostUp's account listing is read, as the results stream. With `include_resource = true` "+
			"(which `terraform query -generate-config-out` uses), each result also holds the account's current plan "+
			"(`product_slug`), read with one more request per account: the state an import of the account would give.",
			planListed))
}

// planListed reads an account's plan from its upgrade options, as a refresh
// does, only when the whole resource is asked for.
func planListed(ctx context.Context, c *client.Client, a client.SharedHostingAccount, full bool) (func(m *sharedHostingPlanModel), error) {
	if !full {
		return func(m *sharedHostingPlanModel) { m.AccountID = types.StringValue(a.ID) }, nil
	}
	opts, err := c.GetSharedHostingUpgradeOptions(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	return func(m *sharedHostingPlanModel) {
		m.AccountID = types.StringValue(a.ID)
		m.FromAPI(opts, &a)
	}, nil
}
