package client

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// newStorageSim serves a seeded simulator that knows the test client's key
// and returns a client whose retry waits are recorded, not slept.
func newStorageSim(t *testing.T) (*Client, *recordingSleep, *hostupsim.Server, hostupsim.DemoSeed) {
	t.Helper()
	sim := hostupsim.New()
	seed := sim.SeedDemo()
	sim.AddAPIKey("test-key", hostupsim.AllScopes...)
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	c, rec := newTestClient(t, srv.URL)
	return c, rec, sim, seed
}

func TestListStorageTiers(t *testing.T) {
	c, _, sim, seed := newStorageSim(t)
	ctx := context.Background()

	list, err := c.ListStorageTiers(ctx, seed.ShopAccountV2ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Tiers) != 3 || list.Account.ID != seed.ShopAccountV2ID || list.Account.Domain != "shop.example.se" ||
		list.Account.Billing.BillingCycle != "monthly" || !list.Actions.CanAddStorage.Allowed || list.Actions.CanAddStorage.Code != nil {
		t.Fatalf("tiers: %+v", list)
	}
	small, big := list.Tiers[0], list.Tiers[2]
	if small.ID != "storage-10gb" || small.Name != "10 GB extra storage" || small.Description == "" || small.Price.String() != "49" ||
		small.CurrencyCode != "SEK" || small.BillingCycle != "annually" || small.SizeGB != 10 || !small.Available || small.Reason != nil {
		t.Errorf("10 GB tier: %+v", small)
	}
	if big.ID != "storage-50gb" || big.Available || big.Reason == nil || *big.Reason == "" {
		t.Errorf("50 GB tier on Mini: %+v", big)
	}

	sim.SetStorageTierPrice(seed.ShopAccountV2ID, "storage-10gb", hostupsim.MustMoney("49.90"))
	sim.AddPendingOrder(seed.ShopAccountV2ID)
	list, err = c.ListStorageTiers(ctx, seed.ShopAccountV2ID)
	if err != nil {
		t.Fatal(err)
	}
	gate := list.Actions.CanAddStorage
	if gate.Allowed || gate.Code == nil || *gate.Code != "pending_order" || gate.Reason == nil ||
		list.Tiers[0].Price.String() != "49.9" {
		t.Errorf("after a pending plan change: %+v", list)
	}

	if _, err := c.ListStorageTiers(ctx, "acct_01hxa3b4c5d6e7f8g9h0j1k2zz"); !IsNotFound(err) {
		t.Errorf("unknown account: %v", err)
	}
}

func TestOrderStorageAddonAndReadBack(t *testing.T) {
	c, _, sim, seed := newStorageSim(t)
	ctx := context.Background()

	res, err := c.OrderStorageAddon(ctx, seed.AccountV2ID, StorageAddonOrder{AddonID: "storage-25gb", PaymentMethod: PaymentMethodCard})
	if err != nil {
		t.Fatal(err)
	}
	orders := sim.StorageOrders(seed.AccountV2ID)
	if len(orders) != 1 || res.OrderID == nil || *res.OrderID != orders[0].ID || res.InvoiceID == nil ||
		*res.InvoiceID != orders[0].InvoiceID || res.RedirectURL == nil || *res.RedirectURL != "/billing?invoice="+orders[0].InvoiceID {
		t.Fatalf("result %+v, orders %+v", res, orders)
	}
	if body := sim.Requests()[0].Body; body["addonId"] != "storage-25gb" || body["paymentMethod"] != "card" || len(body) != 2 {
		t.Errorf("request body: %v", body)
	}

	order, err := c.GetOrder(ctx, *res.OrderID)
	if err != nil {
		t.Fatal(err)
	}
	if order.ID != *res.OrderID || order.Status != OrderStatus("pending") || order.Type != "new" || order.InvoiceID == nil ||
		*order.InvoiceID != *res.InvoiceID || order.Number == "" || order.Billing.Amount.String() != "99" ||
		order.Billing.CurrencyCode != "SEK" || order.Billing.BillingCycle != "annually" {
		t.Errorf("order: %+v", order)
	}
	inv, err := c.GetInvoice(ctx, *res.InvoiceID)
	if err != nil {
		t.Fatal(err)
	}
	if inv.ID != *res.InvoiceID || inv.Amount.String() != "99" || inv.Status != "unpaid" || inv.CurrencyCode != "SEK" || inv.DueAt == "" {
		t.Errorf("invoice: %+v", inv)
	}

	sim.Advance(time.Hour)
	if order, err = c.GetOrder(ctx, *res.OrderID); err != nil || order.Status != OrderStatus("completed") {
		t.Errorf("order after provisioning: %+v %v", order, err)
	}
	sim.RemoveOrder(*res.OrderID)
	if _, err := c.GetOrder(ctx, *res.OrderID); !IsNotFound(err) {
		t.Errorf("removed order: %v", err)
	}

	// Without a payment method the field is left out (HostUp's invoice flow).
	if _, err := c.OrderStorageAddon(ctx, seed.AccountV2ID, StorageAddonOrder{AddonID: "storage-10gb"}); err != nil {
		t.Fatal(err)
	}
	reqs := sim.Requests()
	if body := reqs[len(reqs)-1].Body; len(body) != 1 || body["addonId"] != "storage-10gb" {
		t.Errorf("request body: %v", body)
	}
}

