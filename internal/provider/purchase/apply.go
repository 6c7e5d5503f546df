package purchase

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

// Outcome says how an apply ended, for the resource to record.
type Outcome int

const (
	// NothingPlanned: the plan held no purchase.
	NothingPlanned Outcome = iota
	// Bought: HostUp carried out the change as previewed.
	Bought
	// InPlace: HostUp had the target in place already; nothing was bought.
	InPlace
	// AnswerLost: the answer was lost, but reading HostUp confirmed the change.
	AnswerLost
	// Mismatch: HostUp carried out something other than the plan; the
	// resource records what HostUp now reports.
	Mismatch
	// Uncertain: the change may or may not have been made, and could not be
	// confirmed. Nothing was resent.
	Uncertain
	// Refused: nothing was sent, or HostUp refused the change.
	Refused
)

// confirmTimeout bounds the reads that confirm an uncertain purchase. They
// run on a context of their own, so that after Ctrl-C the user still learns
// whether the purchase was made.
const confirmTimeout = 30 * time.Second

// apply buys the change the plan priced, at most once. p holds the planned
// values and receives last_order.
// A commit whose outcome stays unknown is reported with resolution, which
// says how to resolve it.
func (f *Flow) apply(ctx context.Context, p *Fields, g Guards, ch Change, resolution string, diags *diag.Diagnostics) Outcome {
	if !p.pending() {
		return NothingPlanned
	}
	about := ch.About()
	unlock := f.ledger.lock(about.LockKey)
	defer unlock()
	// What decides the purchase is read from HostUp now, never from what the
	// provider read earlier in this run.
	ctx = client.WithFreshReads(ctx)

	// Preview again under the lock: another resource, workspace or person
	// may have changed the subject since the plan. When this run bought
	// another change there first, a refusal says so: the plan priced this
	// change before that purchase.
	boughtFirst := f.ledger.boughtBefore(about.LockKey, about.Action)
	var quoteDiags diag.Diagnostics
	q := f.quote(ctx, g, ch, &quoteDiags)
	if q != nil && !q.InPlace && !f.samePrice(ctx, p, q, about, &quoteDiags) {
		q = nil
	}
	if q == nil && len(boughtFirst) > 0 {
		addBoughtFirst(diags, about, boughtFirst)
	}
	diags.Append(quoteDiags...)
	if q == nil {
		return Refused
	}
	if q.InPlace {
		f.recordInPlace(ctx, p, about, diags)
		return InPlace
	}

	// Recorded before sending, so that a change planned in parallel never
	// misses it; withdrawn once HostUp has answered that nothing was bought.
	f.ledger.recordPurchase(about.LockKey, about.Action)
	res, err := ch.Commit(ctx, q)
	if (err == nil && res.InPlace) || (err != nil && !client.OutcomeUnknown(err)) {
		f.ledger.withdrawPurchase(about.LockKey, about.Action)
	}
	switch {
	case err == nil:
		return f.checkReceipt(ctx, p, g, q, res, about, diags)
	case client.OutcomeUnknown(err):
		return f.confirmUncertain(ctx, p, ch, err, resolution, diags)
	default:
		apierror.Add(diags, "Could not "+about.Action, err, about.Errors)
		return Refused
	}
}

// samePrice stops a purchase whose fresh preview differs from what the plan
// showed: its price, or the invoices it cancels. Terraform's own apply-time
// plan catches most such changes first; this catches the ones made in
// between.
func (f *Flow) samePrice(ctx context.Context, p *Fields, q *Quote, about About, diags *diag.Diagnostics) bool {
	if p.PriceChange.IsUnknown() || p.PriceChange.IsNull() {
		// Planned without a preview (with its warning), or priced only now
		// by the apply-time plan, which enforced max_amount.
		return true
	}
	if q.Price == nil {
		diags.AddAttributeError(about.Attribute, "HostUp no longer previews this change",
			fmt.Sprintf("The plan showed a price to %s, but HostUp now gives no preview. Nothing was bought; run terraform plan again.", about.Action))
		return false
	}
	var planned priceChangeModel
	if d := p.PriceChange.As(ctx, &planned, basetypes.ObjectAsOptions{}); d.HasError() {
		diags.Append(d...)
		return false
	}
	now := priceChangeOf(q)
	if planned.sameAs(now) {
		return true
	}
	diags.AddAttributeError(path.Root("price_change"), "Price changed since the plan",
		fmt.Sprintf("The plan showed that to %s costs %s now (%s) and cancels %s; HostUp now says %s now (%s) and %s. "+
			"Something changed at %s since the plan (another change, a new price, a new invoice). Nothing was bought. "+
			"The next terraform plan prices it again: review the new price there, then apply.",
			about.Action, planned.describeAmount(), planned.describeRecurring(), planned.describeInvoices(),
			now.describeAmount(), now.describeRecurring(), cancels(now), about.Subject))
	return false
}

