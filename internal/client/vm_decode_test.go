package client

import (
	"context"
	"strings"
	"testing"
)

func TestDecodeVMDetails(t *testing.T) {
	get := func(ctx context.Context, c *Client) (*VMDetails, error) { return c.GetVMDetails(ctx, 10000) }
	want := func(t *testing.T, d *VMDetails) {
		t.Helper()
		if d.ID != 10000 || d.ProductID != "1937" || d.ProductName != "VPS L" || d.Hostname != "vps1.example.com" ||
			d.BillingCycle != CycleMonthly || d.CPU != 4 || d.RAMMB != 8192 || d.DiskGB != 160 || d.BandwidthLimit != 4000 ||
			d.NextDue != "2026-03-08" {
			t.Errorf("details = %+v", d)
		}
	}
	runDecodeCases(t, get, []decodeCase[VMDetails]{
		{name: "documented fields, numbers", body: v1Body(`{"id":10000,"product_id":"1937","product_name":"VPS L",` +
			`"hostname":"vps1.example.com","status":"active","billingcycle":"Monthly","price":"560.00","cpu":4,"ram":8192,` +
			`"disk":160,"bandwidth_limit":4000,"next_due":"2026-03-08"}`),
			check: func(t *testing.T, d *VMDetails) {
				want(t, d)
				wantAmount(t, "data.price", d.Price, "560")
			}},
		{name: "documented fields, strings", body: v1Body(`{"id":"10000","product_id":"1937","product_name":"VPS L",` +
			`"hostname":"vps1.example.com","status":"active","billingcycle":"m","price":560.00,"cpu":"4","ram":"8192",` +
			`"disk":"160","bandwidth_limit":"4000","next_due":"2026-03-08"}`),
			check: func(t *testing.T, d *VMDetails) {
				want(t, d)
				wantAmount(t, "data.price", d.Price, "560")
			}},
		{name: "without price", body: v1Body(`{"id":10000,"product_id":"1937","billingcycle":"Annually","cpu":4}`),
			check: func(t *testing.T, d *VMDetails) {
				wantUnset(t, "data.price", d.Price)
				if d.BillingCycle != CycleAnnually {
					t.Errorf("billingcycle = %q", d.BillingCycle)
				}
			}},
		{name: "without sizes and cycle", body: v1Body(`{"id":10000,"product_id":"1937","hostname":"vps1.example.com"}`),
			check: func(t *testing.T, d *VMDetails) {
				if d.CPU != 0 || d.BillingCycle != "" {
					t.Errorf("details = %+v", d)
				}
			}},
	})
}

// estimateBody is a v1 estimate with the documented fields the client
// reads: the draft, its two amounts, and the draft's currency.
func estimateBody(draftID, prorated, recurring string) string {
	fields := []string{`"success":true`, `"estimate":true`}
	for _, kv := range [][2]string{{"draftId", draftID}, {"prorated", prorated}, {"recurring", recurring}} {
		if kv[1] != "" {
			fields = append(fields, `"`+kv[0]+`":`+kv[1])
		}
	}
	return v1Body(`{` + strings.Join(fields, ",") + `,"raw":{"success":true,"call":"getOrderDraft","server_time":1768774971,` +
		`"draft":{"id":5257,"currency":{"code":"kr","iso":"SEK"},"available_recipients":[{"email":"someone@example.invalid","password":"x"}]}}}`)
}