func TestOrderStorageAddonRefusals(t *testing.T) {
	c, _, sim, seed := newStorageSim(t)
	ctx := context.Background()

	_, err := c.OrderStorageAddon(ctx, seed.AccountV2ID, StorageAddonOrder{AddonID: "storage-1tb"})
	var apiErr *APIError
	if !HasCode(err, "invalid_request") || !errors.As(err, &apiErr) || len(apiErr.FieldErrors) != 1 || apiErr.FieldErrors[0].Pointer != "/addonId" {
		t.Errorf("unknown addon: %v", err)
	}
	_, err = c.OrderStorageAddon(ctx, seed.ShopAccountV2ID, StorageAddonOrder{AddonID: "storage-50gb"})
	if !HasCode(err, "addon_unavailable") {
		t.Errorf("unavailable tier: %v", err)
	}
	sim.AddPendingOrder(seed.AccountV2ID)
	_, err = c.OrderStorageAddon(ctx, seed.AccountV2ID, StorageAddonOrder{AddonID: "storage-10gb"})
	if !HasCode(err, "pending_order") || OutcomeUnknown(err) {
		t.Errorf("closed gate: %v", err)
	}
	if n := len(sim.Orders()); n != 1 { // the pending plan change only
		t.Errorf("%d orders", n)
	}
}

// A storage POST that may have reached HostUp is never sent again: a second
// one would buy a second block.
func TestOrderStorageAddonIsNotRetriedOnceItMayHaveArrived(t *testing.T) {
	tests := []struct {
		name   string
		fault  hostupsim.Fault
		bought int
	}{
		{"503", hostupsim.Fault{Status: http.StatusServiceUnavailable}, 0},
		{"502 after commit", hostupsim.Fault{Status: http.StatusBadGateway}, 1},
		{"dropped after commit", hostupsim.Fault{DropAfterHandler: true}, 1},
		{"201 without an order id", hostupsim.Fault{OmitField: "orderId"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rec, sim, seed := newStorageSim(t)
			tt.fault.Route = hostupsim.RouteV2StorageOrder
			tt.fault.OnlyCommits = true
			sim.InjectFault(tt.fault)
			_, err := c.OrderStorageAddon(context.Background(), seed.AccountV2ID, StorageAddonOrder{AddonID: "storage-10gb"})
			if !OutcomeUnknown(err) {
				t.Errorf("want an unknown outcome, got %v", err)
			}
			if n := sim.Count(hostupsim.RouteV2StorageOrder); n != 1 || len(rec.waits) != 0 {
				t.Errorf("sent %d times, waits %v", n, rec.waits)
			}
			if n := len(sim.StorageOrders(seed.AccountV2ID)); n != tt.bought {
				t.Errorf("%d blocks bought, want %d", n, tt.bought)
			}
		})
	}
}

func TestOrderStorageAddonIsRetriedAfter429(t *testing.T) {
	c, rec, sim, seed := newStorageSim(t)
	sim.InjectFault(hostupsim.Fault{Route: hostupsim.RouteV2StorageOrder, Status: http.StatusTooManyRequests, RetryAfter: 3 * time.Second})
	if _, err := c.OrderStorageAddon(context.Background(), seed.AccountV2ID, StorageAddonOrder{AddonID: "storage-10gb"}); err != nil {
		t.Fatal(err)
	}
	if n := sim.Count(hostupsim.RouteV2StorageOrder); n != 2 || len(rec.waits) != 1 || rec.waits[0] != 3*time.Second {
		t.Errorf("sent %d times, waits %v", n, rec.waits)
	}
	if n := len(sim.StorageOrders(seed.AccountV2ID)); n != 1 {
		t.Errorf("%d blocks bought, want 1", n)
	}
}
