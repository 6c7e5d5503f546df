package hostupsim

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// StorageTier is a block of extra disk space an account can buy. Every
// account starts with the default tiers; SetStorageTier changes one
// account's copy only.
type StorageTier struct {
	ID           string `json:"id"` // "storage-10gb"
	Name         string `json:"name"`
	Description  string `json:"description"`
	SizeGB       int    `json:"sizeGb"`
	Price        Money  `json:"price"`        // per BillingCycle
	BillingCycle string `json:"billingCycle"` // "annually"
	Available    bool   `json:"available"`
	Reason       string `json:"reason"` // why it is not available
	// MinPlanRank is the lowest plan rank that may hold the block; on a
	// lower plan the tier is listed as unavailable and refused.
	MinPlanRank int `json:"minPlanRank"`
}

// storageProvisioningDelay is how long after the order a storage block is in
// place: the order is pending until then and completed after, whether or not
// its invoice has been paid (HostUp provisions add-ons at once and bills
// them). Paying the invoice earlier completes the order at once.
const storageProvisioningDelay = 10 * time.Minute

// OrderTypeAddon is the type of a storage add-on order. HostUp's order types
// are new|renew|upgrade|transfer: an add-on is a new item on the account,
// not a change of its plan, so it is "new".
const OrderTypeAddon = "new"

// Payment methods a storage order accepts.
var storagePaymentMethods = []string{"card", "invoice"}

func defaultStorageTiers() []StorageTier {
	tier := func(gb, minRank int, price string) StorageTier {
		return StorageTier{
			ID: fmt.Sprintf("storage-%dgb", gb), Name: fmt.Sprintf("%d GB extra storage", gb),
			Description: fmt.Sprintf("Adds %d GB of disk space to the hosting account.", gb),
			SizeGB:      gb, Price: MustMoney(price), BillingCycle: "annually", Available: true, MinPlanRank: minRank,
		}
	}
	return []StorageTier{
		tier(10, 0, "49.00"),
		tier(25, 0, "99.00"),
		// The smallest plan cannot hold the biggest block, so the demo's Mini
		// account lists one tier as unavailable.
		tier(50, 2, "179.00"),
	}
}

// StorageTiers returns the tiers of an account (v1 or v2 id) as stored, in
// the order the API lists them.
func (s *Server) StorageTiers(accountID string) []StorageTier {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.account(accountID)
	must(err)
	return copyAll(s.accountStorageTiers(a))
}

// SetStorageTier adds a tier to one account (v1 or v2 id), or replaces the
// tier with the same ID there. It panics on an empty ID, a non-positive size,
// a negative price or an unknown billing cycle.
func (s *Server) SetStorageTier(accountID string, t StorageTier) {
	must(s.setStorageTier(accountID, t))
}

func (s *Server) setStorageTier(accountID string, t StorageTier) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.account(accountID)
	if err != nil {
		return err
	}
	if t.ID == "" || t.SizeGB <= 0 || t.Price < 0 {
		return fmt.Errorf("hostupsim: storage tier needs an id, a positive size and a price, got %+v", t)
	}
	if _, err := cycleByName(t.BillingCycle); err != nil {
		return err
	}
	tiers := s.accountStorageTiers(a)
	if i := slices.IndexFunc(tiers, func(old *StorageTier) bool { return old.ID == t.ID }); i >= 0 {
		tiers[i] = &t
	} else {
		s.storageTiers[a.V2ID] = append(tiers, &t)
	}
	return nil
}

// SetStorageTierPrice changes the price of one account's tier, e.g. between a
// plan and an apply.
func (s *Server) SetStorageTierPrice(accountID, tierID string, price Money) {
	must(s.updateStorageTier(accountID, tierID, func(t *StorageTier) { t.Price = price }))
}

// SetStorageTierAvailable makes one account's tier orderable or not; reason
// is what the API reports while it is not.
func (s *Server) SetStorageTierAvailable(accountID, tierID string, available bool, reason string) {
	must(s.updateStorageTier(accountID, tierID, func(t *StorageTier) {
		t.Available = available
		t.Reason = reason
	}))
}

