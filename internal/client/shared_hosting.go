package client

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// SharedHostingAccount is a v2 shared-hosting account
// (GET /api/v2/shared-hosting/{accountId}).
type SharedHostingAccount struct {
	ID            string   `json:"id"`
	Name          string   `json:"name"`
	PrimaryDomain string   `json:"primaryDomain"`
	Domains       []string `json:"domains"`
	CustomName    *string  `json:"customName"`
	// ServiceStatus is active, pending, suspended, cancelled, terminated,
	// expired, fraud or unknown.
	ServiceStatus string  `json:"serviceStatus"`
	Billing       Billing `json:"billing"`
	CreatedAt     string  `json:"createdAt"`
	NextDueAt     *string `json:"nextDueAt"`
	ExpiresAt     *string `json:"expiresAt"`
}

// Billing is a recurring price.
type Billing struct {
	Amount       Amount `json:"amount"`
	CurrencyCode string `json:"currencyCode"`
	BillingCycle string `json:"billingCycle"`
}

func (a *SharedHostingAccount) validate() error {
	return requireAmounts(map[string]Amount{"billing.amount": a.Billing.Amount})
}

// GetSharedHostingAccount reads one v2 account.
func (c *Client) GetSharedHostingAccount(ctx context.Context, accountID string) (*SharedHostingAccount, error) {
	return do[SharedHostingAccount](ctx, c, http.MethodGet, sharedHostingPath(accountID, ""), nil, nil)
}

// SharedHostingAccountPage is one page of the account list.
type SharedHostingAccountPage struct {
	Data       []SharedHostingAccount `json:"data"`
	HasMore    bool                   `json:"hasMore"`
	NextCursor *string                `json:"nextCursor"`
}

func (p *SharedHostingAccountPage) validate() error {
	for i := range p.Data {
		if err := p.Data[i].validate(); err != nil {
			return fmt.Errorf("data[%d]: %w", i, err)
		}
	}
	return nil
}

// maxListPages bounds how many pages a list may take: at 100 accounts a
// page, far more than any customer has, and a server that never says "no
// more" cannot keep the provider paging forever.
const maxListPages = 1000

// ListSharedHostingAccounts reads every v2 account, following the cursor. A
// server that repeats a cursor, says hasMore without a cursor, or keeps
// paging past maxListPages is an error rather than a loop or a silently
// short list.
func (c *Client) ListSharedHostingAccounts(ctx context.Context) ([]SharedHostingAccount, error) {
	const path = "/api/v2/shared-hosting"
	var all []SharedHostingAccount
	query := url.Values{"limit": {"100"}}
	seen := map[string]bool{}
	for pages := 1; ; pages++ {
		var page SharedHostingAccountPage
		if err := c.call(ctx, http.MethodGet, path, query, nil, &page); err != nil {
			return nil, err
		}
		all = append(all, page.Data...)
		if !page.HasMore {
			return all, nil
		}
		switch {
		case page.NextCursor == nil || *page.NextCursor == "":
			return nil, fmt.Errorf("HostUp API GET %s: page %d says hasMore but gives no nextCursor; the account list cannot be read to its end", path, pages)
		case seen[*page.NextCursor]:
			return nil, fmt.Errorf("HostUp API GET %s: page %d repeats the cursor %q of an earlier page; stopped instead of reading the same pages forever", path, pages, *page.NextCursor)
		case pages >= maxListPages:
			return nil, fmt.Errorf("HostUp API GET %s: still more accounts after %d pages; stopped", path, maxListPages)
		}
		seen[*page.NextCursor] = true
		query.Set("cursor", *page.NextCursor)
	}
}

