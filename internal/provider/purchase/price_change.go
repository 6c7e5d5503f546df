package purchase

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

// priceChangeModel is price_change: the pending change, what it costs and
// what it changes, from HostUp's preview.
type priceChangeModel struct {
	Amount           types.Number `tfsdk:"amount"`
	RecurringAmount  types.Number `tfsdk:"recurring_amount"`
	CurrencyCode     types.String `tfsdk:"currency_code"`
	BillingCycle     types.String `tfsdk:"billing_cycle"`
	From             types.String `tfsdk:"from"`
	To               types.String `tfsdk:"to"`
	Summary          types.String `tfsdk:"summary"`
	InvoicesToCancel types.List   `tfsdk:"invoices_to_cancel"`
}

var invoiceAttrTypes = map[string]attr.Type{
	"id":            types.StringType,
	"number":        types.StringType,
	"amount":        types.NumberType,
	"currency_code": types.StringType,
}

var invoiceType = types.ObjectType{AttrTypes: invoiceAttrTypes}

var priceChangeAttrTypes = map[string]attr.Type{
	"amount":             types.NumberType,
	"recurring_amount":   types.NumberType,
	"currency_code":      types.StringType,
	"billing_cycle":      types.StringType,
	"from":               types.StringType,
	"to":                 types.StringType,
	"summary":            types.StringType,
	"invoices_to_cancel": types.ListType{ElemType: invoiceType},
}

// PriceChangeSchema is price_change, the same on every paid resource, so
// that a configuration can add up the cost of a plan; source says where
// the price comes from.
func PriceChangeSchema(source string) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "The **pending** change and its price, from " + source + ", known during `plan`. " +
			"Null when nothing is pending, so the sum of `price_change.amount` over a configuration is what its plan " +
			"costs now. Apply stores the planned value; the next refresh sets it back to null once HostUp reports the " +
			"change. Amounts are exact, as HostUp reports them.",
		Computed: true,
		Attributes: map[string]schema.Attribute{
			"amount": schema.NumberAttribute{Computed: true,
				MarkdownDescription: "Due now when the change is bought (prorated for the rest of the period); negative for a credit."},
			"recurring_amount": schema.NumberAttribute{Computed: true, MarkdownDescription: "The new recurring price per `billing_cycle`."},
			"currency_code":    schema.StringAttribute{Computed: true, MarkdownDescription: "ISO currency code, e.g. `SEK`."},
			"billing_cycle":    schema.StringAttribute{Computed: true, MarkdownDescription: "Billing cycle of the recurring price, e.g. `annually`."},
			"from":             schema.StringAttribute{Computed: true, MarkdownDescription: "What the change moves from, e.g. `Start (webbhotell-start)`; null for a new purchase."},
			"to":               schema.StringAttribute{Computed: true, MarkdownDescription: "What the change moves to, e.g. `Business (webbhotell-business)`."},
			"summary": schema.StringAttribute{Computed: true,
				MarkdownDescription: "The change in one line, e.g. `Start → Business: 238.03 SEK due now, then 1188 SEK annually`."},
			"invoices_to_cancel": schema.ListNestedAttribute{Computed: true,
				MarkdownDescription: "The unpaid invoices HostUp cancels with this change, because `cancel_existing_invoice = true`; " +
					"empty otherwise. The apply cancels exactly these: a different set stops it before anything is sent.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":            schema.StringAttribute{Computed: true, MarkdownDescription: "Invoice id."},
					"number":        schema.StringAttribute{Computed: true, MarkdownDescription: "Invoice number."},
					"amount":        schema.NumberAttribute{Computed: true, MarkdownDescription: "Amount of the invoice, exact."},
					"currency_code": schema.StringAttribute{Computed: true, MarkdownDescription: "ISO currency code."},
				}},
			},
		},
	}
}

