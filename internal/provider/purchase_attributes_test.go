package provider

import (
	"context"
	"math/big"
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

func TestSpendGuard(t *testing.T) {
	flow := &purchaseFlow{ledger: newPurchaseLedger()}
	ch := &paidChange{action: "move account acct_x to webbhotell-business"}
	for _, tc := range []struct {
		limit  types.Number
		amount string
		want   bool
	}{
		{types.NumberNull(), "1000000", true},
		{types.NumberUnknown(), "1000000", true},
		{mustNumber(t, "238.03"), "238.03", true}, // equal is allowed
		{mustNumber(t, "238.02"), "238.03", false},
		{mustNumber(t, "0"), "-165.63", true}, // a credit never exceeds
		{mustNumber(t, "0"), "0.01", false},
	} {
		var diags diag.Diagnostics
		q := &quote{price: &client.PriceChange{Amount: client.MustAmount(tc.amount), CurrencyCode: "SEK"}}
		if got := flow.checkGuards(q, changeGuards{maxAmount: tc.limit}, ch, &diags); got != tc.want || got == diags.HasError() {
			t.Errorf("checkGuards(%v, %s) = %v, want %v (%v)", tc.limit, tc.amount, got, tc.want, diags)
		}
	}
}

// A max_amount with a huge exponent is refused by comparing binary floats,
// before any decimal text is made of it.
func TestMaxAmountRange(t *testing.T) {
	huge, _, err := big.ParseFloat("1e10000000", 10, numberPrecision, big.ToNearestEven)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		n  types.Number
		ok bool
	}{
		{types.NumberValue(huge), false},
		{mustNumber(t, "-1"), false},
		{mustNumber(t, "1000000000.01"), false},
		{mustNumber(t, "1000000000"), true},
		{mustNumber(t, "0"), true},
		{types.NumberNull(), true},
	} {
		if err := checkMaxAmountRange(tc.n); (err == nil) != tc.ok {
			t.Errorf("checkMaxAmountRange(%s) = %v, want ok=%v", numberText(tc.n), err, tc.ok)
		}
	}
}

func TestPriceChangeEqual(t *testing.T) {
	a := priceChangeModelOf(client.PriceChange{Amount: client.MustAmount("238.03"), RecurringAmount: client.MustAmount("1188"), CurrencyCode: "SEK", BillingCycle: "annually"})
	b := priceChangeModelOf(client.PriceChange{Amount: client.MustAmount("238.030"), RecurringAmount: client.MustAmount("1188.00"), CurrencyCode: "SEK", BillingCycle: "annually"})
	if !a.equal(b) {
		t.Error("the same amounts written differently must compare equal")
	}
	c := b
	c.Amount = mustNumber(t, "297.53")
	if a.equal(c) {
		t.Error("a changed amount must not compare equal")
	}
}

func TestLastOrderFromV2(t *testing.T) {
	orderID := "ord_1"
	m := lastOrderFromV2(&client.SharedHostingUpgradeResult{
		OrderID: &orderID,
		PaymentInvoice: &client.Invoice{ID: "inv_1", Number: "202600001", Amount: client.MustAmount("238.03"),
			CurrencyCode: "SEK", DueAt: "2026-02-24T00:00:00.000Z", Status: "unpaid", PaymentURL: "/billing?invoice=202600001"},
	})
	if m.OrderID.ValueString() != "ord_1" || m.InvoiceNumber.ValueString() != "202600001" || !m.Amount.Equal(mustNumber(t, "238.03")) ||
		m.PaymentURL.ValueString() != "/billing?invoice=202600001" {
		t.Errorf("%+v", m)
	}

	// A credit: an order without a payment invoice.
	m = lastOrderFromV2(&client.SharedHostingUpgradeResult{OrderID: &orderID})
	if m.OrderID.ValueString() != "ord_1" || !m.InvoiceID.IsNull() || !m.Amount.IsNull() {
		t.Errorf("credit: %+v", m)
	}
}

func TestLastOrderFromV1(t *testing.T) {
	m := lastOrderFromV1(&client.HostingUpgradeV1Result{
		OrderID: 33784, OrderNum: 1941404912, InvoiceID: "50619", Total: client.MustAmount("-645.43"), RedirectURL: "/billing",
	})
	if m.OrderID.ValueString() != "33784" || m.InvoiceID.ValueString() != "50619" || !m.Amount.Equal(mustNumber(t, "-645.43")) ||
		!m.CurrencyCode.IsNull() || !m.DueAt.IsNull() || m.PaymentURL.ValueString() != "/billing" {
		t.Errorf("%+v", m)
	}
	m = lastOrderFromV1(&client.HostingUpgradeV1Result{OrderID: 1, Total: client.MustAmount("0")})
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
