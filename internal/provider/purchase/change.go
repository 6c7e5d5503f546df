package purchase

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
)

// About says what a change is, for the ledger and for messages. A change
// fixes it when it is made, from the configuration and the prior state,
// before the ledger or HostUp is asked anything.
type About struct {
	// Subject names what the change is made to: "account acct_…", "VM 10000".
	Subject string
	// LockKey serialises commits to one account or VM in a provider process.
	LockKey string
	// Action describes the change: "move account acct_… to webbhotell-business".
	Action string
	// Attribute is where errors about the target belong.
	Attribute path.Path
	// Errors places HostUp's field errors of the preview and commit routes.
	Errors apierror.Target
}

// Change is one paid change of one resource instance. Each resource's
// change is a struct of its own; what one step learns for a later one (a
// tier, a draft id) it keeps in its own typed fields.
type Change interface {
	// About is fixed when the change is made.
	About() About
	// Inspect reads what the change starts from and checks the target
	// against what HostUp offers, without asking for a price. The quote says
	// whether the target is in place and, as far as known before pricing,
	// whether the change is a downgrade.
	Inspect(ctx context.Context, diags *diag.Diagnostics) *Quote
	// Price asks HostUp what the change costs and fills q.Price (and
	// q.Downgrade where only the price tells). A route without a preview
	// leaves q.Price nil and says why in q.NoPreview.
	Price(ctx context.Context, q *Quote, diags *diag.Diagnostics) bool
	// Commit buys the change. It lets HostUp cancel invoices only when
	// q.InvoicesToCancel names some: the plan showed exactly those.
	Commit(ctx context.Context, q *Quote) (*Receipt, error)
	// Confirm reads HostUp, bypassing any cache, after a commit whose
	// answer may be lost: has the change taken effect?
	Confirm(ctx context.Context) (Confirmation, error)
}

// Confirmation is what reading HostUp back says of a commit whose answer may
// be lost.
type Confirmation int

const (
	// Unconfirmed: HostUp's answers do not tell whether the change was made
	// (it may still be carried out).
	Unconfirmed Confirmation = iota
	// Confirmed: HostUp shows the change in place.
	Confirmed
	// NotCarriedOut: HostUp shows neither the change nor an order still
	// carrying it out.
	NotCarriedOut
)

// Quote is what HostUp says a change costs now, and what it changes.
type Quote struct {
	// Price is HostUp's preview; nil where HostUp has none (NoPreview says why).
	Price *client.PriceChange
	// NoPreview is the plan's warning that HostUp gives no price.
	NoPreview Note
	// InPlace: HostUp reports the target already in place; nothing to buy.
	InPlace bool
	// Downgrade: the change lowers the plan, the size or an option.
	Downgrade bool
	// Lowers names what a downgrade takes away ("backupSlots 7 → 0").
	Lowers []string
	// From and To are what the subject is on now and moves to, in the terms
	// HostUp's commit answer uses, so that the answer can be checked; ""
	// where HostUp does not report them.
	From, To string
	// FromName and ToName describe them to people ("Start (webbhotell-start)").
	FromName, ToName string
	// Canonical names the account or VM whatever id addresses it (its
	// domain, its hostname), so that one account addressed by its v1 and its
	// v2 id in one configuration is noticed; "" where unknown.
	Canonical string
	// InvoicesToCancel are the unpaid invoices HostUp cancels with this
	// change, when the user opted in: the plan names each.
	InvoicesToCancel []Invoice
	// Caveat ends the change's one-line summary with what the change leaves
	// behind, which the plan must say in words ("a block bought before
	// stays billed"): Terraform shows the summary even where it shows no
	// warning, as for a replacement.
	Caveat string
}

// Note is a warning's summary and detail.
type Note struct {
	Summary string
	Detail  string
}

// Invoice is an unpaid invoice a change would cancel.
type Invoice struct {
	ID           string
	Number       string
	Amount       client.Amount
	CurrencyCode string
}

// Receipt is HostUp's answer to a commit.
type Receipt struct {
	Order Order
	// InPlace: HostUp answered that the target was already in place (changed
	// outside Terraform since the plan); nothing was bought.
	InPlace bool
	// From and To are what HostUp says it changed; "" where it does not say.
	From, To string
	// Invoiced: HostUp made a payment invoice of Charged for the change.
	Invoiced bool
	Charged  client.Amount
	// ChargeReported: the answer states what was charged (with or without an
	// invoice), so it can be checked against the preview.
	ChargeReported bool
	// ChargeUnread: HostUp accepted the purchase, but what it charged could
	// not be read back. The charge is then not checked, and the flow says so.
	ChargeUnread error
}