func TestDecodeVMUpgradeEstimate(t *testing.T) {
	estimate := func(ctx context.Context, c *Client) (*VMUpgradeEstimate, error) {
		return c.EstimateVMUpgrade(ctx, 10000, VMUpgrade{Resources: map[string]int64{"2231": 400}})
	}
	runDecodeCases(t, estimate, []decodeCase[VMUpgradeEstimate]{
		{name: "documented fields", body: estimateBody("5257", "311.26", "600"), check: func(t *testing.T, e *VMUpgradeEstimate) {
			if e.DraftID != 5257 || e.CurrencyCode != "SEK" || e.CurrencySymbol != "kr" {
				t.Errorf("estimate = %+v", e)
			}
			wantAmount(t, "data.prorated", e.Prorated, "311.26")
			wantAmount(t, "data.recurring", e.Recurring, "600")
		}},
		{name: "draft id and amounts as strings", body: estimateBody(`"5257"`, `"311.26"`, `"600.00"`),
			check: func(t *testing.T, e *VMUpgradeEstimate) {
				if e.DraftID != 5257 {
					t.Errorf("draftId = %d", e.DraftID)
				}
				wantAmount(t, "data.prorated", e.Prorated, "311.26")
				wantAmount(t, "data.recurring", e.Recurring, "600")
			}},
		{name: "without the draft's currency", body: v1Body(`{"draftId":5257,"prorated":-12.5,"recurring":540,"raw":{"call":"getOrderDraft"}}`),
			check: func(t *testing.T, e *VMUpgradeEstimate) {
				if e.CurrencyCode != "" {
					t.Errorf("estimate = %+v", e)
				}
			}},
		{name: "without draftId", body: estimateBody("", "311.26", "600"), refused: "data.draftId"},
		{name: "without prorated", body: estimateBody("5257", "", "600"), refused: "data.prorated"},
		{name: "without recurring", body: estimateBody("5257", "311.26", ""), refused: "data.recurring"},
	})
}

func TestDecodeVMUpgradeCommit(t *testing.T) {
	commit := func(ctx context.Context, c *Client) (*VMUpgradeResult, error) {
		return c.CommitVMUpgrade(ctx, 10000, 0, VMUpgrade{Resources: map[string]int64{"2231": 400}})
	}
	runDecodeCases(t, commit, []decodeCase[VMUpgradeResult]{
		{name: "the page's example", body: `{
  "success": true,
  "timestamp": "2026-02-10T00:00:00.000Z",
  "requestId": "2121ae20-bd9d-41e9-aeeb-5dd1dd1a24ba",
  "data": {
    "success": true,
    "upgraded": true,
    "message": "Upgrade request submitted successfully",
    "orderId": 34889,
    "orderNum": 1693887344,
    "total": "-205.26",
    "redirectUrl": null,
    "raw": {
      "success": true,
      "checkout": {
        "invoice_id": 0,
        "total": "-205.26",
        "gateway": "16",
        "order_id": 34889,
        "order_num": 1693887344,
        "newtotal": "420.00"
      },
      "call": "orderConfigUpgrade",
      "server_time": 1768774971,
      "info": [
        "Function has been scheduled for execution"
      ]
    }
  }
}`, check: func(t *testing.T, r *VMUpgradeResult) {
			if !r.Upgraded || r.OrderID != "34889" || r.OrderNum != 1693887344 || r.InvoiceID != "" || r.NewRecurring == nil {
				t.Errorf("result = %+v", r)
			}
			wantAmount(t, "data.total", r.Total, "-205.26")
			wantAmount(t, "raw.checkout.newtotal", *r.NewRecurring, "420")
		}},
		{name: "ids and amounts in the other JSON type", body: v1Body(`{"success":true,"upgraded":true,"orderId":"34889",` +
			`"orderNum":"1693887344","invoiceId":49526,"total":185.71,"redirectUrl":"/billing?invoice=49526",` +
			`"raw":{"checkout":{"invoice_id":"49526","total":185.71,"newtotal":760,"order_id":34889}}}`),
			check: func(t *testing.T, r *VMUpgradeResult) {
				if r.OrderID != "34889" || r.OrderNum != 1693887344 || r.InvoiceID != "49526" {
					t.Errorf("result = %+v", r)
				}
				wantAmount(t, "data.total", r.Total, "185.71")
				wantAmount(t, "raw.checkout.newtotal", *r.NewRecurring, "760")
			}},
		{name: "without raw.checkout", body: v1Body(`{"upgraded":true,"orderId":34889,"total":"0.00"}`),
			check: func(t *testing.T, r *VMUpgradeResult) {
				if r.NewRecurring != nil {
					t.Errorf("newtotal = %v", r.NewRecurring)
				}
			}},
		{name: "without total", body: v1Body(`{"success":true,"upgraded":true,"orderId":34889,"raw":{"checkout":{"newtotal":"420.00"}}}`),
			refused: "data.total"},
	})
}
