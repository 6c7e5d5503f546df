package client

import (
	"context"
	"testing"
)

const page004Example = `{
  "success": true,
  "timestamp": "2026-02-10T00:00:00.000Z",
  "requestId": "2121ae20-bd9d-41e9-aeeb-5dd1dd1a24ba",
  "data": {
    "current": "a",
    "currentName": "Annually",
    "cycles": [
      {
        "id": "m",
        "name": "Monthly",
        "price": "79.00",
        "isCurrent": false,
        "billingCycle": "Monthly"
      },
      {
        "id": "a",
        "name": "Annually",
        "price": "708.00",
        "isCurrent": true,
        "billingCycle": "Annually"
      }
    ],
    "productId": "1912",
    "accountId": "20000",
    "accountDetails": {
      "domain": "example.com",
      "name": "Start (cpanel)",
      "total": "708.00"
    }
  }
}`

// v1CycleCases serve the hosting route and the VM route, which share a shape.
func v1CycleCases() []decodeCase[BillingCycleInfo] {
	return []decodeCase[BillingCycleInfo]{
		{name: "the page's example", body: page004Example, check: func(t *testing.T, b *BillingCycleInfo) {
			if b.Current != "a" || b.CurrentName != "Annually" || b.ProductID != "1912" || b.AccountID != "20000" ||
				len(b.Cycles) != 2 || b.Cycles[1].ID != "a" || !b.Cycles[1].IsCurrent || b.AccountDetails.Domain != "example.com" {
				t.Errorf("cycles = %+v", b)
			}
			wantAmount(t, "data.cycles[0].price", b.Cycles[0].Price, "79")
			wantAmount(t, "data.accountDetails.total", b.AccountDetails.Total, "708")
		}},
		{name: "account id and prices as numbers", body: v1Body(`{"current":"m","currentName":"Monthly",` +
			`"cycles":[{"id":"m","name":"Monthly","price":79.00,"isCurrent":true,"billingCycle":"Monthly"}],` +
			`"productId":"1912","accountId":20000,"accountDetails":{"domain":"example.com","name":"Start (cpanel)","total":79}}`),
			check: func(t *testing.T, b *BillingCycleInfo) {
				if b.AccountID != "20000" {
					t.Errorf("accountId = %q", b.AccountID)
				}
				wantAmount(t, "data.cycles[0].price", b.Cycles[0].Price, "79")
				wantAmount(t, "data.accountDetails.total", b.AccountDetails.Total, "79")
			}},
		{name: "without prices, which are only shown", body: v1Body(`{"current":"a","cycles":[{"id":"a","isCurrent":true}],` +
			`"productId":"1912","accountDetails":{"domain":"example.com"}}`),
			check: func(t *testing.T, b *BillingCycleInfo) {
				wantUnset(t, "data.cycles[0].price", b.Cycles[0].Price)
				wantUnset(t, "data.accountDetails.total", b.AccountDetails.Total)
				if b.ProductID != "1912" {
					t.Errorf("productId = %q", b.ProductID)
				}
			}},
	}
}

func TestDecodeHostingBillingCycleV1(t *testing.T) {
	runDecodeCases(t, func(ctx context.Context, c *Client) (*BillingCycleInfo, error) {
		return c.GetHostingBillingCycle(ctx, 20000)
	}, v1CycleCases())
}

func TestDecodeVMBillingCycle(t *testing.T) {
	runDecodeCases(t, func(ctx context.Context, c *Client) (*BillingCycleInfo, error) {
		return c.GetVMBillingCycle(ctx, 10000)
	}, v1CycleCases())
}

func TestDecodeSharedHostingBillingCycles(t *testing.T) {
	get := func(ctx context.Context, c *Client) (*SharedHostingBillingCycles, error) {
		return c.GetSharedHostingBillingCycles(ctx, "acct_1")
	}
	runDecodeCases(t, get, []decodeCase[SharedHostingBillingCycles]{
		{name: "documented fields", body: `{"currentBillingCycle":"annually",` +
			`"cycles":[{"billingCycle":"monthly","amount":79,"currencyCode":"SEK","isCurrent":false},` +
			`{"billingCycle":"annually","amount":708,"currencyCode":"SEK","isCurrent":true}],` +
			`"blockingInvoices":[{"id":"inv_1","number":"202600001","amount":238.03,"currencyCode":"SEK",` +
			`"dueAt":"2026-02-24T00:00:00.000Z","status":"unpaid","paymentUrl":"/billing?invoice=202600001"}],` +
			`"actions":{"canChangeBillingCycle":{"allowed":false,"reason":"Unpaid invoices block a billing-cycle change.","code":"existing_invoice_blocking"}}}`,
			check: func(t *testing.T, b *SharedHostingBillingCycles) {
				g := b.Actions.CanChangeBillingCycle
				if b.CurrentBillingCycle != "annually" || len(b.Cycles) != 2 || !b.Cycles[1].IsCurrent || len(b.BlockingInvoices) != 1 ||
					b.BlockingInvoices[0].Number != "202600001" || !g.Reported || g.Allowed || *g.Code != "existing_invoice_blocking" {
					t.Errorf("cycles = %+v", b)
				}
				wantAmount(t, "cycles[1].amount", b.Cycles[1].Amount, "708")
				wantAmount(t, "blockingInvoices[0].amount", b.BlockingInvoices[0].Amount, "238.03")
			}},
		{name: "invoice number as a number", body: `{"blockingInvoices":[{"id":"inv_1","number":202600001,"amount":1}]}`,
			check: func(t *testing.T, b *SharedHostingBillingCycles) {
				if b.BlockingInvoices[0].Number != "202600001" {
					t.Errorf("number = %q", b.BlockingInvoices[0].Number)
				}
			}},
		{name: "without amounts, which are only shown", body: `{"currentBillingCycle":"monthly","cycles":[{"billingCycle":"monthly","isCurrent":true}],` +
			`"blockingInvoices":[{"id":"inv_1"}],"actions":{"canChangeBillingCycle":{"allowed":true,"reason":null,"code":null}}}`,
			check: func(t *testing.T, b *SharedHostingBillingCycles) {
				wantUnset(t, "cycles[0].amount", b.Cycles[0].Amount)
				wantUnset(t, "blockingInvoices[0].amount", b.BlockingInvoices[0].Amount)
				if !b.Actions.CanChangeBillingCycle.Allowed {
					t.Errorf("gate = %+v", b.Actions.CanChangeBillingCycle)
				}
			}},
		{name: "without actions", body: `{"currentBillingCycle":"monthly","cycles":[],"blockingInvoices":[]}`,
			check: func(t *testing.T, b *SharedHostingBillingCycles) {
				if b.Actions.CanChangeBillingCycle.Reported {
					t.Error("an absent gate reads as reported")
				}
			}},
	})
}