// LookupSharedHostingAccount returns one v2 account. With the read cache on,
// it takes it from the account list, which is read once (one request per 100
// accounts) for every account a plan refreshes, instead of one request per
// account; an account the list does not show is read on its own. Without the
// cache, or with WithFreshReads, it is GetSharedHostingAccount.
func (c *Client) LookupSharedHostingAccount(ctx context.Context, accountID string) (*SharedHostingAccount, error) {
	if c.cache == nil || wantsFreshReads(ctx) {
		return c.GetSharedHostingAccount(ctx, accountID)
	}
	index, err := c.cache.derive(ctx, "shared-hosting accounts by id", func() (any, error) {
		all, err := c.ListSharedHostingAccounts(ctx)
		if err != nil {
			return nil, err
		}
		byID := make(map[string]SharedHostingAccount, len(all))
		for _, a := range all {
			byID[a.ID] = a
		}
		return byID, nil
	})
	if err != nil {
		return nil, err
	}
	if a, ok := index.(map[string]SharedHostingAccount)[accountID]; ok {
		return &a, nil
	}
	return c.GetSharedHostingAccount(ctx, accountID)
}

// UpgradeOptions is what a v2 account can change its plan to
// (GET /api/v2/shared-hosting/{accountId}/actions/upgrade).
type UpgradeOptions struct {
	AccountID        string          `json:"accountId"`
	Domain           string          `json:"domain"`
	CurrencyCode     string          `json:"currencyCode"`
	Actions          UpgradeActions  `json:"actions"`
	CurrentPackage   Package         `json:"currentPackage"`
	AvailableOptions []UpgradeOption `json:"availableOptions"`
}

// UpgradeActions says whether a plan change may be made now.
type UpgradeActions struct {
	CanUpgrade ActionGate `json:"canUpgrade"`
}

// Package is the plan an account is on.
type Package struct {
	ProductSlug string  `json:"productSlug"`
	Name        string  `json:"name"`
	Billing     Billing `json:"billing"`
}

// UpgradeOption is one plan the account can move to.
type UpgradeOption struct {
	ProductSlug string `json:"productSlug"`
	Name        string `json:"name"`
	// Type is "upgrade" or "downgrade".
	Type      string  `json:"type"`
	Billing   Billing `json:"billing"`
	Available bool    `json:"available"`
	Reason    *string `json:"reason"`
}

// Upgrade option types.
const (
	OptionTypeUpgrade   = "upgrade"
	OptionTypeDowngrade = "downgrade"
)

func (o *UpgradeOptions) validate() error {
	amounts := map[string]Amount{"currentPackage.billing.amount": o.CurrentPackage.Billing.Amount}
	for i, opt := range o.AvailableOptions {
		amounts[fmt.Sprintf("availableOptions[%d].billing.amount", i)] = opt.Billing.Amount
	}
	return requireAmounts(amounts)
}

// GetSharedHostingUpgradeOptions reads the current plan and the plans a v2
// account can move to.
func (c *Client) GetSharedHostingUpgradeOptions(ctx context.Context, accountID string) (*UpgradeOptions, error) {
	return do[UpgradeOptions](ctx, c, http.MethodGet, sharedHostingPath(accountID, "actions/upgrade"), nil, nil)
}

// SharedHostingUpgrade is a plan change for a v2 account.
type SharedHostingUpgrade struct {
	ProductSlug string
	// CancelExistingInvoice lets HostUp cancel an unpaid invoice that would
	// otherwise block the change. Sent only when true: it has side effects the
	// user must have opted into.
	CancelExistingInvoice bool
}

type sharedHostingUpgradeBody struct {
	ProductSlug           string `json:"productSlug"`
	DryRun                bool   `json:"dryRun"`
	CancelExistingInvoice bool   `json:"cancelExistingInvoice,omitempty"`
}

// ProductRef names a plan.
type ProductRef struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
}

// PriceChange is what a plan change costs.
type PriceChange struct {
	// Amount is due now (prorated); negative for a credit.
	Amount Amount `json:"amount"`
	// RecurringAmount is the new price per billing cycle.
	RecurringAmount Amount `json:"recurringAmount"`
	CurrencyCode    string `json:"currencyCode"`
	BillingCycle    string `json:"billingCycle"`
}

// SharedHostingUpgradePreview is the answer to a dry run.
type SharedHostingUpgradePreview struct {
	Preview        bool        `json:"preview"`
	CurrentProduct *ProductRef `json:"currentProduct"`
	NewProduct     *ProductRef `json:"newProduct"`
	PriceChange    PriceChange `json:"priceChange"`
}

