package provider

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// The purchase flow: the money rules, written once, that every paid resource
// runs on. A resource describes one change as a paidChange (its own preview,
// commit and confirm steps); the flow prices it at plan time, guards it, and
// at apply time buys it at most once:
//
//   - plan: preview, then the spend guard and the downgrade guard; an input
//     unknown until apply is priced at apply only when max_amount bounds it;
//   - apply: under one lock per account or VM, preview again, compare with
//     the plan and the guards, commit once, and check HostUp's answer against
//     the preview; an answer that may be lost is confirmed by reading, never
//     by sending again.

// Values of price_status: where price_change comes from.
const (
	// priceStatusPreviewed: price_change is HostUp's preview of this change.
	priceStatusPreviewed = "previewed"
	// priceStatusNoPreview: HostUp has no preview for this change (v1
	// hosting); the plan warns, and the apply buys at HostUp's price.
	priceStatusNoPreview = "not_previewable"
	// priceStatusUnpriced: an input of the change is unknown until apply and
	// no max_amount bounds it. The apply-time plan, which can price it,
	// reports "previewed" instead, and Terraform refuses the apply as an
	// inconsistent final plan: nothing unpriced is ever bought.
	priceStatusUnpriced = "unpriced"
)

// confirmTimeout bounds the reads that confirm an uncertain purchase. They run
// on a context of their own, so that after Ctrl-C the user still learns
// whether the purchase was made.
const confirmTimeout = 30 * time.Second

// purchaseFields are the attributes every paid resource shares, embedded in
// each resource's model.
type purchaseFields struct {
	MaxAmount   types.Number `tfsdk:"max_amount"`
	PriceChange types.Object `tfsdk:"price_change"`
	PriceStatus types.String `tfsdk:"price_status"`
	LastOrder   types.Object `tfsdk:"last_order"`
}

// pending reports whether the plan holds a purchase: ModifyPlan marks one by
// leaving last_order unknown.
func (p *purchaseFields) pending() bool { return p.LastOrder.IsUnknown() }

// keep copies what a plan without a purchase leaves as it is.
func (p *purchaseFields) keep(state *purchaseFields) {
	p.PriceChange = state.PriceChange
	p.PriceStatus = state.PriceStatus
	p.LastOrder = state.LastOrder
}

// settled is the state of a change that has taken effect: nothing pending.
func (p *purchaseFields) settled() {
	p.PriceChange = types.ObjectNull(priceChangeAttrTypes)
	p.PriceStatus = types.StringNull()
	if p.LastOrder.IsUnknown() {
		p.LastOrder = types.ObjectNull(lastOrderAttrTypes)
	}
}

// changeGuards are the user's limits on a change. A resource without one of
// them leaves it null.
type changeGuards struct {
	maxAmount             types.Number
	allowDowngrade        types.Bool
	cancelExistingInvoice types.Bool
}

// quote is what HostUp says a change costs now.
type quote struct {
	// price is HostUp's preview; nil when HostUp offers none (v1 hosting).
	price *client.PriceChange
	// inPlace: HostUp reports the target already in place; nothing to buy.
	inPlace bool
	// downgrade: the change lowers the plan or size.
	downgrade bool
	// from and to name what the subject is on now and what it moves to, in
	// the terms HostUp's commit answer uses, so that the answer can be
	// checked against them; "" where HostUp does not report them.
	from, to string
	// fromName and toName describe them to people ("Start (webbhotell-start)").
	fromName, toName string
	// commitData is the resource's own data for the commit (a draft id).
	commitData any
}

// receipt is HostUp's answer to a commit.
type receipt struct {
	lastOrder lastOrderModel
	// inPlace: HostUp answered that the target was already in place (changed
	// outside Terraform since the plan); nothing was bought.
	inPlace bool
	// from and to are what HostUp says it changed; "" where it does not say.
	from, to string
	// invoiced: HostUp made a payment invoice of charged for the change.
	invoiced bool
	charged  client.Amount
	// chargeReported: the answer states what was charged (with or without an
	// invoice), so it can be checked against the preview.
	chargeReported bool
	// chargeUnread: HostUp accepted the purchase, but what it charged could
	// not be read back (the invoice read failed). The charge is then not
	// checked, and the flow says so instead of guessing.
	chargeUnread error
}

