package provider

import (
	"context"
	"iter"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/purchase"
)

// The list resources of shared-hosting accounts read HostUp's v2 account
// listing (GET /api/v2/shared-hosting), which has no filters of its own:
// the provider narrows it by domain and service status.

// hostingServiceStatuses are the service statuses HostUp names for an account.
var hostingServiceStatuses = []string{"active", "pending", "suspended", "cancelled", "terminated", "expired", "fraud", "unknown"}

// hostingListFilter is the list block of a shared-hosting list resource.
type hostingListFilter struct {
	Domain        types.String `tfsdk:"domain"`
	ServiceStatus types.String `tfsdk:"service_status"`
}

func hostingListFilters() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"domain": textFilter("Only accounts with a domain that contains this text, ignoring case: the primary domain " +
			"or any other domain on the account (`example` finds `shop.example.se`)."),
		"service_status": schema.StringAttribute{
			MarkdownDescription: "Only accounts with this service status: `" + strings.Join(hostingServiceStatuses, "`, `") + "`.",
			Optional:            true,
			Validators:          []validator.String{stringvalidator.OneOf(hostingServiceStatuses...)},
		},
	}
}

// keeps reports whether the filter keeps the account.
func (f hostingListFilter) keeps(a client.SharedHostingAccount) bool {
	if !f.ServiceStatus.IsNull() && a.ServiceStatus != f.ServiceStatus.ValueString() {
		return false
	}
	if f.Domain.IsNull() {
		return true
	}
	want := strings.ToLower(f.Domain.ValueString())
	for _, d := range append([]string{a.PrimaryDomain}, a.Domains...) {
		if strings.Contains(strings.ToLower(d), want) {
			return true
		}
	}
	return false
}

// accountDisplayName is the account's primary domain, which is what its
// owner calls it; its id where HostUp reports none.
func accountDisplayName(a client.SharedHostingAccount) string {
	if a.PrimaryDomain != "" {
		return a.PrimaryDomain
	}
	return a.ID
}

// newAccountListResource is the list resource of every v2 account as a
// resource of the paid kind: read returns what reads an account into the
// resource's model (see listSpec.Read).
func newAccountListResource[M any, P purchase.Model[M]](kind purchase.Kind[M], description string,
	read func(ctx context.Context, c *client.Client, a client.SharedHostingAccount) (func(m *M), error)) list.ListResource {
	return newPaidListResource[client.SharedHostingAccount, hostingListFilter, M, P](kind, listSpec[client.SharedHostingAccount, hostingListFilter, M]{
		Description: description,
		Scope:       "read:hosting",
		Noun:        "shared-hosting account",
		Filters:     hostingListFilters(),
		Entries: func(ctx context.Context, c *client.Client, _ hostingListFilter) iter.Seq2[client.SharedHostingAccount, error] {
			return c.SharedHostingAccounts(ctx)
		},
		Keeps:       hostingListFilter.keeps,
		DisplayName: accountDisplayName,
		ID:          func(a client.SharedHostingAccount) string { return a.ID },
		Read:        read,
	})
}

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
