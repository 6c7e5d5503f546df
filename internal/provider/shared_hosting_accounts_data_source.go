package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"golang.org/x/sync/errgroup"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
)

// NewAccountsDataSource is the hostup_shared_hosting_accounts data source.
func NewAccountsDataSource() datasource.DataSource {
	return &accountsDataSource{dataSourceBase{typeName: "shared_hosting_accounts"}}
}

// accountsDataSource lists the v2 shared-hosting accounts of the API key's
// customer, each with its plan: where the acct_ ids and current plans that
// the other objects take come from.
type accountsDataSource struct{ dataSourceBase }

// accountPlanReads bounds the plan reads in flight at once: enough to hide
// HostUp's latency for hundreds of accounts, few enough to stay clear of
// its rate limit.
const accountPlanReads = 8

func (d *accountsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Every shared-hosting account the API key can see, with its v2 id (`acct_…`), the id " +
			"`hostup_shared_hosting_plan` and the other data sources take, and its current plan and billing cycle, the " +
			"values that adopt it without a change. Reads all pages of `GET /api/v2/shared-hosting` (one request per " +
			"100 accounts), then each account's plan: **one request per account**, " +
			fmt.Sprint(accountPlanReads) + " at a time. Resources refreshed in the same run reuse those answers rather " +
			"than read them again." +
			scopesNote("hostup_shared_hosting_accounts"),
		Attributes: map[string]schema.Attribute{
			"accounts": computedList("The accounts, in HostUp's order.", map[string]schema.Attribute{
				"id":             computedString("v2 account id (`acct_…`)."),
				"name":           computedString("Account name, e.g. `Start (cpanel)`."),
				"primary_domain": computedString("Primary domain."),
				"domains":        schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Every domain on the account."},
				"service_status": computedString("`active`, `pending`, `suspended`, `cancelled`, `terminated`, `expired`, `fraud` or `unknown`."),
				"amount":         computedNumber("Recurring price per `billing_cycle`, exact; null when HostUp does not say."),
				"currency_code":  computedString("ISO currency code."),
				"billing_cycle":  computedString("Billing cycle, e.g. `annually`: the value `hostup_shared_hosting_billing_cycle.billing_cycle` takes to keep it."),
				"product_slug":   computedString("Slug of the current plan, e.g. `webbhotell-start`: the value `hostup_shared_hosting_plan.product_slug` takes to keep it."),
				"plan_name":      computedString("Name of the current plan, e.g. `Start`."),
				"next_due_at":    computedString("Next due date (RFC 3339), if any."),
			}),
		},
	}
}

func (d *accountsDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	accounts, err := d.client.ListSharedHostingAccounts(ctx)
	if err != nil {
		apierror.Add(&resp.Diagnostics, "Could not list the shared-hosting accounts", err, apierror.Target{})
		return
	}
	plans, err := d.readPlans(ctx, accounts)
	if err != nil {
		var failed accountPlanError
		errors.As(err, &failed)
		apierror.Add(&resp.Diagnostics, "Could not read the plan of account "+failed.account, err, apierror.Target{Lookup: accountLookup})
		return
	}
	var model accountsModel
	model.FromAPI(accounts, plans)
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}

// readPlans reads each account's upgrade options, which name its plan,
// accountPlanReads at a time. The client keeps each answer in its read
// cache for the resources of the same run.
func (d *accountsDataSource) readPlans(ctx context.Context, accounts []client.SharedHostingAccount) ([]*client.UpgradeOptions, error) {
	plans := make([]*client.UpgradeOptions, len(accounts))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(accountPlanReads)
	for i, a := range accounts {
		g.Go(func() error {
			opts, err := d.client.GetSharedHostingUpgradeOptions(gctx, a.ID)
			if err != nil {
				return accountPlanError{account: a.ID, err: err}
			}
			plans[i] = opts
			return nil
		})
	}
	return plans, g.Wait()
}

// accountPlanError names the account whose plan could not be read.
type accountPlanError struct {
	account string
	err     error
}

func (e accountPlanError) Error() string { return e.err.Error() }

func (e accountPlanError) Unwrap() error { return e.err }