// priceChangeOf is price_change for a priced quote.
func priceChangeOf(q *Quote) priceChangeModel {
	pc := q.Price
	m := priceChangeModel{
		Amount:          tfvalue.Amount(pc.Amount),
		RecurringAmount: tfvalue.Amount(pc.RecurringAmount),
		CurrencyCode:    types.StringValue(pc.CurrencyCode),
		BillingCycle:    types.StringValue(pc.BillingCycle),
		From:            tfvalue.NonEmpty(q.FromName),
		To:              tfvalue.NonEmpty(q.ToName),
	}
	m.Summary = types.StringValue(summarize(q))
	invoices := make([]attr.Value, 0, len(q.InvoicesToCancel))
	for _, inv := range q.InvoicesToCancel {
		invoices = append(invoices, types.ObjectValueMust(invoiceAttrTypes, map[string]attr.Value{
			"id": types.StringValue(inv.ID), "number": tfvalue.NonEmpty(inv.Number),
			"amount": tfvalue.OptionalAmount(inv.Amount), "currency_code": tfvalue.NonEmpty(inv.CurrencyCode),
		}))
	}
	m.InvoicesToCancel = types.ListValueMust(invoiceType, invoices)
	return m
}

// ToTerraform is the model as an object value.
func (m priceChangeModel) ToTerraform(ctx context.Context) (types.Object, diag.Diagnostics) {
	return types.ObjectValueFrom(ctx, priceChangeAttrTypes, m)
}

// summarize says the change in one line: "Start → Business: 238.03 SEK due
// now, then 1188 SEK annually".
func summarize(q *Quote) string {
	pc := q.Price
	what := q.ToName
	if q.FromName != "" {
		what = shortName(q.FromName) + " → " + shortName(q.ToName)
	}
	due := fmt.Sprintf("%s %s due now", pc.Amount, pc.CurrencyCode)
	if pc.Amount.IsNegative() {
		due = fmt.Sprintf("%s %s credited now", pc.Amount.Neg(), pc.CurrencyCode)
	}
	s := fmt.Sprintf("%s: %s, then %s %s %s", what, due, pc.RecurringAmount, pc.CurrencyCode, pc.BillingCycle)
	if n := len(q.InvoicesToCancel); n > 0 {
		s += fmt.Sprintf("; cancels %d unpaid invoice%s", n, plural(n))
	}
	if q.Caveat != "" {
		s += "; " + q.Caveat
	}
	return s
}

// shortName drops the slug from "Start (webbhotell-start)".
func shortName(name string) string {
	if i := strings.Index(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		return name[:i]
	}
	return name
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// sameAs compares a planned price_change with a fresh preview exactly, as
// Terraform compares planned values: amounts, cycle and the invoices it
// cancels.
func (m priceChangeModel) sameAs(o priceChangeModel) bool {
	return m.Amount.Equal(o.Amount) && m.RecurringAmount.Equal(o.RecurringAmount) &&
		m.CurrencyCode.Equal(o.CurrencyCode) && m.BillingCycle.Equal(o.BillingCycle) &&
		slices.Equal(invoiceIDs(m.InvoicesToCancel), invoiceIDs(o.InvoicesToCancel))
}

func invoiceIDs(l types.List) []string {
	var ids []string
	for _, v := range l.Elements() {
		if o, ok := v.(types.Object); ok {
			if id, ok := o.Attributes()["id"].(types.String); ok {
				ids = append(ids, id.ValueString())
			}
		}
	}
	slices.Sort(ids)
	return ids
}

func (m priceChangeModel) describeAmount() string {
	return tfvalue.NumberText(m.Amount) + " " + m.CurrencyCode.ValueString()
}

func (m priceChangeModel) describeRecurring() string {
	return tfvalue.NumberText(m.RecurringAmount) + " " + m.CurrencyCode.ValueString() + " per " + m.BillingCycle.ValueString()
}

func (m priceChangeModel) describeInvoices() string {
	ids := invoiceIDs(m.InvoicesToCancel)
	if len(ids) == 0 {
		return "no invoice"
	}
	return strings.Join(ids, ", ")
}
