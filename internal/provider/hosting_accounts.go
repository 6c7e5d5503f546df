package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
	"github.com/hostup/terraform-provider-hostup/internal/provider/purchase"
)

// What the paid changes of one hosting account share, whichever resource
// makes them.

// hostingCanonical names the account by its domain, which both id
// generations report, so that one account addressed by its v1 and its v2 id
// is noticed; "" when the account cannot be read.
func hostingCanonical(ctx context.Context, c *client.Client, v2Account string) string {
	acct, err := c.LookupSharedHostingAccount(ctx, v2Account)
	if err != nil || acct.PrimaryDomain == "" {
		return ""
	}
	return hostingCanonicalOf(acct.PrimaryDomain)
}

func hostingCanonicalOf(domain string) string {
	return canonicalName("the hosting account of ", domain)
}

// invoicesToCancel are the unpaid invoices HostUp lists as blocking the
// account's changes: those cancelExistingInvoice cancels.
func invoicesToCancel(blocking []client.InvoiceSummary) []purchase.Invoice {
	out := make([]purchase.Invoice, 0, len(blocking))
	for _, inv := range blocking {
		out = append(out, purchase.Invoice{ID: inv.ID, Number: string(inv.Number), Amount: inv.Amount, CurrencyCode: inv.CurrencyCode})
	}
	return out
}

// unpaidInvoices lists the invoices a change of the account would cancel:
// its unpaid invoices, as its billing-cycle route lists them.
func unpaidInvoices(ctx context.Context, c *client.Client, account string, gate client.ActionGate, diags *diag.Diagnostics) ([]purchase.Invoice, bool) {
	cycles, err := c.GetSharedHostingBillingCycles(ctx, account)
	if err != nil {
		apierror.Add(diags, "Could not read the unpaid invoices of account "+account, err, apierror.At(path.Root("cancel_existing_invoice"), ""))
		return nil, false
	}
	return invoicesToCancel(cycles.BlockingInvoices), namesBlockingInvoices(gate, cycles.BlockingInvoices, true, diags)
}

// namesBlockingInvoices refuses to let HostUp cancel invoices that it does
// not list: the plan must name each invoice it cancels.
func namesBlockingInvoices(gate client.ActionGate, blocking []client.InvoiceSummary, cancelOptIn bool, diags *diag.Diagnostics) bool {
	if !cancelOptIn || !gateBlockedByInvoice(gate) || len(blocking) > 0 {
		return true
	}
	diags.AddAttributeError(path.Root("cancel_existing_invoice"), "HostUp does not list the invoices it would cancel",
		fmt.Sprintf("HostUp says an unpaid invoice blocks the change (%s) but does not list it, so the plan cannot name what "+
			"cancel_existing_invoice = true would cancel, and nothing unnamed is cancelled. Pay or cancel the invoice in "+
			"HostUp's control panel, then plan again. Nothing was bought.", describeGate(gate)))
	return false
}

// describeInvoices names invoices: "invoice 202600001 (39 SEK, due …)".
func describeInvoices(invoices []client.InvoiceSummary) string {
	if len(invoices) == 0 {
		return "none listed"
	}
	parts := make([]string, 0, len(invoices))
	for _, inv := range invoices {
		parts = append(parts, fmt.Sprintf("invoice %s (%s %s, due %s)", inv.Number, inv.Amount, inv.CurrencyCode, inv.DueAt))
	}
	return strings.Join(parts, ", ")
}
