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

// FromV1 takes the computed attributes from a v1 answer (hosting or VM).
func (m *billingCycleModel) FromV1(info *client.BillingCycleInfo) {
	m.CurrentCycle = tfvalue.NonEmpty(info.Current)
	m.CurrentCycleName = tfvalue.NonEmpty(info.CurrentName)
	m.CurrentBillingCycle = tfvalue.NonEmpty(canonicalCycle(info.CurrentName))
	m.ProductID = tfvalue.NonEmpty(info.ProductID)
	m.CurrencyCode = types.StringNull()
	m.Cycles = make([]billingCycleEntry, len(info.Cycles))
	for i, c := range info.Cycles {
		m.Cycles[i] = billingCycleEntry{
			ID:           tfvalue.NonEmpty(c.ID),
			Name:         tfvalue.NonEmpty(c.Name),
			Price:        tfvalue.OptionalAmount(c.Price),
			IsCurrent:    types.BoolValue(c.IsCurrent),
			BillingCycle: tfvalue.NonEmpty(canonicalCycle(c.BillingCycle)),
		}
	}
	m.AccountDetails = &accountDetailsModel{
		Domain: tfvalue.NonEmpty(info.AccountDetails.Domain),
		Name:   tfvalue.NonEmpty(info.AccountDetails.Name),
		Total:  tfvalue.OptionalAmount(info.AccountDetails.Total),
	}
}

// FromAPI takes the computed attributes from the v2 billing-cycle answer
// and the account it belongs to (v2 keeps the domain and name on the
// account). v2 names cycles only canonically: the display names are made
// from them.
func (m *billingCycleModel) FromAPI(bc *client.SharedHostingBillingCycles, acct *client.SharedHostingAccount) {
	m.CurrentCycle = tfvalue.NonEmpty(bc.CurrentBillingCycle)
	m.CurrentCycleName = tfvalue.NonEmpty(cycleDisplayName(bc.CurrentBillingCycle))
	m.CurrentBillingCycle = tfvalue.NonEmpty(bc.CurrentBillingCycle)
	m.ProductID = types.StringNull()
	m.CurrencyCode = types.StringNull()
	total := acct.Billing.Amount
	m.Cycles = make([]billingCycleEntry, len(bc.Cycles))
	for i, c := range bc.Cycles {
		m.Cycles[i] = billingCycleEntry{
			ID:           tfvalue.NonEmpty(c.BillingCycle),
			Name:         tfvalue.NonEmpty(cycleDisplayName(c.BillingCycle)),
			Price:        tfvalue.OptionalAmount(c.Amount),
			IsCurrent:    types.BoolValue(c.IsCurrent),
			BillingCycle: tfvalue.NonEmpty(c.BillingCycle),
		}
		if c.IsCurrent {
			total = c.Amount
			m.CurrencyCode = tfvalue.NonEmpty(c.CurrencyCode)
		}
	}
	m.AccountDetails = &accountDetailsModel{
		Domain: tfvalue.NonEmpty(acct.PrimaryDomain),
		Name:   tfvalue.NonEmpty(acct.Name),
		Total:  tfvalue.OptionalAmount(total),
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
