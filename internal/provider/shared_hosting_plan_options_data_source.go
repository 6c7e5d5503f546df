package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

var (
	_ datasource.DataSource              = (*planOptionsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*planOptionsDataSource)(nil)
)

// NewPlanOptionsDataSource is the hostup_shared_hosting_plan_options data source.
func NewPlanOptionsDataSource() datasource.DataSource {
	return &planOptionsDataSource{}
}

// planOptionsDataSource is the catalogue of plans one v2 account can move to:
// the valid values of hostup_shared_hosting_plan.product_slug.
type planOptionsDataSource struct {
	client *client.Client
}

type planOptionsModel struct {
	AccountID          types.String      `tfsdk:"account_id"`
	Domain             types.String      `tfsdk:"domain"`
	CurrencyCode       types.String      `tfsdk:"currency_code"`
	CanChange          types.Bool        `tfsdk:"can_change"`
	CannotChangeReason types.String      `tfsdk:"cannot_change_reason"`
	Current            *planOptionModel  `tfsdk:"current"`
	Options            []planOptionModel `tfsdk:"options"`
}

type planOptionModel struct {
	ProductSlug  types.String `tfsdk:"product_slug"`
	Name         types.String `tfsdk:"name"`
	Type         types.String `tfsdk:"type"`
	Amount       types.Number `tfsdk:"amount"`
	CurrencyCode types.String `tfsdk:"currency_code"`
	BillingCycle types.String `tfsdk:"billing_cycle"`
	Available    types.Bool   `tfsdk:"available"`
	Reason       types.String `tfsdk:"reason"`
}

func (d *planOptionsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_shared_hosting_plan_options"
}

func planOptionAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"product_slug":  schema.StringAttribute{Computed: true, MarkdownDescription: "Plan slug, the value `hostup_shared_hosting_plan.product_slug` takes."},
		"name":          schema.StringAttribute{Computed: true, MarkdownDescription: "Plan name, e.g. `Business`."},
		"type":          schema.StringAttribute{Computed: true, MarkdownDescription: "`upgrade` or `downgrade` relative to the current plan; `current` for the current plan."},
		"amount":        schema.NumberAttribute{Computed: true, MarkdownDescription: "Recurring price per `billing_cycle`, exact. What a change costs *now* (prorated) is the resource's `price_change`."},
		"currency_code": schema.StringAttribute{Computed: true, MarkdownDescription: "ISO currency code."},
		"billing_cycle": schema.StringAttribute{Computed: true, MarkdownDescription: "The account's billing cycle, e.g. `annually`."},
		"available":     schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether HostUp offers this plan to the account now."},
		"reason":        schema.StringAttribute{Computed: true, MarkdownDescription: "Why the plan is not available, if it is not."},
	}
}

func (d *planOptionsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The plans a v2 shared-hosting account is on and can move to, with their recurring prices: " +
			"the valid values of `hostup_shared_hosting_plan.product_slug`. HostUp's v1 API has no such list, so the " +
			"account is named by its v2 id." +
			scopesNote("hostup_shared_hosting_plan_options"),
		Attributes: map[string]schema.Attribute{
			"account_id": schema.StringAttribute{
				MarkdownDescription: "The account's v2 id (`acct_…`; `hostup_shared_hosting_accounts` lists them).",
				Required:            true,
				Validators:          []validator.String{v2AccountIDValidator},
			},
			"domain":               schema.StringAttribute{Computed: true, MarkdownDescription: "The account's primary domain."},
			"currency_code":        schema.StringAttribute{Computed: true, MarkdownDescription: "Currency of the prices."},
			"can_change":           schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether HostUp allows a plan change now."},
			"cannot_change_reason": schema.StringAttribute{Computed: true, MarkdownDescription: "HostUp's reason when `can_change` is false (e.g. a pending order)."},
			"current": schema.SingleNestedAttribute{
				Computed: true, MarkdownDescription: "The current plan.",
				Attributes: planOptionAttributes(),
			},
			"options": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "Every other plan, in HostUp's order (lowest first).",
				NestedObject: schema.NestedAttributeObject{Attributes: planOptionAttributes()},
			},
		},
	}
}

func (d *planOptionsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFromProviderData(req.ProviderData, &resp.Diagnostics)
}

func (d *planOptionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model planOptionsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	accountID := model.AccountID.ValueString()
	opts, err := d.client.GetSharedHostingUpgradeOptions(ctx, accountID)
	if err != nil {
		apierror.Add(&resp.Diagnostics, "Could not read the plans account "+accountID+" can move to", err, apierror.At(path.Root("account_id"), accountLookup))
		return
	}
	model.fromOptions(opts)
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}

// fromOptions fills the computed attributes from HostUp's upgrade options.
func (m *planOptionsModel) fromOptions(opts *client.UpgradeOptions) {
	m.Domain = types.StringValue(opts.Domain)
	m.CurrencyCode = types.StringValue(opts.CurrencyCode)
	m.CanChange = types.BoolValue(opts.Actions.CanUpgrade.Allowed)
	m.CannotChangeReason = types.StringPointerValue(opts.Actions.CanUpgrade.Reason)
	cur := opts.CurrentPackage
	m.Current = &planOptionModel{
		ProductSlug:  types.StringValue(cur.ProductSlug),
		Name:         types.StringValue(cur.Name),
		Type:         types.StringValue("current"),
		Amount:       tfvalue.Amount(cur.Billing.Amount),
		CurrencyCode: types.StringValue(cur.Billing.CurrencyCode),
		BillingCycle: types.StringValue(cur.Billing.BillingCycle),
		Available:    types.BoolValue(true),
		Reason:       types.StringNull(),
	}
	m.Options = make([]planOptionModel, 0, len(opts.AvailableOptions))
	for _, o := range opts.AvailableOptions {
		m.Options = append(m.Options, planOptionModel{
			ProductSlug:  types.StringValue(o.ProductSlug),
			Name:         types.StringValue(o.Name),
			Type:         types.StringValue(o.Type),
			Amount:       tfvalue.Amount(o.Billing.Amount),
			CurrencyCode: types.StringValue(o.Billing.CurrencyCode),
			BillingCycle: types.StringValue(o.Billing.BillingCycle),
			Available:    types.BoolValue(o.Available),
			Reason:       types.StringPointerValue(o.Reason),
		})
	}
}
