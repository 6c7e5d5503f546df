package hostupsim

import (
	"fmt"
	"slices"
	"strconv"
	"time"
)

// Order is a purchase recorded against an account or a VM. Upgrades and
// storage add-ons create one.
type Order struct {
	ID           string    `json:"id"` // "ord_…"
	V1ID         int64     `json:"v1Id"`
	Number       int64     `json:"number"`
	AccountID    string    `json:"accountId"` // v2 id of the account or VM ("acct_…", "vps_…")
	Status       string    `json:"status"`    // pending|active|completed|cancelled|failed
	Type         string    `json:"type"`      // new|renew|upgrade|transfer
	InvoiceID    string    `json:"invoiceId"` // "inv_…", empty when nothing was invoiced
	Amount       Money     `json:"amount"`
	Currency     string    `json:"currency"`
	BillingCycle string    `json:"billingCycle"`
	ProductSlug  string    `json:"productSlug"`       // the plan an upgrade moved to
	AddonID      string    `json:"addonId,omitempty"` // the storage tier an add-on order bought
	CreatedAt    time.Time `json:"createdAt"`
	// ReadyAt is when a pending add-on order completes by itself; zero for
	// orders that wait on their invoice alone.
	ReadyAt time.Time `json:"readyAt,omitzero"`
}

// Invoice is a bill on an account. An unpaid one blocks v2 plan changes.
type Invoice struct {
	ID        string    `json:"id"` // "inv_…"
	V1ID      int64     `json:"v1Id"`
	Number    string    `json:"number"` // "202600001"
	AccountID string    `json:"accountId"`
	Amount    Money     `json:"amount"`
	Currency  string    `json:"currency"`
	Status    string    `json:"status"` // unpaid|paid|cancelled|refunded|collections
	DueAt     time.Time `json:"dueAt"`
}

// invoiceTerm is how long a new invoice stays open before it is due.
const invoiceTerm = 14 * 24 * time.Hour

// First numbers handed out, taken from the endpoint pages' examples so that
// the first upgrade answers with the familiar figures.
const (
	firstOrderV1ID   = 33784
	firstOrderNumber = 1941404912
	firstInvoiceV1ID = 50619
)

// Orders returns every order, oldest first.
func (s *Server) Orders() []Order {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.applyDueVMChanges()
	return copyAll(s.orders)
}

// Invoices returns every invoice, oldest first.
func (s *Server) Invoices() []Invoice {
	s.mu.Lock()
	defer s.mu.Unlock()
	return copyAll(s.invoices)
}

func copyAll[T any](in []*T) []T {
	out := make([]T, len(in))
	for i, v := range in {
		out[i] = *v
	}
	return out
}

// Invoice returns the invoice with v2 id ("inv_…") or v1 id ("50619").
func (s *Server) Invoice(id string) (Invoice, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	inv := s.findInvoice(id)
	if inv == nil {
		return Invoice{}, false
	}
	return *inv, true
}

// AddUnpaidInvoice bills an account (v1 or v2 id) outside any order; the
// invoice blocks v2 plan changes (existing_invoice_blocking) until paid.
func (s *Server) AddUnpaidInvoice(accountID string, amount Money) Invoice {
	inv, err := s.addUnpaidInvoice(accountID, amount)
	must(err)
	return inv
}

func (s *Server) addUnpaidInvoice(accountID string, amount Money) (Invoice, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.account(accountID)
	if err != nil {
		return Invoice{}, err
	}
	return *s.newInvoice(a, amount), nil
}

// PayInvoice marks an invoice paid; the order waiting on it completes.
func (s *Server) PayInvoice(id string) {
	must(s.payInvoice(id))
}

func (s *Server) payInvoice(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	inv := s.findInvoice(id)
	if inv == nil {
		return fmt.Errorf("hostupsim: unknown invoice %q", id)
	}
	s.settleInvoice(inv, "paid", "completed")
	return nil
}

// AddPendingOrder records an upgrade order still being processed for the
// account (v1 or v2 id), as one placed in the dashboard would be. While it is
// pending, upgrades are refused (canUpgrade.allowed=false, code pending_order).
func (s *Server) AddPendingOrder(accountID string) Order {
	o, err := s.addPendingOrder(accountID)
	must(err)
	return o
}