func (p *SharedHostingUpgradePreview) validate() error {
	return requireAmounts(map[string]Amount{
		"priceChange.amount":          p.PriceChange.Amount,
		"priceChange.recurringAmount": p.PriceChange.RecurringAmount,
	})
}

// PreviewSharedHostingUpgrade asks what a plan change would cost (dryRun:
// true). Nothing is bought.
func (c *Client) PreviewSharedHostingUpgrade(ctx context.Context, accountID string, u SharedHostingUpgrade) (*SharedHostingUpgradePreview, error) {
	body := sharedHostingUpgradeBody{ProductSlug: u.ProductSlug, DryRun: true, CancelExistingInvoice: u.CancelExistingInvoice}
	return do[SharedHostingUpgradePreview](asPreview(ctx), c, http.MethodPost, sharedHostingPath(accountID, "actions/upgrade"), nil, body)
}

// Invoice is a v2 invoice.
type Invoice struct {
	ID           string `json:"id"`
	Number       string `json:"number"`
	Amount       Amount `json:"amount"`
	CurrencyCode string `json:"currencyCode"`
	DueAt        string `json:"dueAt"`
	// Status is unpaid, paid, cancelled, refunded or collections.
	Status     string `json:"status"`
	PaymentURL string `json:"paymentUrl"`
}

// SharedHostingUpgradeResult is the answer to a committed plan change.
type SharedHostingUpgradeResult struct {
	Upgraded       bool        `json:"upgraded"`
	CurrentProduct *ProductRef `json:"currentProduct"`
	NewProduct     *ProductRef `json:"newProduct"`
	OrderID        *string     `json:"orderId"`
	PaymentInvoice *Invoice    `json:"paymentInvoice"`
	RenewalInvoice *Invoice    `json:"renewalInvoice"`
}

func (r *SharedHostingUpgradeResult) validate() error {
	amounts := map[string]Amount{}
	if r.PaymentInvoice != nil {
		amounts["paymentInvoice.amount"] = r.PaymentInvoice.Amount
	}
	if r.RenewalInvoice != nil {
		amounts["renewalInvoice.amount"] = r.RenewalInvoice.Amount
	}
	return requireAmounts(amounts)
}

// UpgradeSharedHosting commits a plan change (dryRun: false). It is never
// retried once it may have reached HostUp: on an error for which
// OutcomeUnknown is true, re-read the account before doing anything else.
func (c *Client) UpgradeSharedHosting(ctx context.Context, accountID string, u SharedHostingUpgrade) (*SharedHostingUpgradeResult, error) {
	body := sharedHostingUpgradeBody{ProductSlug: u.ProductSlug, DryRun: false, CancelExistingInvoice: u.CancelExistingInvoice}
	return do[SharedHostingUpgradeResult](ctx, c, http.MethodPost, sharedHostingPath(accountID, "actions/upgrade"), nil, body)
}

// HostingUpgradeV1Result is the answer to a v1 upgrade, which commits at once.
type HostingUpgradeV1Result struct {
	Message     string     `json:"message"`
	InvoiceID   string     `json:"invoiceId"`
	OrderID     int64      `json:"orderId"`
	OrderNum    int64      `json:"orderNum"`
	Total       Amount     `json:"total"`
	RedirectURL string     `json:"redirectUrl"`
	UpgradedTo  UpgradedTo `json:"upgradedTo"`
}

func (r *HostingUpgradeV1Result) validate() error {
	return requireAmounts(map[string]Amount{"data.total": r.Total})
}

// UpgradedTo names the plan a v1 upgrade moved to.
type UpgradedTo struct {
	ProductID string `json:"productId"`
	Name      string `json:"name"`
}

// UpgradeHostingAccountV1 moves a v1 account to productID
// (POST /api/hosting/{accountId}/upgrade). v1 has no preview: this buys.
func (c *Client) UpgradeHostingAccountV1(ctx context.Context, accountID int64, productID string) (*HostingUpgradeV1Result, error) {
	path := "/api/hosting/" + strconv.FormatInt(accountID, 10) + "/upgrade"
	body := struct {
		ProductID string `json:"productId"`
	}{productID}
	return do[HostingUpgradeV1Result](ctx, c, http.MethodPost, path, nil, body)
}