func cancels(m priceChangeModel) string {
	if len(m.InvoicesToCancel.Elements()) == 0 {
		return "cancels no invoice"
	}
	return "cancels " + m.describeInvoices()
}

// checkReceipt compares HostUp's answer with the quote the commit was made
// on: the change made, and the amount charged.
func (f *Flow) checkReceipt(ctx context.Context, p *Fields, g Guards, q *Quote, res *Receipt, about About, diags *diag.Diagnostics) Outcome {
	if res.InPlace {
		f.recordInPlace(ctx, p, about, diags)
		return InPlace
	}
	f.ledger.recordInvoice(about.LockKey, res.Order.InvoiceID.ValueString())
	var d diag.Diagnostics
	p.LastOrder, d = res.Order.ToTerraform(ctx)
	diags.Append(d...)
	tflog.Info(ctx, "bought paid change", map[string]any{"subject": about.Subject, "action": about.Action, "order_id": res.Order.OrderID.ValueString()})

	var problems []string
	if res.From != "" && q.From != "" && res.From != q.From {
		problems = append(problems, fmt.Sprintf("HostUp changed it from %s, not from %s as previewed: it was changed by someone else meanwhile", res.From, q.From))
	}
	if res.To != "" && q.To != "" && res.To != q.To {
		problems = append(problems, fmt.Sprintf("HostUp moved it to %s, not to %s", res.To, q.To))
	}
	ids := fmt.Sprintf("order %s, invoice %s", tfvalue.Text(res.Order.OrderID), tfvalue.Text(res.Order.InvoiceID))
	if q.Price != nil && res.ChargeUnread != nil {
		diags.AddAttributeWarning(about.Attribute, "Could not check what HostUp charged",
			fmt.Sprintf("The request to %s was accepted (%s), but reading what HostUp invoiced failed, so the amount charged "+
				"is not known and could not be compared with the preview (%s %s). Check the invoice in HostUp's control "+
				"panel.\n\nReading it failed with: %s", about.Action, ids, q.Price.Amount, q.Price.CurrencyCode, res.ChargeUnread))
	} else if q.Price != nil {
		problems = append(problems, chargeProblems(q, res, g)...)
	}
	if len(problems) == 0 {
		return Bought
	}
	summary := "HostUp carried out a different change than planned"
	detail := fmt.Sprintf("The request to %s was accepted (%s), but: %s. ", about.Action, ids, strings.Join(problems, "; "))
	if f.onePurchase {
		diags.AddAttributeWarning(about.Attribute, summary, detail+"The purchase stands and is recorded in state; check the "+
			"invoice in HostUp's control panel, and cancel the order there or contact HostUp support if it is wrong.")
		return Bought
	}
	diags.AddAttributeError(about.Attribute, summary, detail+"State records what HostUp reports now. Check the order and "+
		"invoice in HostUp's control panel, and cancel the order there if you do not want it. If this resource was being "+
		"created, Terraform marks it tainted: the next plan adopts it again and previews the price of any change still needed.")
	return Mismatch
}

