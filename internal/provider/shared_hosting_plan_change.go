package provider

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
	"github.com/hostup/terraform-provider-hostup/internal/provider/purchase"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

// planV2Change moves a v2 account to another plan: checked against the
// account's options, previewed with a dry run, committed on the same route.
// Inspect and Price fill what the plan shows of the result (the domain, the
// product the account will be on).
type planV2Change struct {
	paidChange
	account string
	req     client.SharedHostingUpgrade
	plan    *sharedHostingPlanModel
}

func (ch *planV2Change) Inspect(ctx context.Context, diags *diag.Diagnostics) *purchase.Quote {
	opts, err := ch.client.GetSharedHostingUpgradeOptions(ctx, ch.account)
	if err != nil {
		apierror.Add(diags, "Could not read the plans account "+ch.account+" can move to", err, accountErrors)
		return nil
	}
	ch.plan.Domain = types.StringValue(opts.Domain)
	target, current := ch.req.ProductSlug, opts.CurrentPackage
	q := &purchase.Quote{From: current.ProductSlug, FromName: describeProduct(current.Name, current.ProductSlug), To: target,
		Canonical: hostingCanonicalOf(opts.Domain)}
	if current.ProductSlug == target {
		q.InPlace = true
		ch.plan.CurrentProduct = productValue(target, current.Name)
		return q
	}
	option, ok := planOption(opts.AvailableOptions, target, current.ProductSlug, "account", "account "+ch.account,
		"hostup_shared_hosting_plan_options", diags)
	if !ok {
		return nil
	}
	refusal := gateRefusal{change: "plan change", action: "change the plan of account " + ch.account,
		subject: path.Root("account_id"), cancelOptIn: ch.req.CancelExistingInvoice}
	if !refusal.allows(opts.Actions.CanUpgrade, diags) {
		return nil
	}
	if ch.req.CancelExistingInvoice {
		if q.InvoicesToCancel, ok = unpaidInvoices(ctx, ch.client, ch.account, opts.Actions.CanUpgrade, diags); !ok {
			return nil
		}
	}
	q.ToName = describeProduct(option.Name, option.ProductSlug)
	q.Downgrade = option.Type == client.OptionTypeDowngrade
	ch.plan.CurrentProduct = productValue(target, option.Name)
	return q
}

func (ch *planV2Change) Price(ctx context.Context, q *purchase.Quote, diags *diag.Diagnostics) bool {
	preview, err := ch.client.PreviewSharedHostingUpgrade(ctx, ch.account, ch.request(q))
	if err != nil {
		apierror.Add(diags, "Could not preview the price to "+ch.about.Action, err, ch.about.Errors)
		return false
	}
	q.Price = &preview.PriceChange
	if preview.NewProduct != nil && preview.NewProduct.Name != "" {
		q.ToName = describeProduct(preview.NewProduct.Name, ch.req.ProductSlug)
		ch.plan.CurrentProduct = productValue(ch.req.ProductSlug, preview.NewProduct.Name)
	}
	return true
}

// Commit buys the plan change. same_product_plan means the account is
// already there: converged, nothing bought.
func (ch *planV2Change) Commit(ctx context.Context, q *purchase.Quote) (*purchase.Receipt, error) {
	res, err := ch.client.UpgradeSharedHosting(ctx, ch.account, ch.request(q))
	if client.HasCode(err, client.ErrorCodeSameProductPlan) {
		return &purchase.Receipt{InPlace: true}, nil
	}
	if err != nil {
		return nil, err
	}
	out := &purchase.Receipt{Order: purchase.OrderFromV2(res.OrderID, res.PaymentInvoice),
		From: res.CurrentProduct.GetSlug(), To: res.NewProduct.GetSlug()}
	if inv := res.PaymentInvoice; inv != nil {
		out.Invoiced, out.Charged = true, inv.Amount
	}
	return out, nil
}

