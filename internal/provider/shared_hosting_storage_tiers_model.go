package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

// storageTiersModel is hostup_shared_hosting_storage_tiers's state.
type storageTiersModel struct {
	AccountID     types.String       `tfsdk:"account_id"`
	Domain        types.String       `tfsdk:"domain"`
	CanAddStorage *actionGateModel   `tfsdk:"can_add_storage"`
	Tiers         []storageTierModel `tfsdk:"tiers"`
}

// storageTierModel is one storage block the account can buy.
type storageTierModel struct {
	ID           types.String `tfsdk:"id"`
	Name         types.String `tfsdk:"name"`
	Description  types.String `tfsdk:"description"`
	SizeGB       types.Int64  `tfsdk:"size_gb"`
	Price        types.Number `tfsdk:"price"`
	CurrencyCode types.String `tfsdk:"currency_code"`
	BillingCycle types.String `tfsdk:"billing_cycle"`
	Available    types.Bool   `tfsdk:"available"`
	Reason       types.String `tfsdk:"reason"`
}

// FromAPI takes the computed attributes from HostUp's tier list.
func (m *storageTiersModel) FromAPI(list *client.StorageTiers) {
	m.Domain = tfvalue.NonEmpty(list.Account.Domain)
	m.CanAddStorage = &actionGateModel{}
	m.CanAddStorage.FromAPI(list.Actions.CanAddStorage)
	m.Tiers = make([]storageTierModel, len(list.Tiers))
	for i, t := range list.Tiers {
		m.Tiers[i].FromAPI(t)
	}
}

// FromAPI takes one tier; what HostUp leaves out is null.
func (m *storageTierModel) FromAPI(t client.StorageTier) {
	m.ID = types.StringValue(t.ID)
	m.Name = tfvalue.NonEmpty(t.Name)
	m.Description = tfvalue.NonEmpty(t.Description)
	m.SizeGB = tfvalue.NonZero(t.SizeGB)
	m.Price = tfvalue.OptionalAmount(t.Price)
	m.CurrencyCode = tfvalue.NonEmpty(t.CurrencyCode)
	m.BillingCycle = tfvalue.NonEmpty(t.BillingCycle)
	m.Available = types.BoolValue(t.Available)
	m.Reason = tfvalue.Pointer(t.Reason)
}