// paidChange is one change of one resource instance, as the purchase flow
// sees it.
type paidChange struct {
	// subject names what the change is made to, for messages ("account acct_…").
	subject string
	// lockKey serialises commits to one account or VM in this provider process.
	lockKey string
	// action describes the change for messages ("move account acct_… to webbhotell-business").
	action string
	// attribute is where errors about the target belong.
	attribute path.Path
	errTarget apiErrorTarget
	// purchase: the resource is one purchase (a storage block). A mismatch
	// after the commit is then a warning: an error would taint the resource,
	// and its replacement would buy again.
	purchase bool

	// inspect reads what the change starts from and checks the target
	// against what HostUp offers, without asking for a price: the quote it
	// returns says whether the target is in place and whether the change is a
	// downgrade, as far as that is known before pricing.
	inspect func(ctx context.Context, diags *diag.Diagnostics) *quote
	// price asks HostUp for the price of the change and fills q.price (and
	// q.downgrade, where only the price tells). nil where HostUp has no
	// preview (v1 hosting).
	price  func(ctx context.Context, q *quote, diags *diag.Diagnostics) bool
	commit func(ctx context.Context, q *quote) (*receipt, error)
	// confirm reads HostUp, bypassing any cache, after a commit whose answer
	// may be lost: has the change taken effect? nil where nothing can be read.
	confirm func(ctx context.Context) (bool, error)
}

// purchaseLedger is what the provider process knows of its own purchases:
// the lock per account or VM, the invoices its commits created, and which
// changes it planned and bought per account or VM. It is shared by every
// paid resource of one provider process, and made anew each time the
// provider is configured, which Terraform does once per run (plan, apply).
type purchaseLedger struct {
	mu       sync.Mutex
	locks    map[string]*sync.Mutex
	invoices map[string][]string // lock key → invoice ids created by this process
	planned  map[string][]string // lock key → actions planned in this run
	bought   map[string][]string // lock key → actions committed (or maybe committed) in this run
}

func newPurchaseLedger() *purchaseLedger {
	return &purchaseLedger{locks: map[string]*sync.Mutex{}, invoices: map[string][]string{},
		planned: map[string][]string{}, bought: map[string][]string{}}
}

// notePlanned records that action is planned on key, and returns the other
// actions planned there before it in this run.
func (l *purchaseLedger) notePlanned(key, action string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	others := otherThan(l.planned[key], action)
	if !slices.Contains(l.planned[key], action) {
		l.planned[key] = append(l.planned[key], action)
	}
	return others
}

// recordPurchase records that action is being committed on key.
func (l *purchaseLedger) recordPurchase(key, action string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.bought[key] = append(l.bought[key], action)
}

// withdrawPurchase undoes recordPurchase for a commit that bought nothing.
func (l *purchaseLedger) withdrawPurchase(key, action string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if i := slices.Index(l.bought[key], action); i >= 0 {
		l.bought[key] = slices.Delete(l.bought[key], i, i+1)
	}
}

// boughtBefore returns the other actions committed on key in this run.
func (l *purchaseLedger) boughtBefore(key, action string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return otherThan(l.bought[key], action)
}

