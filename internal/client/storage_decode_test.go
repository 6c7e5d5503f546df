package client

import (
	"context"
	"testing"
)

func TestDecodeStorageTiers(t *testing.T) {
	list := func(ctx context.Context, c *Client) (*StorageTiers, error) { return c.ListStorageTiers(ctx, "acct_1") }
	const tier = `{"id":"storage-10gb","name":"10 GB","description":"10 GB extra disk","price":49,"currencyCode":"SEK",` +
		`"billingCycle":"annually","sizeGb":10,"available":true,"reason":null}`
	runDecodeCases(t, list, []decodeCase[StorageTiers]{
		{name: "documented fields", body: `{"tiers":[` + tier + `],` +
			`"actions":{"canAddStorage":{"allowed":false,"reason":"A plan change is pending.","code":"pending_order"}},` +
			`"account":{"id":"acct_1","domain":"example.com","billing":{"billingCycle":"annually"}}}`,
			check: func(t *testing.T, s *StorageTiers) {
				g := s.Actions.CanAddStorage
				if len(s.Tiers) != 1 || s.Tiers[0].ID != "storage-10gb" || s.Tiers[0].SizeGB != 10 || !s.Tiers[0].Available ||
					!g.Reported || g.Allowed || *g.Code != "pending_order" || s.Account.Billing.BillingCycle != "annually" {
					t.Errorf("tiers = %+v", s)
				}
				wantAmount(t, "tiers[0].price", s.Tiers[0].Price, "49")
			}},
		{name: "sizeGb as a string", body: `{"tiers":[{"id":"storage-50gb","price":"199.00","sizeGb":"50"}]}`,
			check: func(t *testing.T, s *StorageTiers) {
				if s.Tiers[0].SizeGB != 50 {
					t.Errorf("sizeGb = %d", s.Tiers[0].SizeGB)
				}
				wantAmount(t, "tiers[0].price", s.Tiers[0].Price, "199")
			}},
		{name: "gate code null, without account", body: `{"tiers":[],"actions":{"canAddStorage":{"allowed":true,"reason":null,"code":null}}}`,
			check: func(t *testing.T, s *StorageTiers) {
				if g := s.Actions.CanAddStorage; !g.Reported || !g.Allowed || g.Code != nil {
					t.Errorf("gate = %+v", g)
				}
			}},
		{name: "without actions", body: `{"tiers":[` + tier + `]}`,
			check: func(t *testing.T, s *StorageTiers) {
				if s.Actions.CanAddStorage.Reported {
					t.Error("an absent gate reads as reported")
				}
			}},
		{name: "without a tier's price", body: `{"tiers":[` + tier + `,{"id":"storage-50gb","sizeGb":50}]}`, refused: "tiers[1].price"},
		{name: "sizeGb with a fraction", body: `{"tiers":[{"id":"storage-10gb","price":49,"sizeGb":"10.5"}]}`, refused: `"10.5" is not a whole number`},
	})
}

func TestDecodeStorageAddonOrder(t *testing.T) {
	order := func(ctx context.Context, c *Client) (*StorageAddonOrderResult, error) {
		return c.OrderStorageAddon(ctx, "acct_1", StorageAddonOrder{AddonID: "storage-10gb"})
	}
	runDecodeCases(t, order, []decodeCase[StorageAddonOrderResult]{
		{name: "the page's example", body: `{
  "invoiceId": "inv_01hxa3b4c5d6e7f8g9h0j1k2m3",
  "orderId": "ord_01hxa3b4c5d6e7f8g9h0j1k2m3",
  "redirectUrl": "/billing?invoice=inv_01hxa3b4c5d6e7f8g9h0j1k2m3"
}`, check: func(t *testing.T, r *StorageAddonOrderResult) {
			if *r.OrderID != "ord_01hxa3b4c5d6e7f8g9h0j1k2m3" || *r.InvoiceID != "inv_01hxa3b4c5d6e7f8g9h0j1k2m3" ||
				*r.RedirectURL != "/billing?invoice=inv_01hxa3b4c5d6e7f8g9h0j1k2m3" {
				t.Errorf("result = %+v", r)
			}
		}},
		{name: "invoice and redirect null", body: `{"invoiceId":null,"orderId":"ord_1","redirectUrl":null}`,
			check: func(t *testing.T, r *StorageAddonOrderResult) {
				if r.InvoiceID != nil || r.RedirectURL != nil {
					t.Errorf("result = %+v", r)
				}
			}},
		{name: "without orderId", body: `{"invoiceId":"inv_1","redirectUrl":"/billing"}`, refused: "orderId"},
	})
}
