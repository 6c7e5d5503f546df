package provider

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

// billingCycleModel is hostup_billing_cycle's state.
type billingCycleModel struct {
	AccountID           types.String         `tfsdk:"account_id"`
	VMID                types.Int64          `tfsdk:"vm_id"`
	CurrentCycle        types.String         `tfsdk:"current_cycle"`
	CurrentCycleName    types.String         `tfsdk:"current_cycle_name"`
	CurrentBillingCycle types.String         `tfsdk:"current_billing_cycle"`
	ProductID           types.String         `tfsdk:"product_id"`
	CurrencyCode        types.String         `tfsdk:"currency_code"`
	Cycles              []billingCycleEntry  `tfsdk:"cycles"`
	AccountDetails      *accountDetailsModel `tfsdk:"account_details"`
}

type billingCycleEntry struct {
	ID           types.String `tfsdk:"id"`
	Name         types.String `tfsdk:"name"`
	Price        types.Number `tfsdk:"price"`
	IsCurrent    types.Bool   `tfsdk:"is_current"`
	BillingCycle types.String `tfsdk:"billing_cycle"`
}

type accountDetailsModel struct {
	Domain types.String `tfsdk:"domain"`
	Name   types.String `tfsdk:"name"`
	Total  types.Number `tfsdk:"total"`
}

// fromV1 fills the computed attributes from a v1 answer (hosting or VM).
func (m *billingCycleModel) fromV1(info *client.BillingCycleInfo) {
	m.CurrentCycle = types.StringValue(info.Current)
	m.CurrentCycleName = types.StringValue(info.CurrentName)
	m.CurrentBillingCycle = types.StringValue(canonicalCycle(info.CurrentName))
	m.ProductID = types.StringValue(info.ProductID)
	m.CurrencyCode = types.StringNull()
	m.Cycles = make([]billingCycleEntry, 0, len(info.Cycles))
	for _, c := range info.Cycles {
		m.Cycles = append(m.Cycles, billingCycleEntry{
			ID:           types.StringValue(c.ID),
			Name:         types.StringValue(c.Name),
			Price:        tfvalue.Amount(c.Price),
			IsCurrent:    types.BoolValue(c.IsCurrent),
			BillingCycle: types.StringValue(canonicalCycle(c.BillingCycle)),
		})
	}
	m.AccountDetails = &accountDetailsModel{
		Domain: types.StringValue(info.AccountDetails.Domain),
		Name:   types.StringValue(info.AccountDetails.Name),
		Total:  tfvalue.Amount(info.AccountDetails.Total),
	}
}

// fromV2 fills the computed attributes from the v2 billing-cycle answer and
// the account it belongs to (v2 keeps the domain and name on the account).
func (m *billingCycleModel) fromV2(bc *client.SharedHostingBillingCycles, acct *client.SharedHostingAccount) {
	m.CurrentCycle = types.StringValue(bc.CurrentBillingCycle)
	m.CurrentCycleName = types.StringValue(cycleDisplayName(bc.CurrentBillingCycle))
	m.CurrentBillingCycle = types.StringValue(bc.CurrentBillingCycle)
	m.ProductID = types.StringNull()
	m.CurrencyCode = types.StringNull()
	total := acct.Billing.Amount
	m.Cycles = make([]billingCycleEntry, 0, len(bc.Cycles))
	for _, c := range bc.Cycles {
		m.Cycles = append(m.Cycles, billingCycleEntry{
			ID:           types.StringValue(c.BillingCycle),
			Name:         types.StringValue(cycleDisplayName(c.BillingCycle)),
			Price:        tfvalue.Amount(c.Amount),
			IsCurrent:    types.BoolValue(c.IsCurrent),
			BillingCycle: types.StringValue(c.BillingCycle),
		})
		if c.IsCurrent {
			total = c.Amount
			m.CurrencyCode = types.StringValue(c.CurrencyCode)
		}
	}
	m.AccountDetails = &accountDetailsModel{
		Domain: types.StringValue(acct.PrimaryDomain),
		Name:   types.StringValue(acct.Name),
		Total:  tfvalue.Amount(total),
	}
}

// canonicalCycle turns v1's display names ("Annually") into v2's canonical
// cycle names ("annually"), so configurations can compare cycles across
// generations.
func canonicalCycle(v1Name string) string {
	return strings.ToLower(strings.ReplaceAll(v1Name, "-", ""))
}

// cycleDisplayName is the display name v1 uses for a canonical cycle name.
func cycleDisplayName(canonical string) string {
	if canonical == "" {
		return ""
	}
	return strings.ToUpper(canonical[:1]) + canonical[1:]
}
