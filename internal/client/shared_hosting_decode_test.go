package client

import (
	"context"
	"testing"
)

const accountDocumented = `{"id":"acct_01hxa3b4c5d6e7f8g9h0j1k2m3","name":"Start (cpanel)","primaryDomain":"example.com",` +
	`"domains":["example.com"],"customName":null,"serviceStatus":"active",` +
	`"billing":{"amount":708,"currencyCode":"SEK","billingCycle":"annually"},` +
	`"createdAt":"2025-08-10T00:00:00.000Z","nextDueAt":"2026-08-10T00:00:00.000Z","expiresAt":null}`

func TestDecodeSharedHostingAccount(t *testing.T) {
	get := func(ctx context.Context, c *Client) (*SharedHostingAccount, error) {
		return c.GetSharedHostingAccount(ctx, "acct_01hxa3b4c5d6e7f8g9h0j1k2m3")
	}
	runDecodeCases(t, get, []decodeCase[SharedHostingAccount]{
		{name: "documented fields", body: accountDocumented, check: func(t *testing.T, a *SharedHostingAccount) {
			if a.ID != "acct_01hxa3b4c5d6e7f8g9h0j1k2m3" || a.PrimaryDomain != "example.com" || a.ServiceStatus != "active" ||
				a.Billing.BillingCycle != "annually" || a.NextDueAt == nil || a.CustomName != nil {
				t.Errorf("account = %+v", a)
			}
			wantAmount(t, "billing.amount", a.Billing.Amount, "708")
		}},
		{name: "without billing.amount", body: `{"id":"acct_1","serviceStatus":"active","billing":{"currencyCode":"SEK","billingCycle":"annually"}}`,
			check: func(t *testing.T, a *SharedHostingAccount) {
				wantUnset(t, "billing.amount", a.Billing.Amount)
				if a.Billing.CurrencyCode != "SEK" {
					t.Errorf("billing = %+v", a.Billing)
				}
			}},
		{name: "billing.amount null", body: `{"id":"acct_1","billing":{"amount":null}}`,
			check: func(t *testing.T, a *SharedHostingAccount) { wantUnset(t, "billing.amount", a.Billing.Amount) }},
		{name: "without billing", body: `{"id":"acct_1","name":"Start (cpanel)","serviceStatus":"suspended"}`,
			check: func(t *testing.T, a *SharedHostingAccount) {
				if a.ServiceStatus != "suspended" || a.Billing.Amount.IsSet() {
					t.Errorf("account = %+v", a)
				}
			}},
		{name: "id only", body: `{"id":"acct_1"}`},
	})
}

func TestDecodeSharedHostingList(t *testing.T) {
	list := func(ctx context.Context, c *Client) (*[]SharedHostingAccount, error) {
		all, err := c.ListSharedHostingAccounts(ctx)
		return &all, err
	}
	runDecodeCases(t, list, []decodeCase[[]SharedHostingAccount]{
		{name: "documented fields", body: `{"data":[` + accountDocumented + `],"hasMore":false,"nextCursor":null}`,
			check: func(t *testing.T, all *[]SharedHostingAccount) {
				if len(*all) != 1 || (*all)[0].ID != "acct_01hxa3b4c5d6e7f8g9h0j1k2m3" {
					t.Errorf("list = %+v", *all)
				}
			}},
		{name: "without nextCursor and prices", body: `{"data":[{"id":"acct_1"},{"id":"acct_2","billing":{}}],"hasMore":false}`,
			check: func(t *testing.T, all *[]SharedHostingAccount) {
				if len(*all) != 2 || (*all)[1].Billing.Amount.IsSet() {
					t.Errorf("list = %+v", *all)
				}
			}},
		{name: "empty", body: `{"data":[],"hasMore":false,"nextCursor":null}`,
			check: func(t *testing.T, all *[]SharedHostingAccount) {
				if len(*all) != 0 {
					t.Errorf("list = %+v", *all)
				}
			}},
	})
}

