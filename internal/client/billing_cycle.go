package client

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
)

// BillingCycleInfo is the v1 billing-cycle answer for a hosting account or a
// VM (GET /api/hosting/{accountId}/billing-cycle, GET /api/vm/{vmid}/billing-cycle).
// Its ProductID is the id that v1 upgrades take, a numeric string. HostUp
// types its account id both as a string and as an integer: it decodes from
// either. Its prices are for display (v1 has no preview), so none is
// required: an absent one is not set (IsSet).
type BillingCycleInfo struct {
	// Current is the cycle id, "m" or "a".
	Current        string              `json:"current"`
	CurrentName    string              `json:"currentName"`
	Cycles         []BillingCycleV1    `json:"cycles"`
	ProductID      string              `json:"productId"`
	AccountID      FlexString          `json:"accountId"`
	AccountDetails BillingCycleAccount `json:"accountDetails"`
}

// BillingCycleV1 is one cycle the service can be billed on.
type BillingCycleV1 struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Price        Amount `json:"price"`
	IsCurrent    bool   `json:"isCurrent"`
	BillingCycle string `json:"billingCycle"`
}

// BillingCycleAccount describes the service the cycles belong to.
type BillingCycleAccount struct {
	Domain string `json:"domain"`
	Name   string `json:"name"`
	Total  Amount `json:"total"`
}

// GetHostingBillingCycle reads a v1 hosting account's billing cycles.
func (c *Client) GetHostingBillingCycle(ctx context.Context, accountID int64) (*BillingCycleInfo, error) {
	path := "/api/hosting/" + strconv.FormatInt(accountID, 10) + "/billing-cycle"
	return do[BillingCycleInfo](ctx, c, http.MethodGet, path, nil, nil)
}

// GetVMBillingCycle reads a VM's billing cycles (v1).
func (c *Client) GetVMBillingCycle(ctx context.Context, vmID int64) (*BillingCycleInfo, error) {
	path := "/api/vm/" + strconv.FormatInt(vmID, 10) + "/billing-cycle"
	return do[BillingCycleInfo](ctx, c, http.MethodGet, path, nil, nil)
}

// SharedHostingBillingCycles is the v2 billing-cycle state of an account
// (GET /api/v2/shared-hosting/{accountId}/actions/billing-cycle). Its amounts
// are for display (the price of a change comes from its preview), so none is
// required: an absent one is not set (IsSet).
type SharedHostingBillingCycles struct {
	CurrentBillingCycle string              `json:"currentBillingCycle"`
	Cycles              []BillingCycleV2    `json:"cycles"`
	BlockingInvoices    []InvoiceSummary    `json:"blockingInvoices"`
	Actions             BillingCycleActions `json:"actions"`
}

// BillingCycleV2 is one cycle, with v2's canonical name ("annually").
type BillingCycleV2 struct {
	BillingCycle string `json:"billingCycle"`
	Amount       Amount `json:"amount"`
	CurrencyCode string `json:"currencyCode"`
	IsCurrent    bool   `json:"isCurrent"`
}

// BillingCycleActions says whether the cycle can be changed now. An answer
// without the gate leaves CanChangeBillingCycle.Reported false.
type BillingCycleActions struct {
	CanChangeBillingCycle ActionGate `json:"canChangeBillingCycle"`
}

// InvoiceSummary is an invoice as listed among blocking invoices. Its number
// ("202600001") decodes from a string or a number.
type InvoiceSummary struct {
	ID           string     `json:"id"`
	Number       FlexString `json:"number"`
	Amount       Amount     `json:"amount"`
	CurrencyCode string     `json:"currencyCode"`
	DueAt        string     `json:"dueAt"`
	// Status is unpaid, paid, cancelled, refunded or collections.
	Status string `json:"status"`
}

// GetSharedHostingBillingCycles reads a v2 account's billing cycles.
func (c *Client) GetSharedHostingBillingCycles(ctx context.Context, accountID string) (*SharedHostingBillingCycles, error) {
	return do[SharedHostingBillingCycles](ctx, c, http.MethodGet, sharedHostingPath(accountID, "actions/billing-cycle"), nil, nil)
}