func (s *Server) addPendingOrder(accountID string) (Order, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.account(accountID)
	if err != nil {
		return Order{}, err
	}
	o := s.newOrder(a, s.products[a.ProductID], 0)
	o.Status = "pending"
	return *o, nil
}

// newOrder records an upgrade order, completed unless the caller says
// otherwise. Callers hold s.mu.
func (s *Server) newOrder(a *HostingAccount, to *Product, amount Money) *Order {
	return s.newOrderFor(a.V2ID, a.BillingCycle, to, amount)
}

// newOrderFor records a completed upgrade order for the account or VM with
// v2 id ownerID. Callers hold s.mu.
func (s *Server) newOrderFor(ownerID, cycle string, to *Product, amount Money) *Order {
	return s.recordOrder(&Order{AccountID: ownerID, Status: "completed", Type: "upgrade", Amount: amount,
		Currency: currency, BillingCycle: cycle, ProductSlug: to.Slug})
}

// recordOrder numbers o, stamps it with the time and stores it. Numbers come
// from a counter, not the list's length, so that a removed order's numbers
// are never handed out again. Callers hold s.mu.
func (s *Server) recordOrder(o *Order) *Order {
	n := s.ordersMade
	s.ordersMade++
	o.ID, o.V1ID, o.Number, o.CreatedAt = s.newID("ord"), firstOrderV1ID+n, firstOrderNumber+n, s.now
	s.orders = append(s.orders, o)
	return o
}

// Order returns the order with v2 id ("ord_…") or v1 id ("33784").
func (s *Server) Order(id string) (Order, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.findOrder(id)
	if o == nil {
		return Order{}, false
	}
	return *o, true
}

// orderStatuses are the statuses v2 reports for an order.
var orderStatuses = []string{"pending", "active", "completed", "cancelled", "failed"}

// SetOrderStatus moves an order (v1 or v2 id) to a status, e.g. "failed" or
// "cancelled" as HostUp's staff might. It panics on an unknown order or status.
func (s *Server) SetOrderStatus(id, status string) {
	must(s.setOrderStatus(id, status))
}

func (s *Server) setOrderStatus(id, status string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.findOrder(id)
	if o == nil {
		return fmt.Errorf("hostupsim: unknown order %q", id)
	}
	if !slices.Contains(orderStatuses, status) {
		return fmt.Errorf("hostupsim: unknown order status %q (want one of %v)", status, orderStatuses)
	}
	o.Status = status
	return nil
}

// RemoveOrder makes an order disappear (GET answers 404 from then on), as one
// deleted by HostUp's staff would. Its invoice stays. It panics on an unknown
// order.
func (s *Server) RemoveOrder(id string) {
	must(s.removeOrder(id))
}

func (s *Server) removeOrder(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.findOrder(id)
	if o == nil {
		return fmt.Errorf("hostupsim: unknown order %q", id)
	}
	s.orders = slices.DeleteFunc(s.orders, func(x *Order) bool { return x == o })
	return nil
}

// newInvoice bills an account, due invoiceTerm from now. Callers hold s.mu.
func (s *Server) newInvoice(a *HostingAccount, amount Money) *Invoice {
	return s.newInvoiceFor(a.V2ID, amount)
}

// newInvoiceFor bills the account or VM with v2 id ownerID. Callers hold s.mu.
func (s *Server) newInvoiceFor(ownerID string, amount Money) *Invoice {
	n := int64(len(s.invoices))
	inv := &Invoice{
		ID: s.newID("inv"), V1ID: firstInvoiceV1ID + n, Number: fmt.Sprintf("%d%05d", s.now.Year(), n+1),
		AccountID: ownerID, Amount: amount, Currency: currency, Status: "unpaid", DueAt: s.now.Add(invoiceTerm),
	}
	s.invoices = append(s.invoices, inv)
	return inv
}

// settleInvoice closes an invoice and moves the orders waiting on it along
// with it: paid completes them, cancelled cancels them. Callers hold s.mu.
func (s *Server) settleInvoice(inv *Invoice, invoiceStatus, orderStatus string) {
	inv.Status = invoiceStatus
	for _, o := range s.orders {
		if o.InvoiceID != inv.ID || o.Status != "pending" {
			continue
		}
		if orderStatus == "completed" && s.vmChangeScheduled(o) {
			continue // a paid VM upgrade completes when it has been carried out
		}
		o.Status = orderStatus
	}
}

