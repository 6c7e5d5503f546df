package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

// planOptionsModel is hostup_shared_hosting_plan_options's state.
type planOptionsModel struct {
	AccountID          types.String      `tfsdk:"account_id"`
	Domain             types.String      `tfsdk:"domain"`
	CurrencyCode       types.String      `tfsdk:"currency_code"`
	CanChange          types.Bool        `tfsdk:"can_change"`
	CannotChangeReason types.String      `tfsdk:"cannot_change_reason"`
	Current            *planOptionModel  `tfsdk:"current"`
	Options            []planOptionModel `tfsdk:"options"`
}

// FromAPI takes the computed attributes from the account's upgrade options.
// HostUp documents only the current package's slug and name: its price is
// null when left out.
func (m *planOptionsModel) FromAPI(opts *client.UpgradeOptions) {
	m.Domain = tfvalue.NonEmpty(opts.Domain)
	m.CurrencyCode = tfvalue.NonEmpty(opts.CurrencyCode)
	m.CanChange = gateAllowed(opts.Actions.CanUpgrade)
	m.CannotChangeReason = tfvalue.Pointer(opts.Actions.CanUpgrade.Reason)
	cur := opts.CurrentPackage
	m.Current = &planOptionModel{}
	m.Current.FromAPI(client.UpgradeOption{ProductSlug: cur.ProductSlug, Name: cur.Name, Billing: cur.Billing, Available: true})
	m.Current.Type = types.StringValue("current")
	m.Options = planOptionsFromAPI(opts.AvailableOptions)
}