// sharedHostingPath builds /api/v2/shared-hosting/{accountId}[/suffix], with
// the id escaped: it comes from user configuration.
func sharedHostingPath(accountID, suffix string) string {
	p := "/api/v2/shared-hosting/" + url.PathEscape(accountID)
	if suffix != "" {
		p += "/" + suffix
	}
	return p
}

// BillingCycleChange is a billing-cycle change for a v2 account.
type BillingCycleChange struct {
	// BillingCycle is the v2 cycle name to move to ("annually").
	BillingCycle string
	// CancelExistingInvoice lets HostUp cancel an unpaid invoice that would
	// otherwise block the change. Sent only when true: it has side effects the
	// user must have opted into.
	CancelExistingInvoice bool
}

type billingCycleChangeBody struct {
	BillingCycle          string `json:"billingCycle"`
	DryRun                bool   `json:"dryRun"`
	CancelExistingInvoice bool   `json:"cancelExistingInvoice,omitempty"`
}

// BillingCyclePreview is the answer to a billing-cycle dry run.
type BillingCyclePreview struct {
	DryRun    bool   `json:"dryRun"`
	AccountID string `json:"accountId"`
	// CurrentBillingCycle is the cycle the account is billed on before the change.
	CurrentBillingCycle string                    `json:"currentBillingCycle"`
	NewBillingCycle     string                    `json:"newBillingCycle"`
	PriceChange         PriceChange               `json:"priceChange"`
	Actions             BillingCycleChangeActions `json:"actions"`
}

// BillingCycleChangeActions says whether the previewed change can be
// committed. An answer without the gate leaves CanCommit.Reported false.
type BillingCycleChangeActions struct {
	CanCommit ActionGate `json:"canCommit"`
}

func (p *BillingCyclePreview) validate() error {
	return requireAmounts(map[string]Amount{
		"priceChange.amount":          p.PriceChange.Amount,
		"priceChange.recurringAmount": p.PriceChange.RecurringAmount,
	})
}

// BillingCycleChangeResult is the answer to a committed billing-cycle change:
// the preview's fields, the order and the invoices.
type BillingCycleChangeResult struct {
	BillingCyclePreview
	OrderID        *string  `json:"orderId"`
	PaymentInvoice *Invoice `json:"paymentInvoice"`
	RenewalInvoice *Invoice `json:"renewalInvoice"`
}

func (r *BillingCycleChangeResult) validate() error {
	amounts := map[string]Amount{
		"priceChange.amount":          r.PriceChange.Amount,
		"priceChange.recurringAmount": r.PriceChange.RecurringAmount,
	}
	if r.PaymentInvoice != nil {
		amounts["paymentInvoice.amount"] = r.PaymentInvoice.Amount
	}
	if r.RenewalInvoice != nil {
		amounts["renewalInvoice.amount"] = r.RenewalInvoice.Amount
	}
	return requireAmounts(amounts)
}

// PreviewBillingCycleChange asks what moving a v2 account to another billing
// cycle would cost now (dryRun: true). Nothing is bought.
func (c *Client) PreviewBillingCycleChange(ctx context.Context, accountID string, ch BillingCycleChange) (*BillingCyclePreview, error) {
	body := billingCycleChangeBody{BillingCycle: ch.BillingCycle, DryRun: true, CancelExistingInvoice: ch.CancelExistingInvoice}
	return do[BillingCyclePreview](ctx, c, http.MethodPost, sharedHostingPath(accountID, "actions/billing-cycle"), nil, body)
}

// ChangeBillingCycle commits a billing-cycle change (dryRun: false). It is
// never retried once it may have reached HostUp: on an error for which
// OutcomeUnknown is true, re-read the account before doing anything else.
func (c *Client) ChangeBillingCycle(ctx context.Context, accountID string, ch BillingCycleChange) (*BillingCycleChangeResult, error) {
	body := billingCycleChangeBody{BillingCycle: ch.BillingCycle, DryRun: false, CancelExistingInvoice: ch.CancelExistingInvoice}
	return do[BillingCycleChangeResult](ctx, c, http.MethodPost, sharedHostingPath(accountID, "actions/billing-cycle"), nil, body)
}
