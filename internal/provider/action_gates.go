package provider

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// HostUp answers whether an action may be taken now with a gate
// ({allowed, reason, code}). These helpers read gates the same way for every
// paid change.

// gateClosed reports whether HostUp reported the gate closed. An answer
// without the gate says nothing: HostUp's own preview then decides.
func gateClosed(g client.ActionGate) bool { return g.Reported && !g.Allowed }

// gateBlockedByInvoice reports whether a gate is closed only by an unpaid
// invoice, which cancel_existing_invoice lets HostUp cancel.
func gateBlockedByInvoice(g client.ActionGate) bool {
	return gateClosed(g) && strings.EqualFold(valueOr(g.Code, ""), string(client.ErrorCodeExistingInvoiceBlocking))
}

// gatePending reports whether a gate is closed because HostUp is still
// carrying out an order: a change that may have been bought is underway.
func gatePending(g client.ActionGate) bool {
	return gateClosed(g) && strings.EqualFold(valueOr(g.Code, ""), string(client.ErrorCodePendingOrder))
}

// describeGate says why a gate is closed: "reason (code pending_order)".
func describeGate(g client.ActionGate) string {
	return fmt.Sprintf("%s (code %s)", strings.TrimSuffix(valueOr(g.Reason, "no reason given"), "."), valueOr(g.Code, "none"))
}

// gateRefusal is a change HostUp may refuse through a gate.
type gateRefusal struct {
	// change names what is refused in summaries: "plan change", "storage order".
	change string
	// action says it in a sentence: "change the plan of account acct_…".
	action string
	// subject is where a refusal about the account or VM belongs.
	subject path.Path
	// cancelOptIn: the user lets HostUp cancel blocking invoices.
	cancelOptIn bool
}

// allows reports whether the change may go on past g. A gate closed only by
// an unpaid invoice lets it go on when the user opted in to cancel invoices.
func (r gateRefusal) allows(g client.ActionGate, diags *diag.Diagnostics) bool {
	switch {
	case !gateClosed(g):
		return true
	case gateBlockedByInvoice(g) && r.cancelOptIn:
		return true
	case gateBlockedByInvoice(g):
		diags.AddAttributeError(path.Root("cancel_existing_invoice"), "An unpaid invoice blocks the "+r.change,
			fmt.Sprintf("HostUp refuses to %s now: %s. Pay the invoice in HostUp's control panel, or set "+
				"cancel_existing_invoice = true on this resource to let HostUp cancel it as part of the change (the plan "+
				"then names each invoice it cancels). Nothing was bought.", r.action, describeGate(g)))
	default:
		diags.AddAttributeError(r.subject, "HostUp does not allow a "+r.change+" now",
			fmt.Sprintf("HostUp refuses to %s now: %s. Try again once that is resolved. Nothing was bought.", r.action, describeGate(g)))
	}
	return false
}

func valueOr(s *string, def string) string {
	if s == nil || *s == "" {
		return def
	}
	return *s
}
