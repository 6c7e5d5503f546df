package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
	"github.com/hostup/terraform-provider-hostup/internal/provider/purchase"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

// storageChange buys one block of a tier. HostUp has no preview of a
// storage order: its price is the tier's price, from the account's tier
// list, which Inspect reads and keeps for Price.
type storageChange struct {
	paidChange
	account string
	order   client.StorageAddonOrder
	plan    *storageAddonModel
	tier    client.StorageTier
}

// Inspect checks the tier against the account's tier list and HostUp's
// canAddStorage gate, and fills size_gb.
func (ch *storageChange) Inspect(ctx context.Context, diags *diag.Diagnostics) *purchase.Quote {
	list, err := ch.client.ListStorageTiers(ctx, ch.account)
	if err != nil {
		apierror.Add(diags, "Could not read the storage tiers of account "+ch.account, err, accountErrors)
		return nil
	}
	i := slices.IndexFunc(list.Tiers, func(t client.StorageTier) bool { return t.ID == ch.order.AddonID })
	switch {
	case i < 0:
		diags.AddAttributeError(path.Root("addon_id"), "Unknown storage tier",
			fmt.Sprintf("%q is not a storage tier of account %s. Available: %s. Nothing was bought.",
				ch.order.AddonID, ch.account, describeAvailableTiers(list.Tiers)))
		return nil
	case !list.Tiers[i].Available:
		diags.AddAttributeError(path.Root("addon_id"), "Storage tier not available",
			fmt.Sprintf("HostUp does not sell %q to account %s now: %s. Available: %s. Nothing was bought.",
				ch.order.AddonID, ch.account, valueOr(list.Tiers[i].Reason, "no reason given"), describeAvailableTiers(list.Tiers)))
		return nil
	}
	refusal := gateRefusal{change: "storage order", action: "add storage to account " + ch.account, subject: path.Root("account_id")}
	if !refusal.allows(list.Actions.CanAddStorage, diags) {
		return nil
	}
	ch.tier = list.Tiers[i]
	ch.plan.SizeGB = types.Int64Value(int64(ch.tier.SizeGB))
	return &purchase.Quote{To: ch.tier.ID, ToName: describeProduct(ch.tier.Name, ch.tier.ID), Canonical: hostingCanonicalOf(list.Account.Domain),
		Caveat: "buys one more block: a block bought before stays bought and billed"}
}

// Price is the tier's price: HostUp has no preview of a storage order.
func (ch *storageChange) Price(_ context.Context, q *purchase.Quote, _ *diag.Diagnostics) bool {
	t := ch.tier
	q.Price = &client.PriceChange{Amount: t.Price, RecurringAmount: t.Price, CurrencyCode: t.CurrencyCode, BillingCycle: t.BillingCycle}
	return true
}

// Commit buys one block, then reads its invoice so that the charge can be
// checked against the tier's price. The client refuses an answer without an
// order id as an unknown outcome, as a lost answer is.
func (ch *storageChange) Commit(ctx context.Context, _ *purchase.Quote) (*purchase.Receipt, error) {
	res, err := ch.client.OrderStorageAddon(ctx, ch.account, ch.order)
	if err != nil {
		return nil, err
	}
	invoiceID := valueOr(res.InvoiceID, "")
	out := &purchase.Receipt{Order: purchase.NewOrder(*res.OrderID, invoiceID)}
	if invoiceID != "" {
		if inv, err := ch.client.GetInvoice(ctx, invoiceID); err != nil {
			out.ChargeUnread = err
		} else {
			out.Order.SetInvoice(inv)
			out.Invoiced, out.Charged = true, inv.Amount
		}
	}
	// Where to pay is the order's redirect, which the invoice's own link
	// must not replace.
	out.Order.PaymentURL = tfvalue.NonEmpty(valueOr(res.RedirectURL, ""))
	return out, nil
}

// Confirm cannot tell: HostUp lists no bought blocks, and blocks stack.
func (ch *storageChange) Confirm(context.Context) (purchase.Confirmation, error) {
	return purchase.Unconfirmed, nil
}

// describeAvailableTiers lists the tiers the account can buy, with prices,
// in HostUp's order.
func describeAvailableTiers(tiers []client.StorageTier) string {
	var out []string
	for _, t := range tiers {
		if t.Available {
			out = append(out, fmt.Sprintf("%q (%s %s %s)", t.ID, t.Price, t.CurrencyCode, t.BillingCycle))
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, ", ")
}

// verifyStorageOrder checks that an imported order can be a storage block
// of the account: a new purchase, at the price of one of the account's
// tiers, whose invoice, while unpaid, is one of the account's. HostUp's
// order names neither its account nor its tier: what cannot be checked is
// said in a warning.
func verifyStorageOrder(ctx context.Context, env purchase.Env, account string, order *client.Order) bool {
	refuse := func(why string, args ...any) bool {
		env.Diags.AddAttributeError(path.Root("order_id"), "Not a storage block of this account",
			fmt.Sprintf("Order %s cannot be imported as a storage block of account %s: %s. Nothing was changed at HostUp; "+
				"check the order id in HostUp's control panel.", order.ID, account, fmt.Sprintf(why, args...)))
		return false
	}
	if order.Type != client.OrderTypeNew {
		return refuse("HostUp reports an order of type %q, while a storage block is bought by a new order", order.Type)
	}
	checked := []string{"its type (new)"}
	if amount := order.Billing.Amount; amount.IsSet() {
		tiers, err := env.Client.ListStorageTiers(ctx, account)
		if err != nil {
			apierror.Add(env.Diags, "Could not read the storage tiers of account "+account, err, accountErrors)
			return false
		}
		i := slices.IndexFunc(tiers.Tiers, func(t client.StorageTier) bool { return t.Price.Equal(amount.Decimal) })
		if i < 0 {
			return refuse("its amount, %s %s, is the price of none of its storage tiers (%s)", amount, order.Billing.CurrencyCode,
				describeAvailableTiers(tiers.Tiers))
		}
		checked = append(checked, fmt.Sprintf("its amount (%s %s, the price of %s)", amount, order.Billing.CurrencyCode, tiers.Tiers[i].ID))
	}
	if id := valueOr(order.InvoiceID, ""); id != "" {
		inv, err := env.Client.GetInvoice(ctx, id)
		var unpaid []purchase.Invoice
		ok := err == nil
		if ok && inv.Status == "unpaid" {
			unpaid, ok = unpaidInvoices(ctx, env.Client, account, client.ActionGate{}, env.Diags)
		}
		switch {
		case err != nil:
			apierror.Add(env.Diags, "Could not read the invoice of order "+order.ID, err, apierror.At(path.Root("order_id"), ""))
			return false
		case !ok:
			return false
		case inv.Status == "unpaid" && !slices.ContainsFunc(unpaid, func(u purchase.Invoice) bool { return u.ID == id }):
			return refuse("its invoice %s is unpaid, and the account does not list it among its unpaid invoices: it bills another account", id)
		}
		checked = append(checked, "its invoice ("+id+")")
	}
	env.Diags.AddAttributeWarning(path.Root("order_id"), "Imported storage block checked as far as HostUp tells",
		fmt.Sprintf("Order %s was checked: %s. HostUp's order names neither its account nor its tier, so that it is a block "+
			"of account %s could not be checked, and addon_id stays null. Setting addon_id later buys nothing.",
			order.ID, strings.Join(checked, ", "), account))
	return true
}
