package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
	"github.com/hostup/terraform-provider-hostup/internal/provider/purchase"
)

// billingCycleChange moves one v2 account to another billing cycle.
type billingCycleChange struct {
	paidChange
	account string
	req     client.BillingCycleChange
}

// Inspect checks the target cycle against what the account offers, and
// whether HostUp allows a change now, before any preview.
func (ch *billingCycleChange) Inspect(ctx context.Context, diags *diag.Diagnostics) *purchase.Quote {
	cycles, err := ch.client.GetSharedHostingBillingCycles(ctx, ch.account)
	if err != nil {
		apierror.Add(diags, "Could not read the billing cycles of account "+ch.account, err, accountErrors)
		return nil
	}
	target, current := ch.req.BillingCycle, cycles.CurrentBillingCycle
	q := &purchase.Quote{From: current, FromName: current, To: target, ToName: target}
	if current == target {
		q.InPlace = true
		return q
	}
	if !slices.ContainsFunc(cycles.Cycles, func(c client.BillingCycleV2) bool { return c.BillingCycle == target }) {
		diags.AddAttributeError(path.Root("billing_cycle"), "Billing cycle not offered for this account",
			fmt.Sprintf("Account %s cannot be billed %s. Offered: %s. The hostup_billing_cycle data source lists them.",
				ch.account, target, describeCycles(cycles.Cycles)))
		return nil
	}
	gate := cycles.Actions.CanChangeBillingCycle
	if len(cycles.BlockingInvoices) > 0 && !ch.req.CancelExistingInvoice {
		diags.AddAttributeError(path.Root("cancel_existing_invoice"), "An unpaid invoice blocks the billing-cycle change",
			fmt.Sprintf("HostUp refuses to change the billing cycle of account %s now (unpaid: %s). Pay the invoice in HostUp's "+
				"control panel, or set cancel_existing_invoice = true on this resource to let HostUp cancel it as part of the "+
				"change (the plan then names each invoice it cancels). Nothing was bought.", ch.account, describeInvoices(cycles.BlockingInvoices)))
		return nil
	}
	refusal := gateRefusal{change: "billing-cycle change", action: "change the billing cycle of account " + ch.account,
		subject: path.Root("account_id"), cancelOptIn: ch.req.CancelExistingInvoice}
	if !refusal.allows(gate, diags) || !namesBlockingInvoices(gate, cycles.BlockingInvoices, ch.req.CancelExistingInvoice, diags) {
		return nil
	}
	q.InvoicesToCancel = invoicesToCancel(cycles.BlockingInvoices)
	q.Canonical = hostingCanonical(ctx, ch.client, ch.account)
	return q
}

// Price asks HostUp for the price of the change with a dry run.
func (ch *billingCycleChange) Price(ctx context.Context, q *purchase.Quote, diags *diag.Diagnostics) bool {
	preview, err := ch.client.PreviewBillingCycleChange(ctx, ch.account, ch.request(q))
	if err != nil {
		apierror.Add(diags, fmt.Sprintf("Could not preview the price of billing account %s %s", ch.account, ch.req.BillingCycle), err, ch.about.Errors)
		return false
	}
	if gate := preview.Actions.CanCommit; gateClosed(gate) {
		diags.AddAttributeError(path.Root("billing_cycle"), "HostUp would not carry out this billing-cycle change",
			fmt.Sprintf("HostUp's preview of billing account %s %s says it cannot be committed: %s. Nothing was bought.",
				ch.account, ch.req.BillingCycle, describeGate(gate)))
		return false
	}
	q.Price = &preview.PriceChange
	return true
}

// Commit buys the change. same_billing_cycle means the account is already
// billed so: converged, nothing bought.
func (ch *billingCycleChange) Commit(ctx context.Context, q *purchase.Quote) (*purchase.Receipt, error) {
	res, err := ch.client.ChangeBillingCycle(ctx, ch.account, ch.request(q))
	if client.HasCode(err, client.ErrorCodeSameBillingCycle) {
		return &purchase.Receipt{InPlace: true}, nil
	}
	if err != nil {
		return nil, err
	}
	out := &purchase.Receipt{Order: purchase.OrderFromV2(res.OrderID, res.PaymentInvoice), From: res.CurrentBillingCycle, To: res.NewBillingCycle}
	if inv := res.PaymentInvoice; inv != nil {
		out.Invoiced, out.Charged = true, inv.Amount
	} else {
		// Without an invoice (a credit, or nothing due) the answer's price
		// is what HostUp settled the change at; last_order records it.
		out.ChargeReported, out.Charged = true, res.PriceChange.Amount
		out.Order.SetCharged(res.PriceChange.Amount, res.PriceChange.CurrencyCode)
	}
	return out, nil
}

// Confirm reads the cycle the account is billed on. HostUp changes a cycle
// at once, so a cycle not yet changed without an order underway was not.
func (ch *billingCycleChange) Confirm(ctx context.Context) (purchase.Confirmation, error) {
	cycles, err := ch.client.GetSharedHostingBillingCycles(ctx, ch.account)
	switch {
	case err != nil:
		return purchase.Unconfirmed, err
	case cycles.CurrentBillingCycle == ch.req.BillingCycle:
		return purchase.Confirmed, nil
	case gatePending(cycles.Actions.CanChangeBillingCycle):
		return purchase.Unconfirmed, nil
	}
	return purchase.NotCarriedOut, nil
}

// request is the change as sent: it lets HostUp cancel invoices only when
// the quote names them.
func (ch *billingCycleChange) request(q *purchase.Quote) client.BillingCycleChange {
	return client.BillingCycleChange{BillingCycle: ch.req.BillingCycle, CancelExistingInvoice: len(q.InvoicesToCancel) > 0}
}

// describeCycles lists the offered cycles with their prices, the current
// one marked: "monthly 39 SEK (current), annually 374 SEK".
func describeCycles(cycles []client.BillingCycleV2) string {
	if len(cycles) == 0 {
		return "none"
	}
	parts := make([]string, 0, len(cycles))
	for _, c := range cycles {
		s := fmt.Sprintf("%s %s %s", c.BillingCycle, c.Amount, c.CurrencyCode)
		if c.IsCurrent {
			s += " (current)"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}
