package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
)

// NewPlanOptionsDataSource is the hostup_shared_hosting_plan_options data source.
func NewPlanOptionsDataSource() datasource.DataSource {
	return &planOptionsDataSource{dataSourceBase{typeName: "shared_hosting_plan_options"}}
}

// planOptionsDataSource is the catalogue of plans one v2 account can move to:
// the valid values of hostup_shared_hosting_plan.product_slug.
type planOptionsDataSource struct{ dataSourceBase }

func (d *planOptionsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	option := planOptionAttributes("hostup_shared_hosting_plan", "account")
	resp.Schema = schema.Schema{
		MarkdownDescription: "The plans a v2 shared-hosting account is on and can move to, with their recurring prices: " +
			"the valid values of `hostup_shared_hosting_plan.product_slug`. HostUp's v1 API has no such list, so the " +
			"account is named by its v2 id." +
			scopesNote("hostup_shared_hosting_plan_options"),
		Attributes: map[string]schema.Attribute{
			"account_id":           v2AccountArgument(),
			"domain":               computedString("The account's primary domain."),
			"currency_code":        computedString("Currency of the prices."),
			"can_change":           computedBool("Whether HostUp allows a plan change now; null when HostUp does not say."),
			"cannot_change_reason": computedString("HostUp's reason when `can_change` is false (e.g. a pending order)."),
			"current":              computedObject("The current plan. HostUp need not price it: `amount` may be null.", option),
			"options":              computedList("Every other plan, in HostUp's order (lowest first).", option),
		},
	}
}

func (d *planOptionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	model, ok := readConfig[planOptionsModel](ctx, req, &resp.Diagnostics)
	if !ok {
		return
	}
	accountID := model.AccountID.ValueString()
	opts, err := d.client.GetSharedHostingUpgradeOptions(ctx, accountID)
	if err != nil {
		apierror.Add(&resp.Diagnostics, "Could not read the plans account "+accountID+" can move to", err, accountErrors)
		return
	}
	model.FromAPI(opts)
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}
