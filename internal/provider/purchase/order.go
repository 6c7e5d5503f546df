package purchase

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

// Order is last_order: what the last change made by Terraform bought.
type Order struct {
	OrderID       types.String `tfsdk:"order_id"`
	InvoiceID     types.String `tfsdk:"invoice_id"`
	InvoiceNumber types.String `tfsdk:"invoice_number"`
	Amount        types.Number `tfsdk:"amount"`
	CurrencyCode  types.String `tfsdk:"currency_code"`
	DueAt         types.String `tfsdk:"due_at"`
	Status        types.String `tfsdk:"status"`
	PaymentURL    types.String `tfsdk:"payment_url"`
}

var orderAttrTypes = map[string]attr.Type{
	"order_id":       types.StringType,
	"invoice_id":     types.StringType,
	"invoice_number": types.StringType,
	"amount":         types.NumberType,
	"currency_code":  types.StringType,
	"due_at":         types.StringType,
	"status":         types.StringType,
	"payment_url":    types.StringType,
}

// StatusNothingBought is last_order.status after a commit that HostUp
// answered with "already in place".
const StatusNothingBought = "nothing_bought"

// LastOrderSchema is last_order, the same on every paid resource.
func LastOrderSchema() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "What the last change made by Terraform bought: order, payment invoice and amount " +
			"charged. Unknown in the plan of a change; null until something was bought. Fields HostUp did not " +
			"return are null.",
		Computed: true,
		Attributes: map[string]schema.Attribute{
			"order_id":       schema.StringAttribute{Computed: true, MarkdownDescription: "Order id (`ord_…` on v2, numeric on v1)."},
			"invoice_id":     schema.StringAttribute{Computed: true, MarkdownDescription: "Payment invoice id."},
			"invoice_number": schema.StringAttribute{Computed: true, MarkdownDescription: "Payment invoice number."},
			"amount":         schema.NumberAttribute{Computed: true, MarkdownDescription: "Amount charged, exact."},
			"currency_code":  schema.StringAttribute{Computed: true, MarkdownDescription: "ISO currency code."},
			"due_at":         schema.StringAttribute{Computed: true, MarkdownDescription: "Payment due date (RFC 3339)."},
			"status": schema.StringAttribute{Computed: true, MarkdownDescription: "Invoice status when bought (`unpaid`, `paid`, …), " +
				"or `" + StatusNothingBought + "` when HostUp answered that the change was already in place."},
			"payment_url": schema.StringAttribute{Computed: true, MarkdownDescription: "Where to pay, relative to HostUp's control panel."},
		},
	}
}

// NewOrder is an order of which only the ids are known yet.
func NewOrder(orderID, invoiceID string) Order {
	return Order{
		OrderID: tfvalue.NonEmpty(orderID), InvoiceID: tfvalue.NonEmpty(invoiceID), InvoiceNumber: types.StringNull(),
		Amount: types.NumberNull(), CurrencyCode: types.StringNull(), DueAt: types.StringNull(),
		Status: types.StringNull(), PaymentURL: types.StringNull(),
	}
}

// OrderFromV2 records a v2 commit: its order and payment invoice. A change
// that costs nothing has no payment invoice; then only the order is known.
func OrderFromV2(orderID *string, inv *client.Invoice) Order {
	o := NewOrder(tfvalue.Pointer(orderID).ValueString(), "")
	if inv != nil {
		o.SetInvoice(inv)
	}
	return o
}

// SetInvoice records the payment invoice.
func (o *Order) SetInvoice(inv *client.Invoice) {
	o.InvoiceID = tfvalue.NonEmpty(inv.ID)
	o.InvoiceNumber = tfvalue.NonEmpty(string(inv.Number))
	o.Amount = tfvalue.OptionalAmount(inv.Amount)
	o.CurrencyCode = tfvalue.NonEmpty(inv.CurrencyCode)
	o.DueAt = tfvalue.NonEmpty(inv.DueAt)
	o.Status = tfvalue.NonEmpty(inv.Status)
	if inv.PaymentURL != "" {
		o.PaymentURL = types.StringValue(inv.PaymentURL)
	}
}

// SetCharged records what HostUp says it charged, where no invoice says it.
func (o *Order) SetCharged(amount client.Amount, currencyCode string) {
	o.Amount = tfvalue.OptionalAmount(amount)
	o.CurrencyCode = tfvalue.NonEmpty(currencyCode)
}

// ToTerraform is the order as an object value.
func (o Order) ToTerraform(ctx context.Context) (types.Object, diag.Diagnostics) {
	return types.ObjectValueFrom(ctx, orderAttrTypes, o)
}

func nothingBought() Order {
	o := NewOrder("", "")
	o.Status = types.StringValue(StatusNothingBought)
	return o
}
