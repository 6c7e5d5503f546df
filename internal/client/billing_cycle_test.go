package client_test

import (
	"context"
	"testing"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// The shop account (Mini, monthly, 19 of 28 days left) moves to annual
// billing: 374 − 39 × 19/28 = 347.54 due now.
func TestSimulatorV2BillingCycleChange(t *testing.T) {
	c, sim, seed := newSimClient(t)
	ctx := context.Background()
	ch := client.BillingCycleChange{BillingCycle: "annually"}

	preview, err := c.PreviewBillingCycleChange(ctx, seed.ShopAccountV2ID, ch)
	if err != nil {
		t.Fatal(err)
	}
	if !preview.DryRun || preview.AccountID != seed.ShopAccountV2ID || preview.CurrentBillingCycle != "monthly" ||
		preview.NewBillingCycle != "annually" || preview.PriceChange.Amount.String() != "347.54" ||
		preview.PriceChange.RecurringAmount.String() != "374" || preview.PriceChange.CurrencyCode != "SEK" ||
		preview.PriceChange.BillingCycle != "annually" || !preview.Actions.CanCommit.Allowed {
		t.Errorf("preview: %+v", preview)
	}
	if len(sim.Orders()) != 0 {
		t.Fatal("a preview bought something")
	}

	res, err := c.ChangeBillingCycle(ctx, seed.ShopAccountV2ID, ch)
	if err != nil {
		t.Fatal(err)
	}
	order := sim.Orders()[0]
	if res.DryRun || *res.OrderID != order.ID || res.PaymentInvoice.ID != order.InvoiceID ||
		res.PaymentInvoice.Amount.String() != "347.54" || res.PaymentInvoice.Status != "unpaid" || res.RenewalInvoice != nil ||
		res.CurrentBillingCycle != "monthly" || res.NewBillingCycle != "annually" || res.PriceChange.Amount.String() != "347.54" {
		t.Errorf("result: %+v", res)
	}
	cycles, err := c.GetSharedHostingBillingCycles(ctx, seed.ShopAccountV2ID)
	if err != nil {
		t.Fatal(err)
	}
	if cycles.CurrentBillingCycle != "annually" || cycles.Actions.CanChangeBillingCycle.Allowed || len(cycles.BlockingInvoices) != 1 {
		t.Errorf("after the change: %+v", cycles)
	}

	// Its own invoice now blocks a further change; the same cycle is refused.
	_, err = c.PreviewBillingCycleChange(ctx, seed.ShopAccountV2ID, client.BillingCycleChange{BillingCycle: "monthly"})
	if !client.HasCode(err, client.ErrorCodeExistingInvoiceBlocking) {
		t.Errorf("want existing_invoice_blocking, got %v", err)
	}
	_, err = c.ChangeBillingCycle(ctx, seed.ShopAccountV2ID, ch)
	if !client.HasCode(err, client.ErrorCodeSameBillingCycle) {
		t.Errorf("want same_billing_cycle, got %v", err)
	}
	// cancelExistingInvoice is sent when asked for, and only then.
	sim.SetHostingBillingCycle(seed.ShopAccountV2ID, "monthly")
	if _, err := c.PreviewBillingCycleChange(ctx, seed.ShopAccountV2ID, client.BillingCycleChange{BillingCycle: "annually", CancelExistingInvoice: true}); err != nil {
		t.Errorf("opted-in preview: %v", err)
	}
	sent := sim.Requests()
	last := sent[len(sent)-1]
	if last.Route != hostupsim.RouteV2HostingChangeCycle || last.Body["cancelExistingInvoice"] != true || last.Body["dryRun"] != true {
		t.Errorf("last request: %+v", last)
	}
}
