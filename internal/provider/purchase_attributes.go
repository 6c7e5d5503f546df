package provider

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// The computed attributes every paid resource shares: one name and one shape
// for price_change, last_order and current_product, so that configurations
// can add up previews across resources.

// priceChangeModel is a pending change's price, from HostUp's preview.
type priceChangeModel struct {
	Amount          types.Number `tfsdk:"amount"`
	RecurringAmount types.Number `tfsdk:"recurring_amount"`
	CurrencyCode    types.String `tfsdk:"currency_code"`
	BillingCycle    types.String `tfsdk:"billing_cycle"`
}

var priceChangeAttrTypes = map[string]attr.Type{
	"amount":           types.NumberType,
	"recurring_amount": types.NumberType,
	"currency_code":    types.StringType,
	"billing_cycle":    types.StringType,
}

func priceChangeSchema() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "Price of the **pending** change, from HostUp's preview, known during `plan`: " +
			"`amount` is due now (prorated; negative for a credit), `recurring_amount` is the new price per " +
			"`billing_cycle`. Null when nothing is pending, so the sum of `price_change.amount` over a " +
			"configuration is the cost of that plan. Apply stores the planned value; the next refresh sets it " +
			"back to null once HostUp reports the change. If HostUp's price changed since the plan, the apply " +
			"stops before anything is bought. Unknown in the plan of a v1 account (no preview exists).",
		Computed: true,
		Attributes: map[string]schema.Attribute{
			"amount":           schema.NumberAttribute{Computed: true, MarkdownDescription: "Amount due now, exact."},
			"recurring_amount": schema.NumberAttribute{Computed: true, MarkdownDescription: "New recurring price per billing cycle, exact."},
			"currency_code":    schema.StringAttribute{Computed: true, MarkdownDescription: "ISO currency code, e.g. `SEK`."},
			"billing_cycle":    schema.StringAttribute{Computed: true, MarkdownDescription: "Billing cycle of the recurring price, e.g. `annually`."},
		},
	}
}

func priceChangeValue(ctx context.Context, pc client.PriceChange) (types.Object, diag.Diagnostics) {
	return types.ObjectValueFrom(ctx, priceChangeAttrTypes, priceChangeModel{
		Amount:          numberValue(pc.Amount),
		RecurringAmount: numberValue(pc.RecurringAmount),
		CurrencyCode:    types.StringValue(pc.CurrencyCode),
		BillingCycle:    types.StringValue(pc.BillingCycle),
	})
}

// lastOrderModel is what the last change bought.
type lastOrderModel struct {
	OrderID       types.String `tfsdk:"order_id"`
	InvoiceID     types.String `tfsdk:"invoice_id"`
	InvoiceNumber types.String `tfsdk:"invoice_number"`
	Amount        types.Number `tfsdk:"amount"`
	CurrencyCode  types.String `tfsdk:"currency_code"`
	DueAt         types.String `tfsdk:"due_at"`
	Status        types.String `tfsdk:"status"`
	PaymentURL    types.String `tfsdk:"payment_url"`
}

var lastOrderAttrTypes = map[string]attr.Type{
	"order_id":       types.StringType,
	"invoice_id":     types.StringType,
	"invoice_number": types.StringType,
	"amount":         types.NumberType,
	"currency_code":  types.StringType,
	"due_at":         types.StringType,
	"status":         types.StringType,
	"payment_url":    types.StringType,
}

func lastOrderSchema() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "What the last change made by Terraform bought: order, payment invoice and amount " +
			"charged. Unknown in the plan of a change; null until something was bought. Fields the API did not " +
			"return are null (v1 upgrades return no currency, due date or invoice number).",
		Computed: true,
		Attributes: map[string]schema.Attribute{
			"order_id":       schema.StringAttribute{Computed: true, MarkdownDescription: "Order id (`ord_…` on v2, numeric on v1)."},
			"invoice_id":     schema.StringAttribute{Computed: true, MarkdownDescription: "Payment invoice id."},
			"invoice_number": schema.StringAttribute{Computed: true, MarkdownDescription: "Payment invoice number."},
			"amount":         schema.NumberAttribute{Computed: true, MarkdownDescription: "Amount charged, exact."},
			"currency_code":  schema.StringAttribute{Computed: true, MarkdownDescription: "ISO currency code."},
			"due_at":         schema.StringAttribute{Computed: true, MarkdownDescription: "Payment due date (RFC 3339)."},
			"status":         schema.StringAttribute{Computed: true, MarkdownDescription: "Invoice status when bought (`unpaid`, `paid`, …), or `nothing_bought` when HostUp answered that the change was already in place."},
			"payment_url":    schema.StringAttribute{Computed: true, MarkdownDescription: "Where to pay, relative to HostUp's control panel."},
		},
	}
}

// lastOrderFromV2 records a v2 commit. A change that costs nothing has no
// payment invoice; then only the order is known.
func lastOrderFromV2(res *client.SharedHostingUpgradeResult) lastOrderModel {
	m := lastOrderModel{
		OrderID:       stringPointerValue(res.OrderID),
		InvoiceID:     types.StringNull(),
		InvoiceNumber: types.StringNull(),
		Amount:        types.NumberNull(),
		CurrencyCode:  types.StringNull(),
		DueAt:         types.StringNull(),
		Status:        types.StringNull(),
		PaymentURL:    types.StringNull(),
	}
	if inv := res.PaymentInvoice; inv != nil {
		m.InvoiceID = types.StringValue(inv.ID)
		m.InvoiceNumber = types.StringValue(string(inv.Number))
		m.Amount = numberValue(inv.Amount)
		m.CurrencyCode = types.StringValue(inv.CurrencyCode)
		m.DueAt = types.StringValue(inv.DueAt)
		m.Status = types.StringValue(inv.Status)
		m.PaymentURL = types.StringValue(inv.PaymentURL)
	}
	return m
}

