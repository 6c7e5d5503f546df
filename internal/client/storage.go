package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
)

// StorageTiers is what storage an account can add
// (GET /api/v2/shared-hosting/{accountId}/addons/storage). Each tier's price
// is required: it is the price of the purchase, as no preview exists.
type StorageTiers struct {
	Tiers   []StorageTier       `json:"tiers"`
	Actions StorageActions      `json:"actions"`
	Account StorageTiersAccount `json:"account"`
}

// StorageTier is one block of extra disk space the account can buy.
type StorageTier struct {
	ID           string  `json:"id"` // "storage-10gb", the addonId to order
	Name         string  `json:"name"`
	Description  string  `json:"description"`
	Price        Amount  `json:"price"` // per BillingCycle
	CurrencyCode string  `json:"currencyCode"`
	BillingCycle string  `json:"billingCycle"`
	SizeGB       FlexInt `json:"sizeGb"`
	Available    bool    `json:"available"`
	Reason       *string `json:"reason"`
}

// StorageActions says whether storage may be added now. An answer without
// the gate leaves CanAddStorage.Reported false.
type StorageActions struct {
	CanAddStorage ActionGate `json:"canAddStorage"`
}

// StorageTiersAccount is the account the tiers were listed for.
type StorageTiersAccount struct {
	ID      string `json:"id"`
	Domain  string `json:"domain"`
	Billing struct {
		BillingCycle string `json:"billingCycle"`
	} `json:"billing"`
}

func (t *StorageTiers) validate() error {
	amounts := map[string]Amount{}
	for i, tier := range t.Tiers {
		amounts[fmt.Sprintf("tiers[%d].price", i)] = tier.Price
	}
	return requireAmounts(amounts)
}

// ListStorageTiers reads the storage add-on tiers of a v2 account and whether
// one may be ordered now.
func (c *Client) ListStorageTiers(ctx context.Context, accountID string) (*StorageTiers, error) {
	return do[StorageTiers](ctx, c, http.MethodGet, sharedHostingPath(accountID, "addons/storage"), nil, nil)
}

// StorageAddonOrder is one storage block to buy.
type StorageAddonOrder struct {
	AddonID string
	// PaymentMethod is "card" or "invoice"; empty leaves it out, which is
	// HostUp's normal invoice flow.
	PaymentMethod string
}

// Payment methods a storage order accepts.
const (
	PaymentMethodCard    = "card"
	PaymentMethodInvoice = "invoice"
)

type storageAddonOrderBody struct {
	AddonID       string `json:"addonId"`
	PaymentMethod string `json:"paymentMethod,omitempty"`
}

// StorageAddonOrderResult is the answer to a storage order. HostUp documents
// every field as nullable.
type StorageAddonOrderResult struct {
	InvoiceID   *string `json:"invoiceId"`
	OrderID     *string `json:"orderId"`
	RedirectURL *string `json:"redirectUrl"`
}

// validate refuses an answer that names no order: the purchase it reports
// cannot be identified, so its outcome is as unknown as a lost answer's.
func (r *StorageAddonOrderResult) validate() error {
	if r.OrderID == nil || *r.OrderID == "" {
		return errors.New("the answer names no order (orderId)")
	}
	return nil
}

// OrderStorageAddon buys one storage block
// (POST /api/v2/shared-hosting/{accountId}/addons/storage). Blocks stack:
// every accepted call buys another, and there is no preview and no
// idempotency key. It is never retried once it may have reached HostUp: on an
// error for which OutcomeUnknown is true, nothing says whether a block was
// bought, and sending it again may buy a second one.
func (c *Client) OrderStorageAddon(ctx context.Context, accountID string, o StorageAddonOrder) (*StorageAddonOrderResult, error) {
	body := storageAddonOrderBody(o)
	return do[StorageAddonOrderResult](ctx, c, http.MethodPost, sharedHostingPath(accountID, "addons/storage"), nil, body)
}
