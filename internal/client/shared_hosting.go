package client

import (
	"bytes"
	"context"
	"encoding/json"
	"iter"
	"net/http"
)

// SharedHostingAccount is a v2 shared-hosting account
// (GET /api/v2/shared-hosting/{accountId}). Nothing in it decides money, so
// nothing is required: Billing.Amount is not set (IsSet) when HostUp leaves
// it out.
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

// GetSharedHostingAccount reads one v2 account.
func (c *Client) GetSharedHostingAccount(ctx context.Context, accountID string) (*SharedHostingAccount, error) {
	return do[SharedHostingAccount](ctx, c, http.MethodGet, sharedHostingPath(accountID, ""), nil, nil)
}

// SharedHostingAccountPage is one page of the account list.
type SharedHostingAccountPage = Page[SharedHostingAccount]

// SharedHostingAccounts iterates over every v2 account
// (GET /api/v2/shared-hosting), reading one page at a time as the loop asks
// for more: a loop that stops early sends no further request. An error is
// yielded once, after the accounts already read, and ends the sequence;
// see listItems for the cursors it refuses.
func (c *Client) SharedHostingAccounts(ctx context.Context) iter.Seq2[SharedHostingAccount, error] {
	return listItems[SharedHostingAccount](ctx, c, "/api/v2/shared-hosting", nil, "account")
}

// ListSharedHostingAccounts reads every v2 account, following the cursor. A
// server that repeats a cursor, says hasMore without a cursor, or keeps
// paging past maxListPages is an error rather than a loop or a silently
// short list.
func (c *Client) ListSharedHostingAccounts(ctx context.Context) ([]SharedHostingAccount, error) {
	return collect(c.SharedHostingAccounts(ctx))
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
// (GET /api/v2/shared-hosting/{accountId}/actions/upgrade). Its prices are
// for display: the price of a change comes from its preview, so nothing here
// is required. HostUp gives currentPackage no documented shape beyond what
// its siblings show (productSlug, name); its Billing may be empty.
type UpgradeOptions struct {
	AccountID        string          `json:"accountId"`
	Domain           string          `json:"domain"`
	CurrencyCode     string          `json:"currencyCode"`
	Actions          UpgradeActions  `json:"actions"`
	CurrentPackage   Package         `json:"currentPackage"`
	AvailableOptions []UpgradeOption `json:"availableOptions"`
}

// UpgradeActions says whether a plan change may be made now. An answer
// without the gate leaves CanUpgrade.Reported false.
type UpgradeActions struct {
	CanUpgrade ActionGate `json:"canUpgrade"`
}

// Package is the plan an account is on.
type Package struct {
	ProductSlug string  `json:"productSlug"`
	Name        string  `json:"name"`
	Billing     Billing `json:"billing"`
}

// UpgradeOption is one plan the account (or a VPS) can move to. HostUp may
// list a plan as a bare slug ("vps-sm"): the entry then has only
// ProductSlug, and Available is true, since the list is of the plans
// available; Type and Billing are empty.
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

// UnmarshalJSON accepts the option object or a bare slug.
func (o *UpgradeOption) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var slug string
		if err := json.Unmarshal(b, &slug); err != nil {
			return err
		}
		*o = UpgradeOption{ProductSlug: slug, Available: true}
		return nil
	}
	type plain UpgradeOption
	return json.Unmarshal(b, (*plain)(o))
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

// GetSlug is the product's slug; "" when HostUp's answer names no product.
func (p *ProductRef) GetSlug() string {
	if p == nil {
		return ""
	}
	return p.Slug
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