// lastOrderFromV1 records a v1 upgrade, which reports the order, the invoice
// id and the total, but no currency, due date or status.
func lastOrderFromV1(res *client.HostingUpgradeV1Result) lastOrderModel {
	return lastOrderModel{
		OrderID:       types.StringValue(strconv.FormatInt(int64(res.OrderID), 10)),
		InvoiceID:     nonEmptyString(string(res.InvoiceID)),
		InvoiceNumber: types.StringNull(),
		Amount:        numberValue(res.Total),
		CurrencyCode:  types.StringNull(),
		DueAt:         types.StringNull(),
		Status:        types.StringNull(),
		PaymentURL:    nonEmptyString(res.RedirectURL),
	}
}

// productModel names a plan: its slug (v2) or product id (v1), and its name.
type productModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
}

var productAttrTypes = map[string]attr.Type{
	"id":   types.StringType,
	"name": types.StringType,
}

func productSchema() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "The plan the account is on (after the pending change, in a plan): `id` is the " +
			"product slug on v2 accounts and the product id on v1 accounts.",
		Computed: true,
		Attributes: map[string]schema.Attribute{
			"id":   schema.StringAttribute{Computed: true, MarkdownDescription: "Product slug (v2) or product id (v1)."},
			"name": schema.StringAttribute{Computed: true, MarkdownDescription: "Product name, e.g. `Business`."},
		},
	}
}

func productValue(ctx context.Context, id, name string) (types.Object, diag.Diagnostics) {
	return types.ObjectValueFrom(ctx, productAttrTypes, productModel{ID: types.StringValue(id), Name: types.StringValue(name)})
}

func stringPointerValue(s *string) types.String {
	if s == nil {
		return types.StringNull()
	}
	return nonEmptyString(*s)
}

func nonEmptyString(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// basetypesObjectAsOptions reads nested objects strictly: they are always
// fully known when read.
var basetypesObjectAsOptions = basetypes.ObjectAsOptions{}

// priceChangeModelOf is a preview as state holds it.
func priceChangeModelOf(pc client.PriceChange) priceChangeModel {
	return priceChangeModel{
		Amount:          numberValue(pc.Amount),
		RecurringAmount: numberValue(pc.RecurringAmount),
		CurrencyCode:    types.StringValue(pc.CurrencyCode),
		BillingCycle:    types.StringValue(pc.BillingCycle),
	}
}

// equal compares two prices exactly, as Terraform compares planned values.
func (m priceChangeModel) equal(o priceChangeModel) bool {
	return m.Amount.Equal(o.Amount) && m.RecurringAmount.Equal(o.RecurringAmount) &&
		m.CurrencyCode.Equal(o.CurrencyCode) && m.BillingCycle.Equal(o.BillingCycle)
}

func (m priceChangeModel) describeAmount() string {
	return numberText(m.Amount) + " " + m.CurrencyCode.ValueString()
}

func (m priceChangeModel) describeRecurring() string {
	return numberText(m.RecurringAmount) + " " + m.CurrencyCode.ValueString()
}

// numberText prints a number already known to be in a sane range.
func numberText(n types.Number) string {
	if n.IsNull() || n.IsUnknown() {
		return "unknown"
	}
	return n.ValueBigFloat().Text('f', -1)
}

func priceStatusSchema() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "Where `price_change` comes from: `previewed` (HostUp's preview of this change), " +
			"`not_previewable` (HostUp has no preview for this change: v1 hosting accounts; the plan warns), or " +
			"`unpriced` (an input of the change is unknown until apply and no `max_amount` bounds it: applying such a " +
			"plan stops before anything is bought, with Terraform's \"Provider produced inconsistent final plan\" " +
			"error naming `price_status`). Unknown in the plan when an input is unknown and `max_amount` bounds the " +
			"change: the apply previews it and enforces `max_amount` before buying. Null when nothing is pending.",
		Computed: true,
	}
}

func maxAmountSchema(extra string) schema.NumberAttribute {
	return schema.NumberAttribute{
		MarkdownDescription: "Spend guard: the plan fails when the amount due now for the change exceeds this (in the " +
			"account's currency). Checked again at apply, before anything is bought. When an input of the change is " +
			"only known after apply, a change is bought only if `max_amount` bounds it. From 0 to " +
			maxAmountCeiling.String() + "." + extra,
		Optional:   true,
		Validators: []validator.Number{maxAmountValidator{}},
	}
}

// Values of last_order.status other than an invoice's status.
const (
	// lastOrderNothingBought: the commit found the target in place already.
	lastOrderNothingBought = "nothing_bought"
)

// nothingBought is last_order after a commit that HostUp answered with
// "already in place".
func nothingBought() lastOrderModel {
	return lastOrderModel{
		OrderID: types.StringNull(), InvoiceID: types.StringNull(), InvoiceNumber: types.StringNull(),
		Amount: types.NumberNull(), CurrencyCode: types.StringNull(), DueAt: types.StringNull(),
		Status: types.StringValue(lastOrderNothingBought), PaymentURL: types.StringNull(),
	}
}