// unpaidInvoices lists an account's open invoices, oldest first. These are
// what v2 reports as blocking. Callers hold s.mu.
func (s *Server) unpaidInvoices(a *HostingAccount) []*Invoice {
	return s.unpaidInvoicesOf(a.V2ID)
}

// unpaidInvoicesOf lists the open invoices of the account or VM with v2 id
// ownerID, oldest first. Callers hold s.mu.
func (s *Server) unpaidInvoicesOf(ownerID string) []*Invoice {
	var out []*Invoice
	for _, inv := range s.invoices {
		if inv.AccountID == ownerID && inv.Status == "unpaid" {
			out = append(out, inv)
		}
	}
	return out
}

// pendingOrder returns a plan-change order of the account that is still being
// processed. An order that only waits for its invoice to be paid does not
// count: the unpaid invoice is what blocks then (existing_invoice_blocking),
// and cancelExistingInvoice can clear it. Storage add-on orders do not count
// either: add-ons stack and change no plan. Callers hold s.mu.
func (s *Server) pendingOrder(a *HostingAccount) *Order {
	for _, o := range s.orders {
		if o.AccountID != a.V2ID || o.Status != "pending" || o.AddonID != "" {
			continue
		}
		if inv := s.findInvoice(o.InvoiceID); inv == nil || inv.Status != "unpaid" {
			return o
		}
	}
	return nil
}

// findOrder finds an order by v2 id or v1 id. Callers hold s.mu.
func (s *Server) findOrder(id string) *Order {
	for _, o := range s.orders {
		if o.ID == id || strconv.FormatInt(o.V1ID, 10) == id {
			return o
		}
	}
	return nil
}

// findInvoice finds an invoice by v2 id or v1 id. Callers hold s.mu.
func (s *Server) findInvoice(id string) *Invoice {
	if id == "" {
		return nil
	}
	for _, inv := range s.invoices {
		if inv.ID == id || strconv.FormatInt(inv.V1ID, 10) == id {
			return inv
		}
	}
	return nil
}

// v2 order and invoice bodies.

type v2Billing struct {
	Amount       v2Amount `json:"amount"`
	CurrencyCode string   `json:"currencyCode"`
	BillingCycle string   `json:"billingCycle"`
}

type v2OrderJSON struct {
	ID        string    `json:"id"`
	Number    int64     `json:"number"`
	Status    string    `json:"status"`
	Type      string    `json:"type"`
	InvoiceID *string   `json:"invoiceId"`
	Billing   v2Billing `json:"billing"`
}

type v2InvoiceJSON struct {
	ID           string   `json:"id"`
	Number       string   `json:"number"`
	Amount       v2Amount `json:"amount"`
	CurrencyCode string   `json:"currencyCode"`
	DueAt        string   `json:"dueAt"`
	Status       string   `json:"status"`
	PaymentURL   string   `json:"paymentUrl,omitempty"` // left out of blockingInvoices[]
}

func v2Invoice(inv *Invoice) v2InvoiceJSON {
	return v2InvoiceJSON{ID: inv.ID, Number: inv.Number, Amount: v2Amount(inv.Amount), CurrencyCode: inv.Currency,
		DueAt: isoTime(inv.DueAt), Status: inv.Status, PaymentURL: "/billing?invoice=" + inv.Number}
}

// v2GetOrder serves GET /api/v2/orders/{id}.
func (s *Server) v2GetOrder(c *call) (any, error) {
	id, err := c.v2PathID("id", "ord_")
	if err != nil {
		return nil, err
	}
	o := s.findOrder(id)
	if o == nil || o.ID != id {
		return nil, notFound("order", id)
	}
	var invoiceID *string
	if o.InvoiceID != "" {
		invoiceID = &o.InvoiceID
	}
	return v2OrderJSON{ID: o.ID, Number: o.Number, Status: o.Status, Type: o.Type, InvoiceID: invoiceID,
		Billing: v2Billing{Amount: v2Amount(o.Amount), CurrencyCode: o.Currency, BillingCycle: o.BillingCycle}}, nil
}

// v2GetInvoice serves GET /api/v2/billing/invoices/{id}.
func (s *Server) v2GetInvoice(c *call) (any, error) {
	id, err := c.v2PathID("id", "inv_")
	if err != nil {
		return nil, err
	}
	inv := s.findInvoice(id)
	if inv == nil || inv.ID != id {
		return nil, notFound("invoice", id)
	}
	return v2Invoice(inv), nil
}
