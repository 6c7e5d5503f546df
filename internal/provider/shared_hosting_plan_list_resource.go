package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// NewSharedHostingPlanListResource lists the plans of the v2 shared-hosting
// accounts, for `terraform query`.
func NewSharedHostingPlanListResource() list.ListResource {
	return newAccountListResource[sharedHostingPlanModel](planKind{}, "Lists the shared-hosting accounts the API key can "+
		"see, each as a `hostup_shared_hosting_plan` to adopt: by its v2 id (`account_id`, `acct_…`), shown by its "+
		"primary domain. Every page of HostUp's account listing is read, as the results stream. With "+
		"`include_resource = true` (which `terraform query -generate-config-out` uses), each result also holds the "+
		"account's current plan (`product_slug`), read with one more request per account: the state an import of the "+
		"account would give.", readListedPlan)
}

// readListedPlan reads an account's plan from its upgrade options, as a
// refresh does: the listing does not name it.
func readListedPlan(ctx context.Context, c *client.Client, a client.SharedHostingAccount) (func(m *sharedHostingPlanModel), error) {
	opts, err := c.GetSharedHostingUpgradeOptions(ctx, a.ID)
	return func(m *sharedHostingPlanModel) { m.FromAPI(opts, &a) }, err
}