func (s *Server) updateStorageTier(accountID, tierID string, change func(*StorageTier)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.account(accountID)
	if err != nil {
		return err
	}
	t := s.storageTier(a, tierID)
	if t == nil {
		return fmt.Errorf("hostupsim: account %s has no storage tier %q", a.V2ID, tierID)
	}
	change(t)
	return nil
}

// SetStorageGate closes an account's canAddStorage gate with the given code
// and reason, as HostUp would for a reason the simulator does not model; an
// empty code opens it again. A pending plan-change order closes the gate on
// its own (pending_order) whatever is set here.
func (s *Server) SetStorageGate(accountID, code, reason string) {
	must(s.setStorageGate(accountID, code, reason))
}

func (s *Server) setStorageGate(accountID, code, reason string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.account(accountID)
	if err != nil {
		return err
	}
	if code == "" {
		delete(s.storageGates, a.V2ID)
		return nil
	}
	if reason == "" {
		return fmt.Errorf("hostupsim: closing the storage gate of %s needs a reason", a.V2ID)
	}
	s.storageGates[a.V2ID] = newError(http.StatusConflict, code, "%s", reason)
	return nil
}

// StorageOrders returns the storage add-on orders of an account (v1 or v2
// id), oldest first.
func (s *Server) StorageOrders(accountID string) []Order {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.account(accountID)
	must(err)
	var out []Order
	for _, o := range s.orders {
		if o.AccountID == a.V2ID && o.AddonID != "" {
			out = append(out, *o)
		}
	}
	return out
}

// accountStorageTiers returns the account's own tier list, copying the
// defaults on first use. Callers hold s.mu.
func (s *Server) accountStorageTiers(a *HostingAccount) []*StorageTier {
	tiers, ok := s.storageTiers[a.V2ID]
	if !ok {
		for _, t := range defaultStorageTiers() {
			tiers = append(tiers, &t)
		}
		s.storageTiers[a.V2ID] = tiers
	}
	return tiers
}

