package client

import (
	"context"
	"testing"
)

func TestDecodeOrder(t *testing.T) {
	get := func(ctx context.Context, c *Client) (*Order, error) { return c.GetOrder(ctx, "ord_1") }
	runDecodeCases(t, get, []decodeCase[Order]{
		{name: "documented fields, number as a number", body: `{"id":"ord_1","number":1941404912,"status":"pending","type":"upgrade",` +
			`"invoiceId":"inv_1","billing":{"amount":238.03,"currencyCode":"SEK","billingCycle":"annually"}}`,
			check: func(t *testing.T, o *Order) {
				if o.ID != "ord_1" || o.Number != "1941404912" || o.Status != OrderStatus("pending") || o.Type != "upgrade" ||
					o.InvoiceID == nil || *o.InvoiceID != "inv_1" || o.Billing.BillingCycle != "annually" {
					t.Errorf("order = %+v", o)
				}
				wantAmount(t, "billing.amount", o.Billing.Amount, "238.03")
			}},
		{name: "number as a string", body: `{"id":"ord_1","number":"1941404912","status":"completed","type":"upgrade","invoiceId":null}`,
			check: func(t *testing.T, o *Order) {
				if o.Number != "1941404912" || o.InvoiceID != nil {
					t.Errorf("order = %+v", o)
				}
			}},
		{name: "without billing", body: `{"id":"ord_1","number":"1","status":"active","type":"new"}`,
			check: func(t *testing.T, o *Order) { wantUnset(t, "billing.amount", o.Billing.Amount) }},
		{name: "without billing.amount", body: `{"id":"ord_1","status":"failed","billing":{"currencyCode":"SEK"}}`,
			check: func(t *testing.T, o *Order) { wantUnset(t, "billing.amount", o.Billing.Amount) }},
	})
}

// An invoice is read on its own to check what a purchase was charged: its
// amount is required.
func TestDecodeInvoice(t *testing.T) {
	get := func(ctx context.Context, c *Client) (*Invoice, error) { return c.GetInvoice(ctx, "inv_1") }
	runDecodeCases(t, get, []decodeCase[Invoice]{
		{name: "documented fields", body: `{"id":"inv_01hxa3b4c5d6e7f8g9h0j1k2m3","number":"202600001","amount":100,` +
			`"currencyCode":"SEK","dueAt":"2026-05-27T00:00:00.000Z","status":"unpaid","paymentUrl":"/billing?invoice=202600001"}`,
			check: func(t *testing.T, i *Invoice) {
				if i.ID != "inv_01hxa3b4c5d6e7f8g9h0j1k2m3" || i.Number != "202600001" || i.Status != "unpaid" || i.DueAt == "" {
					t.Errorf("invoice = %+v", i)
				}
				wantAmount(t, "amount", i.Amount, "100")
			}},
		{name: "number as a number, without paymentUrl", body: `{"id":"inv_1","number":202600001,"amount":"99.00","status":"paid"}`,
			check: func(t *testing.T, i *Invoice) {
				if i.Number != "202600001" || i.PaymentURL != "" {
					t.Errorf("invoice = %+v", i)
				}
			}},
		{name: "without amount", body: `{"id":"inv_1","number":"202600001","status":"paid"}`, refused: "amount"},
	})
}