func TestDecodeBillingCycleChange(t *testing.T) {
	ch := BillingCycleChange{BillingCycle: "annually"}
	const dryRun = `{"dryRun":true,"accountId":"acct_1","currentBillingCycle":"monthly","newBillingCycle":"annually",` +
		`"priceChange":{"amount":347.54,"recurringAmount":374,"currencyCode":"SEK","billingCycle":"annually"},` +
		`"actions":{"canCommit":{"allowed":true,"reason":null,"code":null}}}`
	preview := func(ctx context.Context, c *Client) (*BillingCyclePreview, error) {
		return c.PreviewBillingCycleChange(ctx, "acct_1", ch)
	}
	runDecodeCases(t, preview, []decodeCase[BillingCyclePreview]{
		{name: "documented fields", body: dryRun, check: func(t *testing.T, p *BillingCyclePreview) {
			if !p.DryRun || p.NewBillingCycle != "annually" || !p.Actions.CanCommit.Reported || !p.Actions.CanCommit.Allowed {
				t.Errorf("preview = %+v", p)
			}
			wantAmount(t, "priceChange.amount", p.PriceChange.Amount, "347.54")
			wantAmount(t, "priceChange.recurringAmount", p.PriceChange.RecurringAmount, "374")
		}},
		{name: "only the price change", body: `{"priceChange":{"amount":"-10.00","recurringAmount":"374"}}`,
			check: func(t *testing.T, p *BillingCyclePreview) {
				wantAmount(t, "priceChange.amount", p.PriceChange.Amount, "-10")
				if p.Actions.CanCommit.Reported {
					t.Error("an absent gate reads as reported")
				}
			}},
		{name: "without priceChange.amount", body: `{"dryRun":true,"priceChange":{"recurringAmount":374}}`, refused: "priceChange.amount"},
		{name: "without priceChange.recurringAmount", body: `{"dryRun":true,"priceChange":{"amount":347.54}}`, refused: "priceChange.recurringAmount"},
	})

	commit := func(ctx context.Context, c *Client) (*BillingCycleChangeResult, error) {
		return c.ChangeBillingCycle(ctx, "acct_1", ch)
	}
	const invoice = `{"id":"inv_1","number":"202600002","amount":347.54,"currencyCode":"SEK","dueAt":"2026-02-24T00:00:00.000Z",` +
		`"status":"unpaid","paymentUrl":"/billing?invoice=202600002"}`
	runDecodeCases(t, commit, []decodeCase[BillingCycleChangeResult]{
		{name: "documented fields", body: dryRun[:len(dryRun)-1] + `,"orderId":"ord_1","paymentInvoice":` + invoice + `,"renewalInvoice":null}`,
			check: func(t *testing.T, r *BillingCycleChangeResult) {
				if r.OrderID == nil || *r.OrderID != "ord_1" || r.PaymentInvoice == nil || r.PaymentInvoice.Number != "202600002" || r.RenewalInvoice != nil {
					t.Errorf("result = %+v", r)
				}
				wantAmount(t, "paymentInvoice.amount", r.PaymentInvoice.Amount, "347.54")
			}},
		{name: "without order and invoices", body: `{"dryRun":false,"priceChange":{"amount":-5,"recurringAmount":374}}`,
			check: func(t *testing.T, r *BillingCycleChangeResult) {
				if r.OrderID != nil || r.PaymentInvoice != nil {
					t.Errorf("result = %+v", r)
				}
			}},
		{name: "invoice number as a number", body: `{"priceChange":{"amount":1,"recurringAmount":374},"paymentInvoice":{"id":"inv_1","number":202600002,"amount":1}}`,
			check: func(t *testing.T, r *BillingCycleChangeResult) {
				if r.PaymentInvoice.Number != "202600002" {
					t.Errorf("number = %q", r.PaymentInvoice.Number)
				}
			}},
		{name: "without paymentInvoice.amount", body: `{"priceChange":{"amount":1,"recurringAmount":374},"paymentInvoice":{"id":"inv_1"}}`,
			refused: "paymentInvoice.amount"},
		{name: "without priceChange.amount", body: `{"priceChange":{"recurringAmount":374},"orderId":"ord_1"}`, refused: "priceChange.amount"},
	})
}