// storageTier finds one of the account's tiers by id. Callers hold s.mu.
func (s *Server) storageTier(a *HostingAccount, id string) *StorageTier {
	for _, t := range s.accountStorageTiers(a) {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// storageTierUnavailable says why a tier cannot be ordered on the account
// now, or "" when it can. Callers hold s.mu.
func (s *Server) storageTierUnavailable(a *HostingAccount, t *StorageTier) string {
	if !t.Available {
		if t.Reason != "" {
			return t.Reason
		}
		return "This storage tier is currently not available for ordering."
	}
	if s.products[a.ProductID].Rank < t.MinPlanRank {
		var needs []string
		for _, p := range s.sharedHostingProducts() {
			if p.Rank >= t.MinPlanRank {
				needs = append(needs, p.Name)
			}
		}
		return fmt.Sprintf("%s needs one of the plans %s.", t.Name, strings.Join(needs, ", "))
	}
	return ""
}

// storageBlocker is what closes the canAddStorage gate, or nil: an inactive
// account, a plan change still being processed (storage orders themselves
// stack and never close it), or a gate set with SetStorageGate.
// Callers hold s.mu.
func (s *Server) storageBlocker(a *HostingAccount) *apiError {
	if e := inactiveError(a); e != nil {
		e.detail = fmt.Sprintf("The account is %s; only active accounts can add storage.", a.Status)
		return e
	}
	if o := s.pendingOrder(a); o != nil {
		return newError(http.StatusConflict, "pending_order",
			"A plan change for this account is still being processed; add storage when it has completed.").
			withExtension("orderId", o.ID)
	}
	if g := s.storageGates[a.V2ID]; g != nil {
		return newError(g.status, g.code, "%s", g.detail)
	}
	return nil
}

// progressOrders completes the storage orders whose block has been
// provisioned by now. Callers hold s.mu.
func (s *Server) progressOrders() {
	for _, o := range s.orders {
		if o.Status == "pending" && !o.ReadyAt.IsZero() && !s.now.Before(o.ReadyAt) {
			o.Status = "completed"
		}
	}
}

// v2 storage bodies: the tiers on offer and the order answer.

type v2StorageTierJSON struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Description  string   `json:"description"`
	Price        v2Amount `json:"price"`
	CurrencyCode string   `json:"currencyCode"`
	BillingCycle string   `json:"billingCycle"`
	SizeGB       int      `json:"sizeGb"`
	Available    bool     `json:"available"`
	Reason       *string  `json:"reason"`
}

type v2StorageOptions struct {
	Tiers   []v2StorageTierJSON `json:"tiers"`
	Actions struct {
		CanAddStorage v2Action `json:"canAddStorage"`
	} `json:"actions"`
	Account struct {
		ID      string `json:"id"`
		Domain  string `json:"domain"`
		Billing struct {
			BillingCycle string `json:"billingCycle"`
		} `json:"billing"`
	} `json:"account"`
}

type v2StorageOrderJSON struct {
	InvoiceID   *string `json:"invoiceId"`
	OrderID     *string `json:"orderId"`
	RedirectURL *string `json:"redirectUrl"`
}

// The storage POST body.
var storageOrderFields = []fieldSpec{
	{name: "addonId", kind: stringField, required: true},
	{name: "paymentMethod", kind: stringField},
}

// v2StorageTiers serves GET /api/v2/shared-hosting/{accountId}/addons/storage.
func (s *Server) v2StorageTiers(c *call) (any, error) {
	a, err := s.v2Account(c)
	if err != nil {
		return nil, err
	}
	out := v2StorageOptions{Tiers: []v2StorageTierJSON{}}
	for _, t := range s.accountStorageTiers(a) {
		why := s.storageTierUnavailable(a, t)
		out.Tiers = append(out.Tiers, v2StorageTierJSON{ID: t.ID, Name: t.Name, Description: t.Description,
			Price: v2Amount(t.Price), CurrencyCode: currency, BillingCycle: t.BillingCycle, SizeGB: t.SizeGB,
			Available: why == "", Reason: optional(why)})
	}
	out.Actions.CanAddStorage = allowed(s.storageBlocker(a))
	out.Account.ID, out.Account.Domain = a.V2ID, a.Domain
	out.Account.Billing.BillingCycle = a.BillingCycle
	return out, nil
}

// v2OrderStorage serves POST /api/v2/shared-hosting/{accountId}/addons/storage
// There is no preview: every accepted POST buys one more block.
func (s *Server) v2OrderStorage(c *call) (any, error) {
	// Syntax first (path, then body), then the account and the tier.
	if _, err := c.v2PathID("accountId", "acct_"); err != nil {
		return nil, err
	}
	if err := checkV2Fields(c.body, storageOrderFields...); err != nil {
		return nil, err
	}
	if pm, ok := c.body["paymentMethod"].(string); ok && !slices.Contains(storagePaymentMethods, pm) {
		return nil, invalidField("/paymentMethod", "invalid_enum",
			fmt.Sprintf("`paymentMethod` must be one of %s; got %q.", strings.Join(storagePaymentMethods, ", "), pm))
	}
	a, err := s.v2Account(c)
	if err != nil {
		return nil, err
	}
	addonID := c.body["addonId"].(string)
	t := s.storageTier(a, addonID)
	if t == nil {
		var ids []string
		for _, t := range s.accountStorageTiers(a) {
			ids = append(ids, t.ID)
		}
		return nil, invalidField("/addonId", "unknown_addon",
			fmt.Sprintf("Unknown storage add-on %q; valid add-ons: %s.", addonID, strings.Join(ids, ", ")))
	}
	if e := s.storageBlocker(a); e != nil {
		return nil, e
	}
	if why := s.storageTierUnavailable(a, t); why != "" {
		return nil, newError(http.StatusConflict, "addon_unavailable", "%s", why)
	}

	inv := s.newInvoice(a, t.Price)
	o := s.newAddonOrder(a, t, inv)
	redirect := "/billing?invoice=" + inv.ID
	return created{v2StorageOrderJSON{InvoiceID: &inv.ID, OrderID: &o.ID, RedirectURL: &redirect}}, nil
}

// newAddonOrder records a storage order billed by inv, pending until the
// block is provisioned. Callers hold s.mu.
func (s *Server) newAddonOrder(a *HostingAccount, t *StorageTier, inv *Invoice) *Order {
	return s.recordOrder(&Order{AccountID: a.V2ID, Status: "pending", Type: OrderTypeAddon, InvoiceID: inv.ID,
		Amount: t.Price, Currency: currency, BillingCycle: t.BillingCycle, AddonID: t.ID,
		ReadyAt: s.now.Add(storageProvisioningDelay)})
}
