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
)

// storageChange buys one block of a tier. HostUp has no preview of a
// storage order: its price is the tier's price, from the account's tier
// list, which Inspect reads and keeps for Price.
type storageChange struct {
	about   purchase.About
	client  *client.Client
	account string
	order   client.StorageAddonOrder
	plan    *storageAddonModel
	tier    client.StorageTier
}

func (ch *storageChange) About() purchase.About { return ch.about }

// Inspect checks the tier against the account's tier list and HostUp's
// canAddStorage gate, and fills size_gb.
func (ch *storageChange) Inspect(ctx context.Context, diags *diag.Diagnostics) *purchase.Quote {
	list, err := ch.client.ListStorageTiers(ctx, ch.account)
	if err != nil {
		apierror.Add(diags, "Could not read the storage tiers of account "+ch.account, err, apierror.At(path.Root("account_id"), accountLookup))
		return nil
	}
	tier, found := findStorageTier(list.Tiers, ch.order.AddonID)
	switch {
	case !found:
		diags.AddAttributeError(path.Root("addon_id"), "Unknown storage tier",
			fmt.Sprintf("%q is not a storage tier of account %s. Available: %s. Nothing was bought.",
				ch.order.AddonID, ch.account, describeAvailableTiers(list.Tiers)))
		return nil
	case !tier.Available:
		diags.AddAttributeError(path.Root("addon_id"), "Storage tier not available",
			fmt.Sprintf("HostUp does not sell %q to account %s now: %s. Available: %s. Nothing was bought.",
				ch.order.AddonID, ch.account, valueOr(tier.Reason, "no reason given"), describeAvailableTiers(list.Tiers)))
		return nil
	}
	refusal := gateRefusal{change: "storage order", action: "add storage to account " + ch.account, subject: path.Root("account_id")}
	if !refusal.allows(list.Actions.CanAddStorage, diags) {
		return nil
	}
	ch.tier = tier
	ch.plan.SizeGB = types.Int64Value(int64(tier.SizeGB))
	return &purchase.Quote{To: tier.ID, ToName: describeTier(tier), Canonical: hostingCanonicalOf(list.Account.Domain),
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
	if res.RedirectURL != nil && *res.RedirectURL != "" {
		out.Order.PaymentURL = types.StringValue(*res.RedirectURL)
	}
	if invoiceID == "" {
		return out, nil
	}
	inv, err := ch.client.GetInvoice(ctx, invoiceID)
	if err != nil {
		out.ChargeUnread = err
		return out, nil
	}
	// Where to pay is the order's redirect, which the invoice's own link
	// must not replace.
	paymentURL := out.Order.PaymentURL
	out.Order.SetInvoice(inv)
	out.Order.PaymentURL = paymentURL
	out.Invoiced, out.Charged = true, inv.Amount
	return out, nil
}

// Confirm cannot tell: HostUp lists no bought blocks, and blocks stack.
func (ch *storageChange) Confirm(context.Context) (purchase.Confirmation, error) {
	return purchase.Unconfirmed, nil
}

func findStorageTier(tiers []client.StorageTier, id string) (client.StorageTier, bool) {
	for _, t := range tiers {
		if t.ID == id {
			return t, true
		}
	}
	return client.StorageTier{}, false
}

// describeTier names a tier for people: "10 GB (storage-10gb)".
func describeTier(t client.StorageTier) string {
	return describeProduct(t.Name, t.ID)
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
// of the account: a new purchase, of one of the account's tier prices,
// billed by an invoice of that amount. HostUp's order names neither its
// account nor its tier, so what cannot be checked is said in a warning.
func verifyStorageOrder(ctx context.Context, env purchase.Env, account string, order *client.Order) bool {
	fail := func(why string) bool {
		env.Diags.AddAttributeError(path.Root("order_id"), "Not a storage block of this account",
			fmt.Sprintf("Order %s cannot be imported as a storage block of account %s: %s. Nothing was changed at HostUp. "+
				"Check the order id in HostUp's control panel.", order.ID, account, why))
		return false
	}
	if order.Type != client.OrderTypeNew {
		return fail(fmt.Sprintf("HostUp reports it as an order of type %q, while a storage block is bought by a new order", order.Type))
	}
	checked := []string{"its type (" + string(order.Type) + ")"}
	if amount := order.Billing.Amount; amount.IsSet() {
		tiers, err := env.Client.ListStorageTiers(ctx, account)
		if err != nil {
			apierror.Add(env.Diags, "Could not read the storage tiers of account "+account, err, apierror.At(path.Root("account_id"), accountLookup))
			return false
		}
		var matching []string
		for _, t := range tiers.Tiers {
			if t.Price.Equal(amount.Decimal) {
				matching = append(matching, t.ID)
			}
		}
		if len(matching) == 0 {
			return fail(fmt.Sprintf("its amount, %s %s, is the price of none of the account's storage tiers (%s)",
				amount, order.Billing.CurrencyCode, describeAvailableTiers(tiers.Tiers)))
		}
		checked = append(checked, fmt.Sprintf("its amount (%s %s, the price of %s)", amount, order.Billing.CurrencyCode, strings.Join(matching, " or ")))
	}
	if order.InvoiceID != nil && *order.InvoiceID != "" {
		inv, err := env.Client.GetInvoice(ctx, *order.InvoiceID)
		if err != nil {
			apierror.Add(env.Diags, "Could not read the invoice of order "+order.ID, err, apierror.At(path.Root("order_id"), ""))
			return false
		}
		if order.Billing.Amount.IsSet() && inv.Amount.IsSet() && !inv.Amount.Equal(order.Billing.Amount.Decimal) {
			return fail(fmt.Sprintf("its invoice %s is of %s %s, not of the order's amount", inv.ID, inv.Amount, inv.CurrencyCode))
		}
		checked = append(checked, "its invoice ("+inv.ID+")")
		if inv.Status == "unpaid" {
			// An unpaid invoice of the account is among those HostUp lists
			// as blocking the account's changes.
			cycles, err := env.Client.GetSharedHostingBillingCycles(ctx, account)
			if err != nil {
				apierror.Add(env.Diags, "Could not read the unpaid invoices of account "+account, err, apierror.At(path.Root("account_id"), accountLookup))
				return false
			}
			if !slices.ContainsFunc(cycles.BlockingInvoices, func(b client.InvoiceSummary) bool { return b.ID == inv.ID }) {
				return fail(fmt.Sprintf("its invoice %s is unpaid, and account %s does not list it among its unpaid invoices: it bills another account", inv.ID, account))
			}
			checked = append(checked, "that the account lists its unpaid invoice")
		}
	}
	env.Diags.AddAttributeWarning(path.Root("order_id"), "Imported storage block checked as far as HostUp tells",
		fmt.Sprintf("Order %s was checked: %s. HostUp's order names neither its account nor its tier, so that it is a block "+
			"of account %s could not be checked, and addon_id stays null. Setting addon_id later buys nothing.",
			order.ID, strings.Join(checked, ", "), account))
	return true
}
