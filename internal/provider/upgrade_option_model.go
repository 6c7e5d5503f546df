package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

// One plan an account or a VPS can move to (client.UpgradeOption), as
// hostup_shared_hosting_plan_options and hostup_vps_upgrade_options show it.

// planOptionModel is one plan, with its recurring price.
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

// FromAPI takes one plan as HostUp lists it. A plan listed by its bare slug
// has a null name, type and price, and is available: the list is of the
// plans available.
func (m *planOptionModel) FromAPI(o client.UpgradeOption) {
	m.ProductSlug = types.StringValue(o.ProductSlug)
	m.Name = tfvalue.NonEmpty(o.Name)
	m.Type = tfvalue.NonEmpty(o.Type)
	m.Amount = tfvalue.OptionalAmount(o.Billing.Amount)
	m.CurrencyCode = tfvalue.NonEmpty(o.Billing.CurrencyCode)
	m.BillingCycle = tfvalue.NonEmpty(o.Billing.BillingCycle)
	m.Available = types.BoolValue(o.Available)
	m.Reason = tfvalue.Pointer(o.Reason)
}

// planOptionsFromAPI takes a list of plans, in HostUp's order; an empty
// list, never null, when HostUp offers none.
func planOptionsFromAPI(options []client.UpgradeOption) []planOptionModel {
	out := make([]planOptionModel, len(options))
	for i, o := range options {
		out[i].FromAPI(o)
	}
	return out
}

// planOptionAttributes is the schema of planOptionModel. resource is the
// resource whose product_slug takes the slugs; subject is "account" or
// "server".
func planOptionAttributes(resource, subject string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"product_slug": computedString("Plan slug, the value `" + resource + ".product_slug` takes."),
		"name":         computedString("Plan name, e.g. `Business`; null when HostUp lists the plan by its slug alone."),
		"type": computedString("`upgrade` or `downgrade` relative to the current plan, `current` for the current plan " +
			"itself; null when HostUp does not say."),
		"amount": computedNumber("Recurring price per `billing_cycle`, exact; null when HostUp does not say. What a " +
			"change costs *now* (prorated) is the resource's `price_change`."),
		"currency_code": computedString("ISO currency code."),
		"billing_cycle": computedString("The " + subject + "'s billing cycle, e.g. `annually`."),
		"available":     computedBool("Whether HostUp offers this plan to the " + subject + " now."),
		"reason":        computedString("Why the plan is not available, if it is not."),
	}
}