// chargeProblems compares what HostUp charged with the preview and with
// max_amount. HostUp's commit carries no price, so a price change between
// the last preview and the commit is only seen here, after the purchase.
func chargeProblems(q *Quote, res *Receipt, g Guards) []string {
	due, cur := q.Price.Amount, q.Price.CurrencyCode
	var problems []string
	switch {
	case res.Invoiced && !res.Charged.Equal(due.Decimal):
		problems = append(problems, fmt.Sprintf("HostUp invoiced %s %s, while its preview said %s", res.Charged, cur, due))
	case !res.Invoiced && res.ChargeReported && !res.Charged.Equal(due.Decimal):
		problems = append(problems, fmt.Sprintf("HostUp charged %s %s, while its preview said %s", res.Charged, cur, due))
	case !res.Invoiced && !res.ChargeReported && due.IsPositive():
		problems = append(problems, fmt.Sprintf("HostUp made no payment invoice, while its preview said %s %s was due now", due, cur))
	}
	if limit, set, err := maxAmountLimit(g.MaxAmount); err == nil && set && (res.Invoiced || res.ChargeReported) &&
		res.Charged.GreaterThan(limit.Decimal) {
		problems = append(problems, fmt.Sprintf("that is more than max_amount (%s): HostUp repriced the change between the "+
			"provider's last check and the purchase, which no client can prevent because the purchase carries no price", limit))
	}
	return problems
}

// recordInPlace records a commit that found the target already in place.
// State keeps the planned price_change, as Terraform requires; last_order
// says that nothing was bought.
func (f *Flow) recordInPlace(ctx context.Context, p *Fields, about About, diags *diag.Diagnostics) {
	var d diag.Diagnostics
	p.LastOrder, d = nothingBought().ToTerraform(ctx)
	diags.Append(d...)
	diags.AddAttributeWarning(about.Attribute, "Already in place: nothing was bought",
		fmt.Sprintf("HostUp reports that %s already has what this change asked for (changed outside Terraform since the plan), "+
			"so nothing was bought; last_order.status is %q. The next refresh clears price_change.", about.Subject, StatusNothingBought))
}

// confirmUncertain decides, after a commit whose outcome is unknown (no
// answer, an unreadable answer, or a 5xx), whether it was carried out, by
// reading HostUp. It never resends: HostUp has no idempotency key.
func (f *Flow) confirmUncertain(ctx context.Context, p *Fields, ch Change, cause error, resolution string, diags *diag.Diagnostics) Outcome {
	about := ch.About()
	cctx, cancel := context.WithTimeout(client.WithFreshReads(context.WithoutCancel(ctx)), confirmTimeout)
	confirmation, readErr := ch.Confirm(cctx)
	cancel()
	why := describeFailure(cause)
	if confirmation != Confirmed {
		detail := fmt.Sprintf("The request to %s %s, and HostUp does not show the change yet. Nothing was resent, so "+
			"nothing can have been bought twice. State records the attempt: until HostUp shows whether it was carried "+
			"out, every refresh of this resource stops with an error, and nothing is bought for it. Check %s and its "+
			"invoices in HostUp's control panel, and resolve it:%s\n\nThe request failed with: %s", about.Action, why,
			about.Subject, resolution, cause)
		if readErr != nil {
			detail += "\nReading it back failed with: " + readErr.Error()
		}
		diags.AddAttributeError(about.Attribute, "Change may not have been carried out", detail)
		return Uncertain
	}
	p.LastOrder = types.ObjectNull(orderAttrTypes)
	if client.HasCode(cause, client.ErrorCodeUpstreamRenewalRegenerationFailed) {
		diags.AddWarning("HostUp made no renewal invoice for the change",
			fmt.Sprintf("HostUp carried out the request to %s, but reported that it could not regenerate the renewal invoice. "+
				"Contact HostUp support about the missing renewal invoice, quoting this:\n\n%s", about.Action, cause))
	} else {
		diags.AddWarning("Change made, but HostUp's answer was lost",
			fmt.Sprintf("HostUp carried out the request to %s, but its answer was lost (%s), so last_order is unknown. "+
				"Find the order and invoice in HostUp's control panel.\n\nThe request failed with: %s", about.Action, why, cause))
	}
	return AnswerLost
}

// describeFailure says in the provider's own words how a request failed,
// whatever Go's error text happens to be.
func describeFailure(err error) string {
	var apiErr *client.APIError
	switch {
	case client.TimedOut(err):
		return "timed out before HostUp answered"
	case errors.As(err, &apiErr):
		return fmt.Sprintf("failed with HTTP %d from HostUp", apiErr.StatusCode)
	default:
		return "lost its answer (the connection broke, or the answer could not be read)"
	}
}
