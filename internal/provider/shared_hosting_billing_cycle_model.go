package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/purchase"
)

// sharedHostingBillingCycleModel is hostup_shared_hosting_billing_cycle's state.
type sharedHostingBillingCycleModel struct {
	purchase.Fields
	AccountID             types.String `tfsdk:"account_id"`
	BillingCycle          types.String `tfsdk:"billing_cycle"`
	CancelExistingInvoice types.Bool   `tfsdk:"cancel_existing_invoice"`
}

// FromAPI takes the cycle HostUp bills the account on.
func (m *sharedHostingBillingCycleModel) FromAPI(cycles *client.SharedHostingBillingCycles) {
	m.BillingCycle = types.StringValue(cycles.CurrentBillingCycle)
}

// ToAPI is the change the model asks for.
func (m *sharedHostingBillingCycleModel) ToAPI() client.BillingCycleChange {
	return client.BillingCycleChange{BillingCycle: m.BillingCycle.ValueString(), CancelExistingInvoice: m.CancelExistingInvoice.ValueBool()}
}

func (m *sharedHostingBillingCycleModel) Purchase() *purchase.Fields { return &m.Fields }

func (m *sharedHostingBillingCycleModel) Guards() purchase.Guards {
	return purchase.Guards{MaxAmount: m.MaxAmount, AllowDowngrade: types.BoolNull(), CancelExistingInvoice: m.CancelExistingInvoice}
}

func (m *sharedHostingBillingCycleModel) Describe() string {
	return "account " + m.AccountID.ValueString()
}

func (m *sharedHostingBillingCycleModel) Imported() bool { return m.BillingCycle.IsNull() }