func TestDecodeSharedHostingUpgradeOptions(t *testing.T) {
	get := func(ctx context.Context, c *Client) (*UpgradeOptions, error) {
		return c.GetSharedHostingUpgradeOptions(ctx, "acct_1")
	}
	const documented = `{"accountId":"acct_1","domain":"example.com","currencyCode":"SEK",` +
		`"actions":{"canUpgrade":{"allowed":false,"reason":"An order is pending.","code":"pending_order"}},` +
		`"currentPackage":{"productSlug":"webbhotell-start","name":"Start"},` +
		`"availableOptions":[{"productSlug":"webbhotell-business","name":"Business","type":"upgrade",` +
		`"billing":{"amount":1188,"currencyCode":"SEK","billingCycle":"annually"},"available":true,"reason":null}]}`
	runDecodeCases(t, get, []decodeCase[UpgradeOptions]{
		{name: "documented fields, currentPackage as its siblings", body: documented, check: func(t *testing.T, o *UpgradeOptions) {
			g := o.Actions.CanUpgrade
			if o.CurrentPackage.ProductSlug != "webbhotell-start" || o.CurrentPackage.Name != "Start" || o.CurrentPackage.Billing.Amount.IsSet() ||
				!g.Reported || g.Allowed || g.Code == nil || *g.Code != "pending_order" || len(o.AvailableOptions) != 1 ||
				o.AvailableOptions[0].Type != OptionTypeUpgrade || !o.AvailableOptions[0].Available {
				t.Errorf("options = %+v", o)
			}
			wantAmount(t, "availableOptions[0].billing.amount", o.AvailableOptions[0].Billing.Amount, "1188")
		}},
		{name: "without an option's price", body: `{"currentPackage":{"productSlug":"webbhotell-start"},` +
			`"availableOptions":[{"productSlug":"webbhotell-business","type":"upgrade","available":true}]}`,
			check: func(t *testing.T, o *UpgradeOptions) {
				wantUnset(t, "availableOptions[0].billing.amount", o.AvailableOptions[0].Billing.Amount)
			}},
		{name: "currentPackage with the price the simulator adds", body: `{"currentPackage":{"productSlug":"webbhotell-start","name":"Start",` +
			`"billing":{"amount":708,"currencyCode":"SEK","billingCycle":"annually"}},"availableOptions":[]}`,
			check: func(t *testing.T, o *UpgradeOptions) {
				wantAmount(t, "currentPackage.billing.amount", o.CurrentPackage.Billing.Amount, "708")
			}},
		{name: "without actions", body: `{"currentPackage":{"productSlug":"webbhotell-start","name":"Start"},"availableOptions":[]}`,
			check: func(t *testing.T, o *UpgradeOptions) {
				if o.Actions.CanUpgrade.Reported || o.Actions.CanUpgrade.Allowed {
					t.Errorf("an absent gate reads as %+v", o.Actions.CanUpgrade)
				}
			}},
		{name: "gate null", body: `{"actions":{"canUpgrade":null}}`,
			check: func(t *testing.T, o *UpgradeOptions) {
				if o.Actions.CanUpgrade.Reported {
					t.Errorf("a null gate reads as reported")
				}
			}},
	})
}

// The plan change's dry-run answer (its schema) and commit answer (its
// example).
func TestDecodeSharedHostingUpgrade(t *testing.T) {
	up := SharedHostingUpgrade{ProductSlug: "webbhotell-business"}
	preview := func(ctx context.Context, c *Client) (*SharedHostingUpgradePreview, error) {
		return c.PreviewSharedHostingUpgrade(ctx, "acct_1", up)
	}
	runDecodeCases(t, preview, []decodeCase[SharedHostingUpgradePreview]{
		{name: "documented fields", body: `{"preview":true,"currentProduct":{"slug":"webbhotell-start","name":"Start"},` +
			`"newProduct":{"slug":"webbhotell-business","name":"Business"},` +
			`"priceChange":{"amount":100,"recurringAmount":1188,"currencyCode":"SEK","billingCycle":"annually"}}`,
			check: func(t *testing.T, p *SharedHostingUpgradePreview) {
				if !p.Preview || p.NewProduct.Slug != "webbhotell-business" || p.PriceChange.BillingCycle != "annually" {
					t.Errorf("preview = %+v", p)
				}
				wantAmount(t, "priceChange.amount", p.PriceChange.Amount, "100")
				wantAmount(t, "priceChange.recurringAmount", p.PriceChange.RecurringAmount, "1188")
			}},
		{name: "products null", body: `{"preview":true,"currentProduct":null,"newProduct":null,"priceChange":{"amount":-12.5,"recurringAmount":374}}`,
			check: func(t *testing.T, p *SharedHostingUpgradePreview) {
				if p.CurrentProduct != nil || p.NewProduct != nil {
					t.Errorf("preview = %+v", p)
				}
				wantAmount(t, "priceChange.amount", p.PriceChange.Amount, "-12.5")
			}},
		{name: "without priceChange.amount", body: `{"preview":true,"priceChange":{"recurringAmount":1188,"currencyCode":"SEK"}}`,
			refused: "priceChange.amount"},
		{name: "without priceChange.recurringAmount", body: `{"preview":true,"priceChange":{"amount":100}}`,
			refused: "priceChange.recurringAmount"},
		{name: "without priceChange", body: `{"preview":true}`, refused: "priceChange.amount"},
	})

	commit := func(ctx context.Context, c *Client) (*SharedHostingUpgradeResult, error) {
		return c.UpgradeSharedHosting(ctx, "acct_1", up)
	}
	runDecodeCases(t, commit, []decodeCase[SharedHostingUpgradeResult]{
		{name: "the page's example", body: `{
"upgraded": true,
"currentProduct": {
"slug": "webbhotell-start",
"name": "Start"
},
"newProduct": {
"slug": "webbhotell-business",
"name": "Business"
},
"orderId": "ord_01hxa3b4c5d6e7f8g9h0j1k2m3",
"paymentInvoice": {
"id": "inv_01hxa3b4c5d6e7f8g9h0j1k2m3",
"number": "202600001",
"amount": 100,
"currencyCode": "SEK",
"dueAt": "2026-05-27T00:00:00.000Z",
"status": "unpaid",
"paymentUrl": "/billing?invoice=202600001"
},
"renewalInvoice": null
}`, check: func(t *testing.T, r *SharedHostingUpgradeResult) {
			inv := r.PaymentInvoice
			if !r.Upgraded || r.OrderID == nil || *r.OrderID != "ord_01hxa3b4c5d6e7f8g9h0j1k2m3" || r.RenewalInvoice != nil ||
				inv == nil || inv.Number != "202600001" || inv.Status != "unpaid" || inv.PaymentURL != "/billing?invoice=202600001" {
				t.Errorf("result = %+v", r)
			}
			wantAmount(t, "paymentInvoice.amount", inv.Amount, "100")
		}},
		{name: "invoice number as a number", body: `{"upgraded":true,"orderId":"ord_1","paymentInvoice":{"id":"inv_1","number":202600001,"amount":100}}`,
			check: func(t *testing.T, r *SharedHostingUpgradeResult) {
				if r.PaymentInvoice.Number != "202600001" {
					t.Errorf("number = %q", r.PaymentInvoice.Number)
				}
			}},
		{name: "nothing invoiced", body: `{"upgraded":true,"orderId":"ord_1","paymentInvoice":null,"renewalInvoice":null}`,
			check: func(t *testing.T, r *SharedHostingUpgradeResult) {
				if r.PaymentInvoice != nil {
					t.Errorf("result = %+v", r)
				}
			}},
		{name: "without the products", body: `{"upgraded":true,"orderId":"ord_1"}`},
		{name: "without paymentInvoice.amount", body: `{"upgraded":true,"paymentInvoice":{"id":"inv_1","number":"202600001"}}`,
			refused: "paymentInvoice.amount"},
		{name: "without renewalInvoice.amount", body: `{"upgraded":true,"renewalInvoice":{"id":"inv_2"}}`,
			refused: "renewalInvoice.amount"},
	})
}

