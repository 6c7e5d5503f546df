package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
	"github.com/hostup/terraform-provider-hostup/internal/provider/purchase"
)

// vpsV2Change moves a v2 VPS to another plan, or sets its options, each
// previewed with a dry run of its own route and committed through it. Which
// of the two it is, Inspect learns from what HostUp reports.
type vpsV2Change struct {
	paidChange
	id          string
	slug        string           // the plan configured; "" when unmanaged
	wanted      map[string]int64 // the options configured
	plan, prior *vpsSizeModel
	changed     map[string]int64 // the options that differ from HostUp's, found by Inspect
	cycle       string           // the VM's billing cycle, found by Inspect
	// priceTells: whether the change lowers the VPS is for its price to
	// tell (an option change, or a plan HostUp gives no type).
	priceTells bool
}

// describe names the change as configured, before HostUp is asked anything.
func (ch *vpsV2Change) describe() string {
	switch {
	case ch.slug != "" && len(ch.wanted) > 0:
		return fmt.Sprintf("move VM %s to %s with options %s", ch.id, ch.slug, describeQuantities(ch.wanted))
	case ch.slug != "":
		return fmt.Sprintf("move VM %s to %s", ch.id, ch.slug)
	}
	return fmt.Sprintf("set options %s of VM %s", describeQuantities(ch.wanted), ch.id)
}

func (ch *vpsV2Change) Inspect(ctx context.Context, diags *diag.Diagnostics) *purchase.Quote {
	opts, err := ch.client.GetVPSUpgradeOptions(ctx, ch.id)
	var now vpsNow
	if err == nil {
		now, err = currentVPS(ctx, ch.client, ch.id, opts, ch.wanted)
	}
	if err != nil {
		apierror.Add(diags, "Could not read what VM "+ch.id+" can change to", err, vmErrors)
		return nil
	}
	ch.cycle = now.cycle
	if !checkOptionRanges(opts.ConfigurableOptions, ch.wanted, diags) {
		return nil
	}
	d := diffQuantities(now.options, ch.wanted)
	ch.changed = d.changed
	current := describeProduct(now.name, now.slug)
	q := &purchase.Quote{From: now.slug, FromName: current, To: now.slug, ToName: current, Canonical: canonicalName("the VM named ", now.hostname)}
	planChange := ch.slug != "" && ch.slug != now.slug
	switch {
	case planChange && len(ch.changed) > 0:
		diags.AddAttributeError(path.Root("options"), "Plan and options cannot change in one apply",
			fmt.Sprintf("This plan moves VM %s to %s and changes options %s. HostUp prices the option change on the plan the "+
				"VM is on, so the two need two previews, the second after the first is bought. Change one, apply, then the "+
				"other. Nothing was bought.", ch.id, ch.slug, describeQuantities(ch.changed)))
		return nil
	case !planChange && len(ch.changed) == 0:
		q.InPlace = true
		return q
	}
	refusal := gateRefusal{change: "VPS change", action: "change VM " + ch.id, subject: path.Root("vm_id")}
	if !refusal.allows(opts.Actions.CanUpgrade, diags) {
		return nil
	}
	if !planChange {
		q.From, q.To = "", ""
		q.FromName, q.ToName = d.describe(now.options)
		q.Lowers = d.lowers
		q.Downgrade, ch.priceTells = len(q.Lowers) > 0, true
		return q
	}
	option, ok := planOption(opts.AvailablePlans, ch.slug, now.slug, "VM", "VM "+ch.id, "hostup_vps_upgrade_options", diags)
	if !ok {
		return nil
	}
	q.To, q.ToName = ch.slug, describeProduct(option.Name, ch.slug)
	q.Downgrade, ch.priceTells = option.Type == client.OptionTypeDowngrade, option.Type == ""
	return q
}

