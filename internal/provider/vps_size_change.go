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

func (vpsSizeKind) NewChange(c *client.Client, plan, prior *vpsSizeModel) (purchase.Change, error) {
	vm, err := parseVMID(plan.VMID.ValueString())
	if err != nil {
		return nil, err
	}
	base := vmChange(c, vm.String(), "", "options")
	if vm.isV2() {
		ch := &vpsV2Change{paidChange: base, id: vm.v2, slug: plan.ProductSlug.ValueString(), wanted: int64Map(plan.Options), plan: plan, prior: prior}
		ch.about.Action = ch.describe()
		if ch.slug != "" && len(ch.wanted) == 0 {
			ch.about.Attribute = path.Root("product_slug")
		}
		return ch, nil
	}
	ch := &vmV1Change{paidChange: base, id: vm.v1, plan: plan, prior: prior,
		up: client.VMUpgrade{Package: plan.Package.ValueString(), BillingCycle: plan.BillingCycle.ValueString()}}
	ch.diffResources()
	return ch, nil
}

// vmV1Change resizes a v1 VM: priced by an estimate (send: false), whose
// draft the commit buys. HostUp reports no v1 option quantities, so only
// quantities that differ from what state bought are sent: v1 quantities are
// totals, and sending one already in place buys nothing.
type vmV1Change struct {
	paidChange
	id          int64
	plan, prior *vpsSizeModel
	up          client.VMUpgrade
	lowers      []string
	current     *client.VMDetails // read by Inspect
	draftID     int64             // the estimate Price made, which Commit buys
}

func (ch *vmV1Change) diffResources() {
	var bought map[string]int64
	if ch.prior != nil {
		bought = int64Map(ch.prior.Resources)
	}
	d := diffQuantities(bought, int64Map(ch.plan.Resources))
	if len(d.changed) > 0 {
		ch.up.Resources = d.changed
	}
	for _, l := range d.lowers {
		ch.lowers = append(ch.lowers, "resource "+l)
	}
	ch.about.Attribute, ch.about.Errors = path.Root("package"), apierror.At(path.Root("package"), "")
	ch.about.Action = fmt.Sprintf("move VM %d to package %s", ch.id, ch.up.Package)
	switch {
	case len(ch.up.Resources) > 0 && ch.up.Package == "":
		ch.about.Action, ch.about.Attribute = fmt.Sprintf("set resources %s of VM %d", describeQuantities(ch.up.Resources), ch.id), path.Root("resources")
	case len(ch.up.Resources) > 0:
		ch.about.Action += " with resources " + describeQuantities(ch.up.Resources)
	}
}

func (ch *vmV1Change) Inspect(ctx context.Context, diags *diag.Diagnostics) *purchase.Quote {
	d, err := ch.client.GetVMDetails(ctx, ch.id)
	if err != nil {
		apierror.Add(diags, "Could not read "+ch.about.Subject, err, vmErrors)
		return nil
	}
	ch.current = d
	if ch.up.BillingCycle != "" && ch.up.BillingCycle != d.BillingCycle {
		diags.AddAttributeError(path.Root("billing_cycle"), "billing_cycle is not the VM's",
			fmt.Sprintf("%s is billed %s, and HostUp's v1 upgrade route prices a change on the VM's own cycle; it cannot change it. "+
				"Set billing_cycle = %q (or remove it). Nothing was bought.", ch.about.Subject, d.BillingCycle, d.BillingCycle))
		return nil
	}
	q := &purchase.Quote{From: d.ProductID, FromName: describeProduct(d.ProductName, d.ProductID), To: d.ProductID,
		ToName: describeProduct(d.ProductName, d.ProductID), Lowers: ch.lowers, Downgrade: len(ch.lowers) > 0,
		Canonical: canonicalName("the VM named ", d.Hostname)}
	if ch.up.Package != "" && ch.up.Package != d.ProductID {
		q.To, q.ToName = ch.up.Package, "package "+ch.up.Package
	} else {
		ch.up.Package = "" // only the resources change
	}
	if ch.up.Package == "" && len(ch.up.Resources) == 0 {
		q.InPlace = true
	}
	return q
}

func (ch *vmV1Change) Price(ctx context.Context, q *purchase.Quote, diags *diag.Diagnostics) bool {
	est, err := ch.client.EstimateVMUpgrade(ctx, ch.id, ch.up)
	if client.HasCode(err, client.ErrorCodeV1NoChanges) {
		q.InPlace = true
		return true
	}
	if err != nil {
		apierror.Add(diags, "Could not estimate the price to "+ch.about.Action, err, ch.about.Errors)
		return false
	}
	ch.draftID = est.DraftID
	q.Price = &client.PriceChange{Amount: est.Prorated, RecurringAmount: est.Recurring, CurrencyCode: est.CurrencyCode,
		BillingCycle: ch.current.BillingCycle}
	switch {
	case est.Prorated.IsNegative():
		q.Downgrade = true
	case !ch.current.Price.IsSet():
		// Without the VM's price, a lower recurring price cannot be told:
		// the guard takes the change for a downgrade.
		q.Downgrade = true
		q.Lowers = append(q.Lowers, "perhaps its recurring price (HostUp did not report the VM's current price)")
	case est.Recurring.LessThan(ch.current.Price.Decimal):
		q.Downgrade = true
		q.Lowers = append(q.Lowers, fmt.Sprintf("its recurring price %s → %s", ch.current.Price, est.Recurring))
	}
	return true
}

func (ch *vmV1Change) Commit(ctx context.Context, _ *purchase.Quote) (*purchase.Receipt, error) {
	res, err := ch.client.CommitVMUpgrade(ctx, ch.id, ch.draftID, ch.up)
	if client.HasCode(err, client.ErrorCodeV1NoChanges) {
		return &purchase.Receipt{InPlace: true}, nil
	}
	if err != nil {
		return nil, err
	}
	o := purchase.NewOrder(res.OrderID, res.InvoiceID)
	o.SetCharged(res.Total, "")
	return &purchase.Receipt{Order: o, Invoiced: res.InvoiceID != "", Charged: res.Total, ChargeReported: true}, nil
}

// Confirm asks HostUp for an estimate of the change (a preview, which buys
// nothing): HostUp answers that the VM has it already, that an order of the
// VM is still being carried out, or with a price, when neither is so. The
// VM's details cannot tell: HostUp schedules VM changes, and v1 reports no
// option quantities.
func (ch *vmV1Change) Confirm(ctx context.Context) (purchase.Confirmation, error) {
	_, err := ch.client.EstimateVMUpgrade(ctx, ch.id, ch.up)
	switch {
	case client.HasCode(err, client.ErrorCodeV1NoChanges):
		return purchase.Confirmed, nil
	case client.HasCode(err, client.ErrorCodePendingOrder):
		return purchase.Unconfirmed, nil
	case err != nil:
		return purchase.Unconfirmed, err
	}
	return purchase.NotCarriedOut, nil
}