func TestDecodeHostingUpgradeV1(t *testing.T) {
	up := func(ctx context.Context, c *Client) (*HostingUpgradeV1Result, error) {
		return c.UpgradeHostingAccountV1(ctx, 20000, "1912")
	}
	runDecodeCases(t, up, []decodeCase[HostingUpgradeV1Result]{
		{name: "the page's example", body: `{
  "success": true,
  "timestamp": "2026-02-10T00:00:00.000Z",
  "requestId": "2121ae20-bd9d-41e9-aeeb-5dd1dd1a24ba",
  "data": {
    "message": "Successfully upgraded to Start plan",
    "orderId": 33784,
    "orderNum": 1941404912,
    "total": "-645.43",
    "redirectUrl": "/billing",
    "upgradedTo": {
      "productId": "1912",
      "name": "Start"
    }
  }
}`, check: func(t *testing.T, r *HostingUpgradeV1Result) {
			if r.OrderID != 33784 || r.OrderNum != 1941404912 || r.InvoiceID != "" || r.RedirectURL != "/billing" ||
				r.UpgradedTo != (UpgradedTo{ProductID: "1912", Name: "Start"}) {
				t.Errorf("result = %+v", r)
			}
			wantAmount(t, "data.total", r.Total, "-645.43")
		}},
		{name: "ids and total in the other JSON type", body: v1Body(`{"message":"Successfully upgraded to Business plan",` +
			`"invoiceId":50619,"orderId":"33784","orderNum":"1941404912","total":238.03,"redirectUrl":"/billing",` +
			`"upgradedTo":{"productId":"1913","name":"Business"}}`),
			check: func(t *testing.T, r *HostingUpgradeV1Result) {
				if r.InvoiceID != "50619" || r.OrderID != 33784 || r.OrderNum != 1941404912 {
					t.Errorf("result = %+v", r)
				}
				wantAmount(t, "data.total", r.Total, "238.03")
			}},
		{name: "with invoiceId", body: v1Body(`{"invoiceId":"50619","orderId":33784,"orderNum":1941404912,"total":"238.03"}`),
			check: func(t *testing.T, r *HostingUpgradeV1Result) {
				if r.InvoiceID != "50619" {
					t.Errorf("invoiceId = %q", r.InvoiceID)
				}
			}},
		{name: "without total", body: v1Body(`{"message":"Successfully upgraded","orderId":33784,"orderNum":1941404912}`),
			refused: "data.total"},
		{name: "total null", body: v1Body(`{"orderId":33784,"total":null}`), refused: "data.total"},
	})
}