func otherThan(actions []string, action string) []string {
	var out []string
	for _, a := range actions {
		if a != action && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// lock serialises commits to one account or VM; it returns the unlock.
func (l *purchaseLedger) lock(key string) func() {
	l.mu.Lock()
	m, ok := l.locks[key]
	if !ok {
		m = &sync.Mutex{}
		l.locks[key] = m
	}
	l.mu.Unlock()
	m.Lock()
	return m.Unlock
}

func (l *purchaseLedger) recordInvoice(key, invoiceID string) {
	if invoiceID == "" {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.invoices[key] = append(l.invoices[key], invoiceID)
}

func (l *purchaseLedger) invoicesOf(key string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.invoices[key]...)
}

// purchaseFlow runs paid changes for one resource type.
type purchaseFlow struct {
	ledger *purchaseLedger
}

// planUnknown plans a change whose price cannot be known until apply: an
// input it depends on is unknown. With max_amount known, the apply-time plan
// prices the change and enforces the bound before any write; without it the
// change is marked unpriced, and the apply refuses it.
func (f *purchaseFlow) planUnknown(p *purchaseFields, noun string, unknown path.Path, diags *diag.Diagnostics) {
	p.PriceChange = types.ObjectUnknown(priceChangeAttrTypes)
	p.LastOrder = types.ObjectUnknown(lastOrderAttrTypes)
	if !p.MaxAmount.IsNull() && !p.MaxAmount.IsUnknown() {
		p.PriceStatus = types.StringUnknown()
		diags.AddAttributeWarning(unknown, "Price unknown until apply",
			fmt.Sprintf("%s is only known after apply, so the price of this %s change cannot be previewed now. "+
				"When Terraform plans the change again at apply, the provider previews it and buys it only if it costs "+
				"at most max_amount (%s); otherwise the apply stops before anything is bought.", unknown, noun, maxAmountText(p.MaxAmount)))
		return
	}
	p.PriceStatus = types.StringValue(priceStatusUnpriced)
	diags.AddAttributeWarning(unknown, "Price unknown until apply: this change will not be bought",
		fmt.Sprintf("%s is only known after apply, so the price of this %s change cannot be previewed now, and nothing "+
			"bounds it. Applying this plan stops before anything is bought (Terraform reports an inconsistent final plan "+
			"for price_status). Either set max_amount to the most you accept to pay now, or apply what %s comes from "+
			"first (-target) and plan again to see the exact price.", unknown, noun, unknown))
}

// plan prices a change at plan time and applies the guards. It fills
// price_change, price_status and last_order, and returns HostUp's quote
// (nil after an error).
func (f *purchaseFlow) plan(ctx context.Context, p *purchaseFields, g changeGuards, ch *paidChange, diags *diag.Diagnostics) *quote {
	// An earlier purchase on the same account or VM in this run means this
	// is the plan Terraform makes again at apply, after that purchase: the
	// price this change was planned at may no longer hold. The ledger is
	// read after the preview, which may have met that purchase.
	var quoteDiags diag.Diagnostics
	q := f.quote(ctx, g, ch, &quoteDiags)
	boughtFirst := f.ledger.boughtBefore(ch.lockKey, ch.action)
	if q == nil && len(boughtFirst) > 0 {
		addBoughtFirst(diags, ch, boughtFirst)
	}
	diags.Append(quoteDiags...)
	if q == nil {
		return nil
	}
	if q.inPlace {
		p.PriceChange = types.ObjectNull(priceChangeAttrTypes)
		p.PriceStatus = types.StringNull()
		return q
	}
	if len(boughtFirst) > 0 {
		diags.AddAttributeWarning(ch.attribute, "Another paid change to "+ch.subject+" was bought first",
			fmt.Sprintf("This run already bought another change to %s (to %s), after the price of this one was previewed. "+
				"If that changed its price, Terraform stops this change as an inconsistent final plan for price_change, "+
				"before anything is bought for it; the next terraform plan prices it again.", ch.subject, strings.Join(boughtFirst, "; to ")))
	} else if others := f.ledger.notePlanned(ch.lockKey, ch.action); len(others) > 0 {
		diags.AddAttributeWarning(ch.attribute, "Another paid change to "+ch.subject+" is planned",
			fmt.Sprintf("%s has another paid change planned in this run (to %s): the price of this one was previewed before it, "+
				"and the apply will refuse this one if the other changes its price; the next plan prices it again.",
				capitalize(ch.subject), strings.Join(others, "; to ")))
	}
	if q.price == nil {
		p.PriceChange = types.ObjectUnknown(priceChangeAttrTypes)
		p.PriceStatus = types.StringValue(priceStatusNoPreview)
	} else {
		var d diag.Diagnostics
		p.PriceChange, d = priceChangeValue(ctx, *q.price)
		diags.Append(d...)
		p.PriceStatus = types.StringValue(priceStatusPreviewed)
		tflog.Info(ctx, "previewed paid change", map[string]any{"subject": ch.subject, "action": ch.action, "amount": q.price.Amount.String()})
	}
	p.LastOrder = types.ObjectUnknown(lastOrderAttrTypes)
	return q
}

// quote inspects and prices a change, applying the guards as soon as what
// they need is known: a refused downgrade sends no preview.
func (f *purchaseFlow) quote(ctx context.Context, g changeGuards, ch *paidChange, diags *diag.Diagnostics) *quote {
	q := ch.inspect(ctx, diags)
	if diags.HasError() || q == nil {
		return nil
	}
	if q.inPlace {
		return q
	}
	if !f.checkGuards(q, g, ch, diags) {
		return nil
	}
	if ch.price == nil {
		return q
	}
	if !ch.price(ctx, q, diags) || diags.HasError() {
		return nil
	}
	if !f.checkGuards(q, g, ch, diags) {
		return nil
	}
	return q
}

// checkGuards applies the downgrade guard and the spend guard to a quote.
func (f *purchaseFlow) checkGuards(q *quote, g changeGuards, ch *paidChange, diags *diag.Diagnostics) bool {
	const outcome = "Nothing was bought."
	if q.downgrade && !g.allowDowngrade.IsNull() && !g.allowDowngrade.ValueBool() {
		if g.allowDowngrade.IsUnknown() {
			diags.AddAttributeError(path.Root("allow_downgrade"), "allow_downgrade must be known to plan a downgrade",
				fmt.Sprintf("To %s is a downgrade, and allow_downgrade is only known after apply. Set it to a value known "+
					"at plan time (true to allow the downgrade). %s", ch.action, outcome))
			return false
		}
		diags.AddAttributeError(ch.attribute, "Downgrade not allowed",
			fmt.Sprintf("To %s (from %s to %s) is a downgrade. Set allow_downgrade = true to allow it. %s",
				ch.action, q.fromName, q.toName, outcome))
		return false
	}
	if q.price == nil {
		return true
	}
	limit, set, err := maxAmountLimit(g.maxAmount)
	if err != nil {
		diags.AddAttributeError(path.Root("max_amount"), "Invalid max_amount", err.Error())
		return false
	}
	if set && q.price.Amount.GreaterThan(limit.Decimal) {
		diags.AddAttributeError(path.Root("max_amount"), "Change costs more than max_amount",
			fmt.Sprintf("To %s costs %s %s now, more than max_amount (%s). Raise max_amount to allow it. %s",
				ch.action, q.price.Amount, q.price.CurrencyCode, limit, outcome))
		return false
	}
	return true
}

// applyOutcome says how an apply ended, for the resource to record.
type applyOutcome int

const (
	// outcomeNothingPlanned: the plan held no purchase.
	outcomeNothingPlanned applyOutcome = iota
	// outcomeBought: HostUp carried out the change as previewed.
	outcomeBought
	// outcomeInPlace: HostUp had the target in place already; nothing bought.
	outcomeInPlace
	// outcomeConfirmed: the answer was lost, but reading HostUp confirmed the change.
	outcomeConfirmed
	// outcomeMismatch: HostUp carried out something other than the plan; the
	// resource records what HostUp now reports.
	outcomeMismatch
	// outcomeUncertain: the change may or may not have been made, and could
	// not be confirmed. Nothing was resent.
	outcomeUncertain
	// outcomeRefused: nothing was sent, or HostUp refused the change.
	outcomeRefused
)

// apply buys the change the plan priced, at most once. p holds the planned
// values and receives last_order.
func (f *purchaseFlow) apply(ctx context.Context, p *purchaseFields, g changeGuards, ch *paidChange, diags *diag.Diagnostics) applyOutcome {
	if !p.pending() {
		return outcomeNothingPlanned
	}
	unlock := f.ledger.lock(ch.lockKey)
	defer unlock()
	// What decides the purchase is read from HostUp now, never from what
	// the provider read earlier in this run.
	ctx = client.WithFreshReads(ctx)

	// Preview again under the lock: another resource, workspace or person may
	// have changed the subject since the plan. When this run bought another
	// change there first, a refusal says so: the plan priced this change
	// before that purchase.
	boughtFirst := f.ledger.boughtBefore(ch.lockKey, ch.action)
	var quoteDiags diag.Diagnostics
	q := f.quote(ctx, g, ch, &quoteDiags)
	if q != nil && !q.inPlace && !f.samePrice(ctx, p, q, ch, &quoteDiags) {
		q = nil
	}
	if q == nil && len(boughtFirst) > 0 {
		addBoughtFirst(diags, ch, boughtFirst)
	}
	diags.Append(quoteDiags...)
	if q == nil {
		return outcomeRefused
	}
	if q.inPlace {
		f.recordInPlace(ctx, p, ch, diags)
		return outcomeInPlace
	}
	if g.cancelExistingInvoice.ValueBool() {
		if own := f.ledger.invoicesOf(ch.lockKey); len(own) > 0 {
			diags.AddAttributeError(path.Root("cancel_existing_invoice"), "Would cancel an invoice this run created",
				fmt.Sprintf("cancel_existing_invoice = true lets HostUp cancel unpaid invoices of %s, and this run has already "+
					"bought a change there (invoice %s). To keep that purchase intact, nothing was bought: pay that invoice, "+
					"then run terraform apply again.", ch.subject, strings.Join(own, ", ")))
			return outcomeRefused
		}
	}

	// Recorded before sending, so that a change planned in parallel never
	// misses it; withdrawn once HostUp has answered that nothing was bought.
	f.ledger.recordPurchase(ch.lockKey, ch.action)
	res, err := ch.commit(ctx, q)
	if (err == nil && res.inPlace) || (err != nil && !client.OutcomeUnknown(err)) {
		f.ledger.withdrawPurchase(ch.lockKey, ch.action)
	}
	switch {
	case err == nil:
		return f.checkReceipt(ctx, p, q, res, ch, diags)
	case client.OutcomeUnknown(err):
		return f.confirmUncertain(ctx, p, ch, err, diags)
	default:
		addAPIError(diags, "Could not "+ch.action, err, ch.errTarget)
		return outcomeRefused
	}
}

// samePrice stops a purchase whose fresh preview differs from the price the
// plan showed. Terraform's own apply-time plan catches most such changes
// first; this catches the ones made in between.
func (f *purchaseFlow) samePrice(ctx context.Context, p *purchaseFields, q *quote, ch *paidChange, diags *diag.Diagnostics) bool {
	if p.PriceChange.IsUnknown() || p.PriceChange.IsNull() {
		// Planned without a preview (v1 hosting, with its warning), or priced
		// only now by the apply-time plan, which enforced max_amount.
		return true
	}
	if q.price == nil {
		diags.AddAttributeError(ch.attribute, "HostUp no longer previews this change",
			fmt.Sprintf("The plan showed a price to %s, but HostUp now gives no preview. Nothing was bought; run terraform plan again.", ch.action))
		return false
	}
	var planned priceChangeModel
	if d := p.PriceChange.As(ctx, &planned, basetypesObjectAsOptions); d.HasError() {
		diags.Append(d...)
		return false
	}
	now := priceChangeModelOf(*q.price)
	if planned.equal(now) {
		return true
	}
	diags.AddAttributeError(path.Root("price_change"), "Price changed since the plan",
		fmt.Sprintf("The plan showed that to %s costs %s now (%s per %s); HostUp now says %s now (%s per %s). "+
			"Something changed %s since the plan (another change, or a new price). Nothing was bought. The next "+
			"terraform plan prices it again: review the new price there, then apply.",
			ch.action, planned.describeAmount(), planned.describeRecurring(), planned.BillingCycle.ValueString(),
			now.describeAmount(), now.describeRecurring(), now.BillingCycle.ValueString(), ch.subject))
	return false
}

// addBoughtFirst explains a refusal of a change that was planned before
// another change to the same account or VM was bought in the same run.
func addBoughtFirst(diags *diag.Diagnostics, ch *paidChange, boughtFirst []string) {
	diags.AddAttributeError(ch.attribute, "Another paid change to "+ch.subject+" was bought first",
		fmt.Sprintf("This run already bought another change to %s (to %s). The price of this change (to %s) was previewed "+
			"before that purchase, and HostUp's answer has changed since (the other error says how), so nothing was bought for it. "+
			"The next terraform plan prices it again against %s as it is then; apply that plan to buy it.",
			ch.subject, strings.Join(boughtFirst, "; to "), ch.action, ch.subject))
}

// capitalize upper-cases the first letter of a message's subject.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// checkReceipt compares HostUp's answer with the quote the commit was made
// on: the change made, and the amount charged.
func (f *purchaseFlow) checkReceipt(ctx context.Context, p *purchaseFields, q *quote, res *receipt, ch *paidChange, diags *diag.Diagnostics) applyOutcome {
	if res.inPlace {
		f.recordInPlace(ctx, p, ch, diags)
		return outcomeInPlace
	}
	f.ledger.recordInvoice(ch.lockKey, res.lastOrder.InvoiceID.ValueString())
	var d diag.Diagnostics
	p.LastOrder, d = types.ObjectValueFrom(ctx, lastOrderAttrTypes, res.lastOrder)
	diags.Append(d...)
	tflog.Info(ctx, "bought paid change", map[string]any{"subject": ch.subject, "action": ch.action, "order_id": res.lastOrder.OrderID.ValueString()})

	var problems []string
	if res.from != "" && q.from != "" && res.from != q.from {
		problems = append(problems, fmt.Sprintf("HostUp changed it from %s, not from %s as previewed: it was changed by someone else meanwhile", res.from, q.from))
	}
	if res.to != "" && q.to != "" && res.to != q.to {
		problems = append(problems, fmt.Sprintf("HostUp moved it to %s, not to %s", res.to, q.to))
	}
	if q.price != nil && res.chargeUnread != nil {
		diags.AddAttributeWarning(ch.attribute, "Could not check what HostUp charged",
			fmt.Sprintf("The request to %s was accepted (order %s, invoice %s), but reading what HostUp invoiced failed, so the "+
				"amount charged is not known and could not be compared with the preview (%s %s). Check the invoice in HostUp's "+
				"control panel.\n\nReading it failed with: %s", ch.action, valueOrNone(res.lastOrder.OrderID),
				valueOrNone(res.lastOrder.InvoiceID), q.price.Amount, q.price.CurrencyCode, res.chargeUnread))
	} else if q.price != nil {
		due := q.price.Amount
		switch {
		case res.invoiced && !res.charged.Equal(due.Decimal):
			problems = append(problems, fmt.Sprintf("HostUp invoiced %s %s, while its preview said %s", res.charged, q.price.CurrencyCode, due))
		case !res.invoiced && res.chargeReported && !res.charged.Equal(due.Decimal):
			problems = append(problems, fmt.Sprintf("HostUp charged %s %s, while its preview said %s", res.charged, q.price.CurrencyCode, due))
		case !res.invoiced && !res.chargeReported && due.IsPositive():
			problems = append(problems, fmt.Sprintf("HostUp made no payment invoice, while its preview said %s %s was due now", due, q.price.CurrencyCode))
		}
	}
	if len(problems) == 0 {
		return outcomeBought
	}
	summary := "HostUp carried out a different change than planned"
	detail := fmt.Sprintf("The request to %s was accepted (order %s, invoice %s), but: %s. ",
		ch.action, valueOrNone(res.lastOrder.OrderID), valueOrNone(res.lastOrder.InvoiceID), strings.Join(problems, "; "))
	if ch.purchase {
		diags.AddAttributeWarning(ch.attribute, summary, detail+"The purchase stands and is recorded in state; check the "+
			"invoice in HostUp's control panel and contact HostUp support if it is wrong.")
		return outcomeBought
	}
	diags.AddAttributeError(ch.attribute, summary, detail+"State records what HostUp reports now. Check the order and "+
		"invoice in HostUp's control panel. If this resource was being created, Terraform marks it tainted: the next plan "+
		"adopts it again and previews the price of any change still needed.")
	return outcomeMismatch
}

// recordInPlace records a commit that found the target already in place.
// State keeps the planned price_change, as Terraform requires; last_order
// says that nothing was bought.
func (f *purchaseFlow) recordInPlace(ctx context.Context, p *purchaseFields, ch *paidChange, diags *diag.Diagnostics) {
	var d diag.Diagnostics
	p.LastOrder, d = types.ObjectValueFrom(ctx, lastOrderAttrTypes, nothingBought())
	diags.Append(d...)
	diags.AddAttributeWarning(ch.attribute, "Already in place: nothing was bought",
		fmt.Sprintf("HostUp reports that %s already has what this change asked for (changed outside Terraform since the plan), "+
			"so nothing was bought; last_order.status is %q. The next refresh clears price_change.", ch.subject, lastOrderNothingBought))
}

// confirmUncertain decides, after a commit whose outcome is unknown (no
// answer, an unreadable answer, or a 5xx), whether it was carried out, by
// reading HostUp. It never resends: HostUp has no idempotency key.
func (f *purchaseFlow) confirmUncertain(ctx context.Context, p *purchaseFields, ch *paidChange, cause error, diags *diag.Diagnostics) applyOutcome {
	confirmed := false
	var readErr error
	if ch.confirm != nil {
		cctx, cancel := context.WithTimeout(client.WithFreshReads(context.WithoutCancel(ctx)), confirmTimeout)
		confirmed, readErr = ch.confirm(cctx)
		cancel()
	}
	why := describeFailure(cause)
	if !confirmed {
		detail := fmt.Sprintf("The request to %s %s, and the change could not be confirmed. Nothing was resent, so nothing "+
			"can have been bought twice. Check %s and its invoices in HostUp's control panel, then run terraform plan again.\n\n"+
			"The request failed with: %s", ch.action, why, ch.subject, cause)
		if readErr != nil {
			detail += "\nReading it back failed with: " + readErr.Error()
		}
		diags.AddAttributeError(ch.attribute, "Change may not have been carried out", detail)
		return outcomeUncertain
	}
	p.LastOrder = types.ObjectNull(lastOrderAttrTypes)
	if client.HasCode(cause, client.ErrorCodeUpstreamRenewalRegenerationFailed) {
		diags.AddWarning("HostUp made no renewal invoice for the change",
			fmt.Sprintf("HostUp carried out the request to %s, but reported that it could not regenerate the renewal invoice. "+
				"Contact HostUp support about the missing renewal invoice, quoting this:\n\n%s", ch.action, cause))
	} else {
		diags.AddWarning("Change made, but HostUp's answer was lost",
			fmt.Sprintf("HostUp carried out the request to %s, but its answer was lost (%s), so last_order is unknown. "+
				"Find the order and invoice in HostUp's control panel.\n\nThe request failed with: %s", ch.action, why, cause))
	}
	return outcomeConfirmed
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

func valueOrNone(s types.String) string {
	if s.IsNull() || s.IsUnknown() || s.ValueString() == "" {
		return "none"
	}
	return s.ValueString()
}

// paidModel is a paid resource's model, as the plan skeleton needs it.
type paidModel[M any] interface {
	*M
	// purchase returns the embedded shared attributes.
	purchase() *purchaseFields
	// unknownInput names an input the price depends on that is unknown at
	// plan time; ok is false when every such input is known.
	unknownInput() (p path.Path, ok bool)
	// sameSubject reports whether state is about the same account or VM.
	sameSubject(state *M) bool
	// sameTarget reports whether the plan asks for what state already has.
	sameTarget(state *M) bool
	// keepComputed copies the computed attributes from state.
	keepComputed(state *M)
}

// replacementWarner is implemented by a paid planner whose replacement
// leaves something behind that the plan must say in words: Terraform only
// shows "must be replaced", and replacing a purchase buys again while the
// old one stays bought.
type replacementWarner[M any] interface {
	replacementWarning(plan, state *M) (summary, detail string)
}

// paidPlanner is a paid resource's own part of ModifyPlan.
type paidPlanner[M any] interface {
	// destroyWarning says what destroying the resource leaves in place.
	destroyWarning() (summary, detail string)
	// noun names the change in messages ("plan", "VPS size").
	noun() string
	// configured reports whether the provider is configured (it is not
	// during validation).
	configured() bool
	// planChange prices a change, through purchaseFlow.plan.
	planChange(ctx context.Context, plan, state *M, diags *diag.Diagnostics)
}

// modifyPaidPlan is the ModifyPlan of every paid resource. Terraform calls it
// at plan time and again at apply time, and refuses the apply if a value
// known in the first answer differs in the second ("Provider produced
// inconsistent final plan"): so a price that changed between plan and apply
// stops the purchase. Prices stay known whenever HostUp can preview them.
func modifyPaidPlan[M any, P paidModel[M]](ctx context.Context, r paidPlanner[M], flow *purchaseFlow, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		summary, detail := r.destroyWarning()
		resp.Diagnostics.AddWarning(summary, detail)
		return
	}
	plan := new(M)
	resp.Diagnostics.Append(req.Plan.Get(ctx, plan)...)
	var state *M
	if !req.State.Raw.IsNull() {
		state = new(M)
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	if resp.Diagnostics.HasError() || !r.configured() {
		return
	}
	switch {
	case state != nil && !P(plan).sameSubject(state):
		// Another account or VM forces replacement, and Terraform plans the
		// replacement again as a create (no prior state), which is where it
		// is priced. Nothing to ask HostUp here.
		if w, ok := r.(replacementWarner[M]); ok {
			summary, detail := w.replacementWarning(plan, state)
			resp.Diagnostics.AddWarning(summary, detail)
		}
		return
	case state != nil && P(plan).sameTarget(state):
		// Nothing to buy, no preview to ask for, and the computed values
		// stay as they are, so the plan is empty.
		P(plan).keepComputed(state)
	default:
		if unknown, ok := P(plan).unknownInput(); ok {
			flow.planUnknown(P(plan).purchase(), r.noun(), unknown, &resp.Diagnostics)
		} else {
			r.planChange(ctx, plan, state, &resp.Diagnostics)
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
}

// forgetIfGone handles HostUp's own answer that the account or VM a resource
// manages does not exist, and reports whether err was that answer. An import
// of such an id fails with a clear error; a managed one is removed from
// state, with its identity set first, which Terraform requires even for a
// resource that Read removes. Any other error is left to the caller.
func forgetIfGone(ctx context.Context, err error, imported bool, subject string, attribute path.Path, identity any, resp *resource.ReadResponse) bool {
	if !client.IsNotFound(err) {
		return false
	}
	if imported {
		resp.Diagnostics.AddAttributeError(attribute, "No such "+subject,
			fmt.Sprintf("HostUp answered that %s does not exist (or is not visible to this API key), so it cannot be imported. "+
				"Check the id: the data sources hostup_shared_hosting_accounts and hostup_vps_upgrade_options show what this key can see.", subject))
		return true
	}
	resp.Diagnostics.Append(resp.Identity.Set(ctx, identity)...)
	resp.Diagnostics.AddWarning("No longer at HostUp: "+subject,
		fmt.Sprintf("HostUp answered that %s does not exist (or is not visible to this API key); it was removed from state.", subject))
	resp.State.RemoveResource(ctx)
	return true
}
