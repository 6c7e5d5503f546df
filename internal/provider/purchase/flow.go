package purchase

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Flow prices paid changes at plan time and buys them at apply time, on
// the ledger of its provider process.
type Flow struct {
	ledger *Ledger
	// onePurchase: the resource is one purchase (a storage block). A
	// mismatch after the commit is then a warning: an error would taint the
	// resource, and its replacement would buy again.
	onePurchase bool
}

// NewFlow returns a flow on ledger.
func NewFlow(ledger *Ledger) *Flow { return &Flow{ledger: ledger} }

// planUnknown plans a change whose price cannot be known until apply: an
// input it depends on is unknown. With max_amount known, the apply-time plan
// prices the change and enforces the bound before any write; without it the
// change is marked unpriced, and the apply refuses it.
func (f *Flow) planUnknown(p *Fields, noun string, unknown path.Path, diags *diag.Diagnostics) {
	p.PriceChange = types.ObjectUnknown(priceChangeAttrTypes)
	p.LastOrder = types.ObjectUnknown(orderAttrTypes)
	if !p.MaxAmount.IsNull() && !p.MaxAmount.IsUnknown() {
		p.PriceStatus = types.StringUnknown()
		diags.AddAttributeWarning(unknown, "Price unknown until apply",
			fmt.Sprintf("%s is only known after apply, so the price of this %s change cannot be previewed now. "+
				"When Terraform plans the change again at apply, the provider previews it and buys it only if it costs "+
				"at most max_amount (%s); otherwise the apply stops before anything is bought.", unknown, noun, maxAmountText(p.MaxAmount)))
		return
	}
	p.PriceStatus = types.StringValue(StatusUnpriced)
	diags.AddAttributeWarning(unknown, "Price unknown until apply: this change will not be bought",
		fmt.Sprintf("%s is only known after apply, so the price of this %s change cannot be previewed now, and nothing "+
			"bounds it. Applying this plan stops before anything is bought (Terraform reports an inconsistent final plan "+
			"for price_status). Either set max_amount to the most you accept to pay now, or apply what %s comes from "+
			"first (-target) and plan again to see the exact price.", unknown, noun, unknown))
}

// plan prices a change at plan time and applies the guards. It fills
// price_change, price_status and last_order, and returns HostUp's quote (nil
// after an error).
func (f *Flow) plan(ctx context.Context, p *Fields, g Guards, ch Change, diags *diag.Diagnostics) *Quote {
	about := ch.About()
	// An earlier purchase on the same account or VM in this run means this
	// is the plan Terraform makes again at apply, after that purchase: the
	// price this change was planned at may no longer hold. The ledger is
	// read after the preview, which may have met that purchase.
	var quoteDiags diag.Diagnostics
	q := f.quote(ctx, g, ch, &quoteDiags)
	boughtFirst := f.ledger.boughtBefore(about.LockKey, about.Action)
	if q == nil && len(boughtFirst) > 0 {
		addBoughtFirst(diags, about, boughtFirst)
	}
	diags.Append(quoteDiags...)
	if q == nil {
		return nil
	}
	if q.InPlace {
		p.PriceChange = types.ObjectNull(priceChangeAttrTypes)
		p.PriceStatus = types.StringNull()
		return q
	}
	if other := f.ledger.claim(q.Canonical, about); other != "" {
		diags.AddAttributeError(about.Attribute, "One account or VM under two ids",
			fmt.Sprintf("%s and %s are the same (%s), and this run plans a paid change to each. Changes made through two "+
				"ids cannot be serialised or checked against each other, so nothing is planned for this one. Manage it by "+
				"one id (the v2 one, which previews prices) and take the other out of the configuration (terraform state rm, "+
				"or a removed block).", capitalize(other), about.Subject, q.Canonical))
		return nil
	}
	f.warnOtherChanges(about, boughtFirst, diags)
	p.LastOrder = types.ObjectUnknown(orderAttrTypes)
	if q.Price == nil {
		p.PriceChange = types.ObjectUnknown(priceChangeAttrTypes)
		p.PriceStatus = types.StringValue(StatusNoPreview)
		diags.AddAttributeWarning(about.Attribute, valueOr(q.NoPreview.Summary, "No price preview for this change"), q.NoPreview.Detail)
		return q
	}
	var d diag.Diagnostics
	p.PriceChange, d = priceChangeOf(q).ToTerraform(ctx)
	diags.Append(d...)
	p.PriceStatus = types.StringValue(StatusPreviewed)
	f.warnInvoicesToCancel(about, q, diags)
	tflog.Info(ctx, "previewed paid change", map[string]any{"subject": about.Subject, "action": about.Action, "amount": q.Price.Amount.String()})
	return q
}

// capitalize upper-cases the first letter of a message's subject.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// warnOtherChanges says when another paid change to the same account or VM
// is planned or was bought in this run.
func (f *Flow) warnOtherChanges(about About, boughtFirst []string, diags *diag.Diagnostics) {
	if len(boughtFirst) > 0 {
		diags.AddAttributeWarning(about.Attribute, "Another paid change was bought first",
			fmt.Sprintf("This run already bought another change, to %s, after the price of this one was previewed. "+
				"If that changed its price, Terraform stops this change as an inconsistent final plan for price_change, "+
				"before anything is bought for it; the next terraform plan prices it again.", strings.Join(boughtFirst, ", and to ")))
		return
	}
	if others := f.ledger.notePlanned(about.LockKey, about.Action); len(others) > 0 {
		diags.AddAttributeWarning(about.Attribute, "Two paid changes to one account or VM",
			fmt.Sprintf("This run also plans to %s. The price of this change (to %s) was previewed before that one, and "+
				"the apply refuses it if the other changes its price; the next plan prices it again.",
				strings.Join(others, "; to "), about.Action))
	}
}

