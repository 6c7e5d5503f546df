package purchase

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
)

// Descriptor names a paid resource type and says which of its attributes
// play which part in the lifecycle. Identity attributes are state
// attributes of the same name.
type Descriptor struct {
	// TypeName follows the provider's name: "shared_hosting_plan".
	TypeName string
	// Noun names the change in messages: "plan", "VPS size".
	Noun string
	// Subject are the attributes naming what the resource is about. Another
	// value is another subject (a replacement, planned as a create); a null
	// value in state matches any.
	Subject []string
	// Targets are the attributes naming what the subject should be: a new
	// value is a paid change.
	Targets []string
	// Inputs are every input the price depends on, in the order a warning
	// names the first unknown one.
	Inputs []string
	// Adopts are the targets an import takes from HostUp; the others stay
	// unmanaged until the configuration names them.
	Adopts []string
	// Scheduled: HostUp carries changes out later, so state keeps a bought
	// change until HostUp reports it.
	Scheduled bool
	// Identity are the identity attributes, in the order an import id
	// names them, "/" between them ("acct_…/ord_…").
	Identity []IdentityAttribute
	// Keeps says what destroying the resource leaves at HostUp: a summary
	// ("Hosting account keeps its plan") and a sentence ("It stays on its
	// current plan at HostUp").
	Keeps Keeps
	// MaxAmountNote ends max_amount's description.
	MaxAmountNote string
	// PriceSource says, in the docs, where the price of a change comes
	// from; empty is HostUp's preview of the change.
	PriceSource string
	// Lookup says where valid subject ids come from, for a not-found hint.
	Lookup string
	// Purchase, for a resource that is one purchase (a storage block), names
	// the attributes that record it. Such a resource is never forgotten
	// because HostUp does not find it: forgetting it would make the next
	// apply buy again.
	Purchase *PurchaseAttributes
}

// IdentityAttribute is one attribute of the resource identity.
type IdentityAttribute struct {
	Name string
	// Form shows what a value looks like in an import id ("acct_…").
	Form        string
	Description string
	// Check refuses a value that cannot be this attribute, saying why.
	Check func(value string) error
}

// PurchaseAttributes are where a purchase resource records its order: the
// order, its invoice and where to pay it, as HostUp answered the purchase;
// the order's status; and when the purchase was sent. A purchase whose
// answer was lost has no order id, and status OutcomeUnknown.
type PurchaseAttributes struct {
	OrderID, InvoiceID, PaymentURL, Status, SentAt string
}

// OutcomeUnknown is the status of a purchase whose answer was lost: it may
// or may not have been made.
const OutcomeUnknown = "outcome_unknown"

// Keeps is the warning that destroying a resource only forgets it.
type Keeps struct {
	Summary string
	Detail  string
}

// Env is what a resource's Read works with: the client, the ledger of this
// run (to note which invoices its orders own), and where its diagnostics go.
type Env struct {
	Client *client.Client
	Ledger *Ledger
	Diags  *diag.Diagnostics
}

// Private is where a resource keeps what HostUp does not report yet.
type Private interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// Model is what the lifecycle needs of a paid resource's model M.
type Model[M any] interface {
	*M
	// Purchase returns the embedded shared attributes.
	Purchase() *Fields
	// Guards are the user's limits on a change.
	Guards() Guards
	// Describe names the subject in messages: "account acct_…".
	Describe() string
	// Imported reports whether state holds only what an import sets.
	Imported() bool
}

// Kind is what a paid resource supplies to the lifecycle: the rest of it
// is the same for every paid resource.
type Kind[M any] interface {
	Descriptor() Descriptor
	// Schema holds the resource's own attributes and description; the
	// lifecycle adds max_amount, price_change, price_status and last_order.
	Schema() schema.Schema
	// NewChange makes the change from prior to plan; prior is nil when the
	// resource is being created.
	NewChange(c *client.Client, plan, prior *M) (Change, error)
	// Read reads into m what HostUp reports of the subject m names: its
	// targets and computed attributes. It adds a diagnostic for any failure,
	// and reports gone when HostUp answered that the subject does not exist.
	// Which of the values state takes is the lifecycle's to decide.
	Read(ctx context.Context, env Env, m *M) (gone bool)
}

// ReadFailed handles a failed read of the subject: it reports gone when
// HostUp answered that the subject does not exist, and adds any other error
// as a diagnostic.
func (e Env) ReadFailed(err error, summary string, t apierror.Target) (gone bool) {
	if client.IsNotFound(err) {
		return true
	}
	apierror.Add(e.Diags, summary, err, t)
	return false
}
