package hostupsim

import (
	"net/http"
	"strings"
)

// planChange is the price of moving an account to another plan right now.
// Both generations' upgrade routes quote and commit through it, so v1 and v2
// charge the same for the same change.
type planChange struct {
	account   *HostingAccount
	from, to  *Product
	cycle     billingCycle
	amount    Money // due now: the prorated price difference (negative = credit)
	recurring Money // the new plan's price per cycle
}

// quotePlanChange prices a move of a to plan to. The current period is the
// account's billing cycle ending at NextDueAt (calendar arithmetic); the
// amount is (new price − old price) × remaining / period, rounded to öre.
// Callers hold s.mu.
func (s *Server) quotePlanChange(a *HostingAccount, to *Product) planChange {
	cycle, err := cycleByName(a.BillingCycle)
	must(err) // validated when the account was stored
	from := s.products[a.ProductID]
	periodStart := a.NextDueAt.AddDate(0, -cycle.months, 0)
	diff := to.Prices[cycle.name] - from.Prices[cycle.name]
	return planChange{
		account: a, from: from, to: to, cycle: cycle,
		amount:    prorate(diff, a.NextDueAt.Sub(s.now), a.NextDueAt.Sub(periodStart)),
		recurring: to.Prices[cycle.name],
	}
}

// commitPlanChange moves the account and records the order. Anything owed is
// invoiced; the order then stays pending until that invoice is paid. A credit
// or a free change completes at once. Callers hold s.mu.
func (s *Server) commitPlanChange(pc planChange) (*Order, *Invoice) {
	pc.account.ProductID = pc.to.ID
	o := s.newOrder(pc.account, pc.to, pc.amount)
	if pc.amount <= 0 {
		return o, nil
	}
	inv := s.newInvoice(pc.account, pc.amount)
	o.Status, o.InvoiceID = "pending", inv.ID
	return o, inv
}

// Why an account cannot change plan. The codes are v2's; v1 answers with the
// same errors spelled in upper case (see v1Code).

func inactiveError(a *HostingAccount) *apiError {
	if a.Status == "active" {
		return nil
	}
	return newError(http.StatusForbidden, "account_inactive",
		"The account is %s; only active accounts can change plan.", a.Status)
}

func (s *Server) pendingOrderError(a *HostingAccount) *apiError {
	o := s.pendingOrder(a)
	if o == nil {
		return nil
	}
	return newError(http.StatusConflict, "pending_order",
		"An order for this account is still being processed; try again when it has completed.").
		withExtension("orderId", o.ID)
}

// upgradeBlocker is what stops any plan change on the account, or nil.
// Callers hold s.mu.
func (s *Server) upgradeBlocker(a *HostingAccount) *apiError {
	if e := inactiveError(a); e != nil {
		return e
	}
	return s.pendingOrderError(a)
}

// v1Code respells a v2 error code the v1 way (pending_order -> PENDING_ORDER).
func v1Code(e *apiError) *apiError {
	e.code = strings.ToUpper(e.code)
	return e
}

// upgradeGate is what the upgrade options report in canUpgrade: what stops
// any plan change, or else an unpaid invoice, which the upgrade route refuses
// with existing_invoice_blocking unless cancelExistingInvoice is set.
// Callers hold s.mu.
func (s *Server) upgradeGate(a *HostingAccount) *apiError {
	if e := s.upgradeBlocker(a); e != nil {
		return e
	}
	if blocking := s.unpaidInvoices(a); len(blocking) > 0 {
		inv := blocking[0]
		return newError(http.StatusConflict, "existing_invoice_blocking",
			"Unpaid invoice %s (%s %s) blocks plan changes; pay it, or change the plan with cancelExistingInvoice: true.",
			inv.Number, inv.Amount, inv.Currency)
	}
	return nil
}