// Confirm reads the account's plan. HostUp changes a plan at once, so a
// plan not yet changed without an order underway was not.
func (ch *planV2Change) Confirm(ctx context.Context) (purchase.Confirmation, error) {
	opts, err := ch.client.GetSharedHostingUpgradeOptions(ctx, ch.account)
	switch {
	case err != nil:
		return purchase.Unconfirmed, err
	case opts.CurrentPackage.ProductSlug == ch.req.ProductSlug:
		return purchase.Confirmed, nil
	case gatePending(opts.Actions.CanUpgrade):
		return purchase.Unconfirmed, nil
	}
	return purchase.NotCarriedOut, nil
}

func (ch *planV2Change) request(q *purchase.Quote) client.SharedHostingUpgrade {
	return client.SharedHostingUpgrade{ProductSlug: ch.req.ProductSlug, CancelExistingInvoice: len(q.InvoicesToCancel) > 0}
}

// planV1Change moves a v1 account to another product. HostUp's v1 route
// has no preview: the plan says so, and the apply buys at HostUp's price.
type planV1Change struct {
	paidChange
	account int64
	plan    *sharedHostingPlanModel
}

func (ch *planV1Change) Inspect(ctx context.Context, diags *diag.Diagnostics) *purchase.Quote {
	target := ch.plan.ProductID
	q := &purchase.Quote{FromName: "its current product", ToName: ch.plan.describeTarget()}
	if !target.IsUnknown() {
		info, err := ch.client.GetHostingBillingCycle(ctx, ch.account)
		if err != nil {
			apierror.Add(diags, "Could not read the plan of "+ch.about.Subject, err, accountErrors)
			return nil
		}
		ch.plan.Domain = types.StringValue(info.AccountDetails.Domain)
		ch.plan.ServiceStatus = types.StringNull() // v1 does not report it
		if info.ProductID == target.ValueString() {
			ch.plan.CurrentProduct = productValue(info.ProductID, info.AccountDetails.Name)
			q.InPlace = true
			return q
		}
		q.From, q.FromName = info.ProductID, "product "+info.ProductID
		q.To, q.ToName = target.ValueString(), "product "+target.ValueString()
		q.Canonical = hostingCanonicalOf(info.AccountDetails.Domain)
	}
	ch.plan.CurrentProduct = types.ObjectUnknown(productAttrTypes)
	return q
}

// Price gives no price: v1 has no preview. It says so in the plan.
func (ch *planV1Change) Price(_ context.Context, q *purchase.Quote, _ *diag.Diagnostics) bool {
	q.NoPreview = purchase.Note{Summary: "No price preview for a v1 account", Detail: fmt.Sprintf(
		"HostUp's v1 upgrade route (%s) has no dry run, so the price of moving from %s to %s is unknown until apply, which "+
			"buys it at once. To see the exact price in the plan, manage the account by its v2 id (acct_…, from the "+
			"hostup_shared_hosting_accounts data source) with product_slug.", ch.about.Subject, q.FromName, q.ToName)}
	return true
}

func (ch *planV1Change) Commit(ctx context.Context, _ *purchase.Quote) (*purchase.Receipt, error) {
	res, err := ch.client.UpgradeHostingAccountV1(ctx, ch.account, ch.plan.ProductID.ValueString())
	if client.HasCode(err, client.ErrorCodeV1SameProduct) {
		return &purchase.Receipt{InPlace: true}, nil
	}
	if err != nil {
		return nil, err
	}
	o := purchase.NewOrder(strconv.FormatInt(int64(res.OrderID), 10), string(res.InvoiceID))
	o.SetCharged(res.Total, "")
	o.PaymentURL = tfvalue.NonEmpty(res.RedirectURL)
	return &purchase.Receipt{Order: o, Invoiced: res.InvoiceID != "", Charged: res.Total, ChargeReported: true}, nil
}

// Confirm reads the account's product. v1 changes a plan at once.
func (ch *planV1Change) Confirm(ctx context.Context) (purchase.Confirmation, error) {
	info, err := ch.client.GetHostingBillingCycle(ctx, ch.account)
	switch {
	case err != nil:
		return purchase.Unconfirmed, err
	case info.ProductID == ch.plan.ProductID.ValueString():
		return purchase.Confirmed, nil
	}
	return purchase.NotCarriedOut, nil
}
