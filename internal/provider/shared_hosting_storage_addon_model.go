package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/purchase"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

// storageAddonModel is hostup_shared_hosting_storage_addon's state.
type storageAddonModel struct {
	purchase.Fields
	AccountID     types.String `tfsdk:"account_id"`
	AddonID       types.String `tfsdk:"addon_id"`
	PaymentMethod types.String `tfsdk:"payment_method"`
	OrderID       types.String `tfsdk:"order_id"`
	InvoiceID     types.String `tfsdk:"invoice_id"`
	RedirectURL   types.String `tfsdk:"redirect_url"`
	OrderStatus   types.String `tfsdk:"order_status"`
	SizeGB        types.Int64  `tfsdk:"size_gb"`
	RequestedAt   types.String `tfsdk:"requested_at"`
}

// FromAPI takes the order's status and invoice.
func (m *storageAddonModel) FromAPI(order *client.Order) {
	m.OrderStatus = types.StringValue(string(order.Status))
	m.InvoiceID = tfvalue.Pointer(order.InvoiceID)
}

// ToAPI is the purchase the model asks for.
func (m *storageAddonModel) ToAPI() client.StorageAddonOrder {
	return client.StorageAddonOrder{AddonID: m.AddonID.ValueString(), PaymentMethod: m.PaymentMethod.ValueString()}
}

func (m *storageAddonModel) Purchase() *purchase.Fields { return &m.Fields }

func (m *storageAddonModel) Guards() purchase.Guards {
	return purchase.Guards{MaxAmount: m.MaxAmount, AllowDowngrade: types.BoolNull(), CancelExistingInvoice: types.BoolNull()}
}

func (m *storageAddonModel) Describe() string {
	if m.OrderID.IsNull() || m.OrderID.IsUnknown() {
		return "a storage block on account " + m.AccountID.ValueString()
	}
	return "storage order " + m.OrderID.ValueString() + " on account " + m.AccountID.ValueString()
}

// Imported: an import sets the account and the order, and nothing else.
func (m *storageAddonModel) Imported() bool { return m.OrderStatus.IsNull() && m.RequestedAt.IsNull() }
