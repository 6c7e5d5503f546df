package client

import (
	"context"
	"net/http"
	"net/url"
)

// Order is a v2 order (GET /api/v2/orders/{id}). HostUp gives its number no
// type: it decodes from a JSON number or a string alike. Billing.Amount is
// not set (IsSet) when HostUp leaves it out.
type Order struct {
	ID        string      `json:"id"`
	Number    FlexString  `json:"number"`
	Status    OrderStatus `json:"status"`
	Type      OrderType   `json:"type"`
	InvoiceID *string     `json:"invoiceId"`
	Billing   Billing     `json:"billing"`
}

// OrderType is what an order buys: new, renew, upgrade or transfer.
type OrderType string

// OrderTypeNew is a new purchase, such as a storage block.
const OrderTypeNew OrderType = "new"

// OrderStatus is where an order stands: pending, active, completed,
// cancelled or failed.
type OrderStatus string

// Order statuses an order never leaves by itself: it will not be carried out.
const (
	OrderStatusCancelled OrderStatus = "cancelled"
	OrderStatusFailed    OrderStatus = "failed"
)

// Settled reports whether the order will not be carried out any more.
func (s OrderStatus) Settled() bool { return s == OrderStatusCancelled || s == OrderStatusFailed }

// GetOrder reads one order by its v2 id ("ord_…"). A 404 (IsNotFound) means
// the order does not exist or is not the caller's.
func (c *Client) GetOrder(ctx context.Context, orderID string) (*Order, error) {
	return do[Order](ctx, c, http.MethodGet, "/api/v2/orders/"+url.PathEscape(orderID), nil, nil)
}

// Invoice is a v2 invoice, as a commit's paymentInvoice and the invoice read
// show it: what a listing shows of it, and where to pay it.
type Invoice struct {
	InvoiceSummary
	PaymentURL string `json:"paymentUrl"`
}

// validate requires the amount of an invoice read on its own: it is read to
// check what a purchase was charged.
func (i *Invoice) validate() error {
	return requireAmounts(map[string]Amount{"amount": i.Amount})
}

// GetInvoice reads one invoice by its v2 id ("inv_…").
func (c *Client) GetInvoice(ctx context.Context, invoiceID string) (*Invoice, error) {
	return do[Invoice](ctx, c, http.MethodGet, "/api/v2/billing/invoices/"+url.PathEscape(invoiceID), nil, nil)
}
