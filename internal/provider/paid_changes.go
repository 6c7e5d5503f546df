package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
	"github.com/hostup/terraform-provider-hostup/internal/provider/purchase"
)

// What every paid change tells the purchase engine about itself, by what it
// changes: a hosting account (its plan, billing cycle, storage) or a VM.

// requestFields place HostUp's field errors of the paid routes on the
// attribute that set the field. Each route takes only its own resource's
// fields, so one table serves them all.
var requestFields = map[string]path.Path{
	"/productSlug":           path.Root("product_slug"),
	"/billingCycle":          path.Root("billing_cycle"),
	"/cancelExistingInvoice": path.Root("cancel_existing_invoice"),
	"/addonId":               path.Root("addon_id"),
	"/paymentMethod":         path.Root("payment_method"),
	"/resources":             path.Root("options"),
}

// canonicalName names a subject the way HostUp reports it under both id
// generations ("the VM named web1"), so that one subject addressed by two
// ids is noticed; "" when HostUp reports no name.
func canonicalName(what, name string) string {
	if name == "" {
		return ""
	}
	return what + name
}

// paidChange is what every paid change holds: what it is about, and the
// client it buys through.
type paidChange struct {
	about  purchase.About
	client *client.Client
}

func (ch *paidChange) About() purchase.About { return ch.about }

// accountChange is a change to a hosting account. Every paid change to one
// account, whichever resource makes it, takes the same lock.
func accountChange(c *client.Client, account, action, attribute string) paidChange {
	return paidChange{client: c, about: purchase.About{Subject: "account " + account, LockKey: "hosting:" + account, Action: action,
		Attribute: path.Root(attribute), Errors: apierror.Target{Attribute: path.Root(attribute), Lookup: accountLookup, Pointers: requestFields}}}
}

// vmChange is a change to a VM.
func vmChange(c *client.Client, vm, action, attribute string) paidChange {
	return paidChange{client: c, about: purchase.About{Subject: "VM " + vm, LockKey: "vm:" + vm, Action: action,
		Attribute: path.Root(attribute), Errors: apierror.Target{Attribute: path.Root(attribute), Lookup: vmLookup, Pointers: requestFields}}}
}