func (ch *vpsV2Change) Price(ctx context.Context, q *purchase.Quote, diags *diag.Diagnostics) bool {
	res, err := ch.send(ctx, true)
	if err != nil {
		apierror.Add(diags, "Could not preview the price to "+ch.about.Action, err, ch.about.Errors)
		return false
	}
	if gate := res.Actions.CanCommit; gateClosed(gate) {
		// HostUp does not list the invoices a VPS change would cancel, so
		// the provider never lets it cancel any.
		diags.AddAttributeError(path.Root("vm_id"), "HostUp would not carry out this VPS change",
			fmt.Sprintf("HostUp's preview to %s says it cannot be committed: %s. Pay or cancel any unpaid invoice of the VM in "+
				"HostUp's control panel, or wait for an earlier change to complete, then plan again. Nothing was bought.",
				ch.about.Action, describeGate(gate)))
		return false
	}
	pc := res.PriceChange
	q.Price = &client.PriceChange{Amount: pc.Amount, RecurringAmount: pc.RecurringAmount, CurrencyCode: pc.CurrencyCode,
		BillingCycle: valueOr(&pc.BillingCycle, ch.cycle)}
	if ch.priceTells && (pc.Amount.IsNegative() || pc.AdditionalRecurringAmount.IsNegative()) {
		q.Downgrade = true
	}
	return true
}

func (ch *vpsV2Change) Commit(ctx context.Context, _ *purchase.Quote) (*purchase.Receipt, error) {
	res, err := ch.send(ctx, false)
	if client.HasCode(err, client.ErrorCodeSameProductPlan) {
		return &purchase.Receipt{InPlace: true}, nil
	}
	if err != nil {
		return nil, err
	}
	out := &purchase.Receipt{Order: purchase.OrderFromV2(res.OrderID, res.PaymentInvoice)}
	if len(ch.changed) == 0 && res.CurrentPlan != nil && res.NewPlan != nil {
		out.From, out.To = res.CurrentPlan.ProductSlug, res.NewPlan.ProductSlug
	}
	if inv := res.PaymentInvoice; inv != nil {
		out.Invoiced, out.Charged = true, inv.Amount
	}
	return out, nil
}

// send previews or commits the change on its route.
func (ch *vpsV2Change) send(ctx context.Context, preview bool) (*client.VPSChangeResult, error) {
	if len(ch.changed) > 0 {
		change := client.VPSConfigChange{Resources: ch.changed}
		if preview {
			return ch.client.PreviewVPSConfig(ctx, ch.id, change)
		}
		return ch.client.ChangeVPSConfig(ctx, ch.id, change)
	}
	change := client.VPSPlanChange{ProductSlug: ch.slug}
	if preview {
		return ch.client.PreviewVPSPlanChange(ctx, ch.id, change)
	}
	return ch.client.ChangeVPSPlan(ctx, ch.id, change)
}

// Confirm reads the VPS: a change in place is confirmed. HostUp schedules
// VPS changes, so one not in place yet is underway while a preview of it
// says it cannot be committed for a pending order.
func (ch *vpsV2Change) Confirm(ctx context.Context) (purchase.Confirmation, error) {
	v, err := ch.client.GetVPS(ctx, ch.id)
	if err != nil {
		return purchase.Unconfirmed, err
	}
	now := vpsOptionValues(v.Options)
	done := ch.slug == "" || v.Plan.ProductSlug == ch.slug
	for k, want := range ch.wanted {
		done = done && now[k] == want
	}
	if done {
		return purchase.Confirmed, nil
	}
	ch.changed = diffQuantities(now, ch.wanted).changed
	res, err := ch.send(ctx, true)
	gate := client.ActionGate{}
	if err == nil {
		gate = res.Actions.CanCommit
	}
	if err != nil || !gate.Reported || gatePending(gate) {
		return purchase.Unconfirmed, err
	}
	return purchase.NotCarriedOut, nil
}

// checkOptionRanges refuses quantities outside what HostUp allows, where it
// says, before any preview.
func checkOptionRanges(options []client.VPSConfigOption, wanted map[string]int64, diags *diag.Diagnostics) bool {
	ok := true
	for _, o := range options {
		v, set := wanted[o.Key]
		if set && (v < int64(o.Min) || (o.Max > 0 && v > int64(o.Max))) {
			diags.AddAttributeError(path.Root("options").AtMapKey(o.Key), "Option quantity out of range",
				fmt.Sprintf("HostUp accepts %s from %d to %d; %d is outside. Nothing was bought.", o.Key, o.Min, o.Max, v))
			ok = false
		}
	}
	return ok
}
