package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

// accountsModel is hostup_shared_hosting_accounts's state.
type accountsModel struct {
	Accounts []accountModel `tfsdk:"accounts"`
}

// accountModel is one account of the list.
type accountModel struct {
	ID            types.String `tfsdk:"id"`
	Name          types.String `tfsdk:"name"`
	PrimaryDomain types.String `tfsdk:"primary_domain"`
	Domains       types.List   `tfsdk:"domains"`
	ServiceStatus types.String `tfsdk:"service_status"`
	Amount        types.Number `tfsdk:"amount"`
	CurrencyCode  types.String `tfsdk:"currency_code"`
	BillingCycle  types.String `tfsdk:"billing_cycle"`
	ProductSlug   types.String `tfsdk:"product_slug"`
	PlanName      types.String `tfsdk:"plan_name"`
	NextDueAt     types.String `tfsdk:"next_due_at"`
}

// FromAPI takes the accounts as the account list has them, each with its
// plan from its upgrade options (plans[i] is accounts[i]'s).
func (m *accountsModel) FromAPI(accounts []client.SharedHostingAccount, plans []*client.UpgradeOptions) {
	m.Accounts = make([]accountModel, len(accounts))
	for i, a := range accounts {
		m.Accounts[i].FromAPI(a, plans[i])
	}
}

// FromAPI takes one account from the account list and its plan from its
// upgrade options (nil: not read). What HostUp leaves out is null.
func (m *accountModel) FromAPI(a client.SharedHostingAccount, plan *client.UpgradeOptions) {
	m.ID = types.StringValue(a.ID)
	m.Name = tfvalue.NonEmpty(a.Name)
	m.PrimaryDomain = tfvalue.NonEmpty(a.PrimaryDomain)
	m.Domains = stringList(a.Domains)
	m.ServiceStatus = tfvalue.NonEmpty(a.ServiceStatus)
	m.Amount = tfvalue.OptionalAmount(a.Billing.Amount)
	m.CurrencyCode = tfvalue.NonEmpty(a.Billing.CurrencyCode)
	m.BillingCycle = tfvalue.NonEmpty(a.Billing.BillingCycle)
	m.ProductSlug, m.PlanName = types.StringNull(), types.StringNull()
	if plan != nil {
		m.ProductSlug = tfvalue.NonEmpty(plan.CurrentPackage.ProductSlug)
		m.PlanName = tfvalue.NonEmpty(plan.CurrentPackage.Name)
	}
	m.NextDueAt = tfvalue.Pointer(a.NextDueAt)
}

// stringList is a list of strings; null when HostUp left the list out.
func stringList(values []string) types.List {
	if values == nil {
		return types.ListNull(types.StringType)
	}
	elems := make([]attr.Value, len(values))
	for i, v := range values {
		elems[i] = types.StringValue(v)
	}
	return types.ListValueMust(types.StringType, elems)
}
