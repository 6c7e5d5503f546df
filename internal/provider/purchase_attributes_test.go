package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

func TestNumberRoundTripIsExact(t *testing.T) {
	for _, s := range []string{"238.03", "-165.63", "0.1", "1188", "311.26", "0"} {
		n := numberValue(client.MustAmount(s))
		back, err := amountFromNumber(n)
		if err != nil {
			t.Fatal(err)
		}
		if back.String() != s {
			t.Errorf("%s -> %s -> %s", s, n.ValueBigFloat().Text('f', -1), back)
		}
	}
}

func TestExceedsMaxAmount(t *testing.T) {
	for _, tc := range []struct {
		limit  types.Number
		amount string
		want   bool
	}{
		{types.NumberNull(), "1000000", false},
		{types.NumberUnknown(), "1000000", false},
		{mustNumber(t, "238.03"), "238.03", false}, // equal is allowed
		{mustNumber(t, "238.02"), "238.03", true},
		{mustNumber(t, "0"), "-165.63", false}, // a credit never exceeds
		{mustNumber(t, "0"), "0.01", true},
	} {
		var diags diag.Diagnostics
		if got := exceedsMaxAmount(tc.limit, client.MustAmount(tc.amount), &diags); got != tc.want || diags.HasError() {
			t.Errorf("exceedsMaxAmount(%v, %s) = %v, want %v (%v)", tc.limit, tc.amount, got, tc.want, diags)
		}
	}
}

func TestLastOrderFromV2(t *testing.T) {
	ctx := context.Background()
	orderID := "ord_1"
	obj, diags := lastOrderFromV2(ctx, &client.SharedHostingUpgradeResult{
		OrderID: &orderID,
		PaymentInvoice: &client.Invoice{ID: "inv_1", Number: "202600001", Amount: client.MustAmount("238.03"),
			CurrencyCode: "SEK", DueAt: "2026-02-24T00:00:00.000Z", Status: "unpaid", PaymentURL: "/billing?invoice=202600001"},
	})
	if diags.HasError() {
		t.Fatal(diags)
	}
	var m lastOrderModel
	obj.As(ctx, &m, basetypesObjectAsOptions)
	if m.OrderID.ValueString() != "ord_1" || m.InvoiceNumber.ValueString() != "202600001" || !m.Amount.Equal(mustNumber(t, "238.03")) ||
		m.PaymentURL.ValueString() != "/billing?invoice=202600001" {
		t.Errorf("%+v", m)
	}

	// A credit: an order without a payment invoice.
	obj, _ = lastOrderFromV2(ctx, &client.SharedHostingUpgradeResult{OrderID: &orderID})
	obj.As(ctx, &m, basetypesObjectAsOptions)
	if m.OrderID.ValueString() != "ord_1" || !m.InvoiceID.IsNull() || !m.Amount.IsNull() {
		t.Errorf("credit: %+v", m)
	}
}

func TestLastOrderFromV1(t *testing.T) {
	ctx := context.Background()
	obj, diags := lastOrderFromV1(ctx, &client.HostingUpgradeV1Result{
		OrderID: 33784, OrderNum: 1941404912, InvoiceID: "50619", Total: client.MustAmount("-645.43"), RedirectURL: "/billing",
	})
	if diags.HasError() {
		t.Fatal(diags)
	}
	var m lastOrderModel
	obj.As(ctx, &m, basetypesObjectAsOptions)
	if m.OrderID.ValueString() != "33784" || m.InvoiceID.ValueString() != "50619" || !m.Amount.Equal(mustNumber(t, "-645.43")) ||
		!m.CurrencyCode.IsNull() || !m.DueAt.IsNull() || m.PaymentURL.ValueString() != "/billing" {
		t.Errorf("%+v", m)
	}
	obj, _ = lastOrderFromV1(ctx, &client.HostingUpgradeV1Result{OrderID: 1, Total: client.MustAmount("0")})
	obj.As(ctx, &m, basetypesObjectAsOptions)
	if !m.InvoiceID.IsNull() || !m.PaymentURL.IsNull() {
		t.Errorf("absent fields must be null, not empty: %+v", m)
	}
}

func TestPriceChangeValue(t *testing.T) {
	ctx := context.Background()
	obj, diags := priceChangeValue(ctx, client.PriceChange{Amount: client.MustAmount("238.03"), RecurringAmount: client.MustAmount("1188"), CurrencyCode: "SEK", BillingCycle: "annually"})
	if diags.HasError() {
		t.Fatal(diags)
	}
	var m priceChangeModel
	obj.As(ctx, &m, basetypesObjectAsOptions)
	if !m.Amount.Equal(mustNumber(t, "238.03")) || !m.RecurringAmount.Equal(mustNumber(t, "1188")) || m.BillingCycle.ValueString() != "annually" {
		t.Errorf("%+v", m)
	}
}