// warnInvoicesToCancel names, in the plan, each invoice the change cancels.
func (f *Flow) warnInvoicesToCancel(about About, q *Quote, diags *diag.Diagnostics) {
	if len(q.InvoicesToCancel) == 0 {
		return
	}
	lines := make([]string, 0, len(q.InvoicesToCancel))
	for _, inv := range q.InvoicesToCancel {
		line := fmt.Sprintf("  - invoice %s (number %s, %s %s)", inv.ID, valueOr(inv.Number, "unknown"), inv.Amount, inv.CurrencyCode)
		if owner := f.ledger.invoiceOwner(inv.ID); owner != "" {
			line += ": it bills " + owner + ", which this configuration manages; cancelling it cancels that order too"
		}
		lines = append(lines, line)
	}
	diags.AddAttributeWarning(path.Root("cancel_existing_invoice"), "This change cancels unpaid invoices",
		fmt.Sprintf("To %s, HostUp cancels these unpaid invoices of %s (cancel_existing_invoice = true), and with each the "+
			"order it bills:\n%s\nThey are listed in price_change.invoices_to_cancel. The apply cancels exactly these: if "+
			"the set differs then, it stops before anything is sent.", about.Action, about.Subject, strings.Join(lines, "\n")))
}

// quote inspects and prices a change, applying the guards as soon as what
// they need is known: a refused downgrade sends no preview.
func (f *Flow) quote(ctx context.Context, g Guards, ch Change, diags *diag.Diagnostics) *Quote {
	q := ch.Inspect(ctx, diags)
	if diags.HasError() || q == nil {
		return nil
	}
	if q.InPlace {
		return q
	}
	if !f.checkGuards(q, g, ch.About(), diags) {
		return nil
	}
	if !ch.Price(ctx, q, diags) || diags.HasError() {
		return nil
	}
	if q.InPlace {
		return q
	}
	if !f.checkGuards(q, g, ch.About(), diags) || !f.checkInvoices(q, g, ch.About(), diags) {
		return nil
	}
	return q
}

// checkInvoices keeps invoices out of a change unless the user opted in,
// and never cancels an invoice that this run's own purchases created.
func (f *Flow) checkInvoices(q *Quote, g Guards, about About, diags *diag.Diagnostics) bool {
	if !g.cancelsInvoices() {
		q.InvoicesToCancel = nil
		return true
	}
	ids := make([]string, 0, len(q.InvoicesToCancel))
	for _, inv := range q.InvoicesToCancel {
		ids = append(ids, inv.ID)
	}
	if own := f.ledger.createdHere(ids); len(own) > 0 {
		diags.AddAttributeError(path.Root("cancel_existing_invoice"), "Would cancel an invoice this run created",
			fmt.Sprintf("cancel_existing_invoice = true lets HostUp cancel unpaid invoices of %s, and this run has already "+
				"bought a change there (invoice %s). To keep that purchase intact, nothing was bought: pay that invoice, "+
				"then run terraform apply again.", about.Subject, strings.Join(own, ", ")))
		return false
	}
	return true
}

// checkGuards applies the downgrade guard and the spend guard to a quote.
func (f *Flow) checkGuards(q *Quote, g Guards, about About, diags *diag.Diagnostics) bool {
	const outcome = "Nothing was bought."
	if q.Downgrade && !g.AllowDowngrade.IsNull() && !g.AllowDowngrade.ValueBool() {
		what := fmt.Sprintf("from %s to %s", valueOr(q.FromName, "what it has now"), valueOr(q.ToName, "less"))
		if len(q.Lowers) > 0 {
			what = "it lowers " + strings.Join(q.Lowers, ", ")
		}
		if g.AllowDowngrade.IsUnknown() {
			diags.AddAttributeError(path.Root("allow_downgrade"), "allow_downgrade must be known to plan a downgrade",
				fmt.Sprintf("To %s is a downgrade (%s), and allow_downgrade is only known after apply. Set it to a value "+
					"known at plan time (true to allow the downgrade). %s", about.Action, what, outcome))
			return false
		}
		diags.AddAttributeError(about.Attribute, "Downgrade not allowed",
			fmt.Sprintf("To %s is a downgrade (%s). Set allow_downgrade = true to allow it. %s", about.Action, what, outcome))
		return false
	}
	if q.Price == nil {
		return true
	}
	limit, set, err := maxAmountLimit(g.MaxAmount)
	if err != nil {
		diags.AddAttributeError(path.Root("max_amount"), "Invalid max_amount", err.Error())
		return false
	}
	if set && q.Price.Amount.GreaterThan(limit.Decimal) {
		diags.AddAttributeError(path.Root("max_amount"), "Change costs more than max_amount",
			fmt.Sprintf("To %s costs %s %s now, more than max_amount (%s). Raise max_amount to allow it. %s",
				about.Action, q.Price.Amount, q.Price.CurrencyCode, limit, outcome))
		return false
	}
	return true
}

// addBoughtFirst explains a refusal of a change that was planned before
// another change to the same account or VM was bought in the same run.
func addBoughtFirst(diags *diag.Diagnostics, about About, boughtFirst []string) {
	diags.AddAttributeError(about.Attribute, "Another paid change was bought first",
		fmt.Sprintf("This run already bought another change, to %s. The price of this one was previewed before that "+
			"purchase, and HostUp's answer has changed since (the other error says how), so nothing was bought for it. "+
			"The next terraform plan prices it again; apply that plan to buy it.", strings.Join(boughtFirst, ", and to ")))
}

func valueOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
