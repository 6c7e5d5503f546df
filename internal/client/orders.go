package client

import (
	"context"
	"net/http"
	"net/url"
)

// Order is a v2 order (GET /api/v2/orders/{id}).
type Order struct {
	ID     string `json:"id"`
	Number int64  `json:"number"`
	// Status is pending, active, completed, cancelled or failed.
	Status string `json:"status"`
	// Type is new, renew, upgrade or transfer.
	Type      string  `json:"type"`
	InvoiceID *string `json:"invoiceId"`
	Billing   Billing `json:"billing"`
}

// Order types.
const (
	// OrderTypeNew is a new purchase, such as a storage block.
	OrderTypeNew     = "new"
	OrderTypeRenew   = "renew"
	OrderTypeUpgrade = "upgrade"
)

// Order statuses.
const (
	OrderStatusPending   = "pending"
	OrderStatusActive    = "active"
	OrderStatusCompleted = "completed"
	OrderStatusCancelled = "cancelled"
	OrderStatusFailed    = "failed"
)

// GetOrder reads one order by its v2 id ("ord_…"). A 404 (IsNotFound) means
// the order does not exist or is not the caller's.
func (c *Client) GetOrder(ctx context.Context, orderID string) (*Order, error) {
	return do[Order](ctx, c, http.MethodGet, "/api/v2/orders/"+url.PathEscape(orderID), nil, nil)
}

// GetInvoice reads one invoice by its v2 id ("inv_…").
func (c *Client) GetInvoice(ctx context.Context, invoiceID string) (*Invoice, error) {
	return do[Invoice](ctx, c, http.MethodGet, "/api/v2/billing/invoices/"+url.PathEscape(invoiceID), nil, nil)
}
