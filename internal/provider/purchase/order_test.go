package purchase

import (
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

var basetypesObjectAsOptions = basetypes.ObjectAsOptions{}

func bigFloat(t *testing.T, s string) *big.Float {
	t.Helper()
	f, _, err := big.ParseFloat(s, 10, 512, big.ToNearestEven)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestOrderFromV2(t *testing.T) {
	orderID := "ord_1"
	o := OrderFromV2(&orderID, &client.Invoice{InvoiceSummary: client.InvoiceSummary{ID: "inv_1", Number: "202600001",
		Amount: client.MustAmount("238.03"), CurrencyCode: "SEK", DueAt: "2026-02-24T00:00:00.000Z", Status: "unpaid"},
		PaymentURL: "/billing?invoice=202600001"})
	if o.OrderID.ValueString() != "ord_1" || o.InvoiceNumber.ValueString() != "202600001" ||
		!o.Amount.Equal(types.NumberValue(bigFloat(t, "238.03"))) || o.PaymentURL.ValueString() != "/billing?invoice=202600001" {
		t.Errorf("%+v", o)
	}
	// A credit: an order without a payment invoice.
	o = OrderFromV2(&orderID, nil)
	if o.OrderID.ValueString() != "ord_1" || !o.InvoiceID.IsNull() || !o.Amount.IsNull() {
		t.Errorf("credit: %+v", o)
	}
	// HostUp may leave the order id out.
	if o = OrderFromV2(nil, nil); !o.OrderID.IsNull() {
		t.Errorf("no order id: %+v", o)
	}
}

func TestOrderCharged(t *testing.T) {
	o := NewOrder("33784", "50619")
	o.SetCharged(client.MustAmount("-645.43"), "")
	if o.OrderID.ValueString() != "33784" || o.InvoiceID.ValueString() != "50619" ||
		!o.Amount.Equal(types.NumberValue(bigFloat(t, "-645.43"))) || !o.CurrencyCode.IsNull() || !o.DueAt.IsNull() {
		t.Errorf("%+v", o)
	}
	if o = NewOrder("1", ""); !o.InvoiceID.IsNull() || !o.PaymentURL.IsNull() {
		t.Errorf("absent fields must be null, not empty: %+v", o)
	}
}

// A max_amount with a huge exponent is refused by comparing binary floats,
// before any decimal text is made of it.
func TestMaxAmountRange(t *testing.T) {
	for _, tc := range []struct {
		n  types.Number
		ok bool
	}{
		{types.NumberValue(bigFloat(t, "1e10000000")), false},
		{types.NumberValue(bigFloat(t, "-1")), false},
		{types.NumberValue(bigFloat(t, "1000000000.01")), false},
		{types.NumberValue(bigFloat(t, "1000000000")), true},
		{types.NumberValue(bigFloat(t, "0")), true},
		{types.NumberNull(), true},
	} {
		if err := checkMaxAmountRange(tc.n); (err == nil) != tc.ok {
			t.Errorf("checkMaxAmountRange(%v) = %v, want ok=%v", tc.n, err, tc.ok)
		}
	}
}
