package client

import (
	"context"
	"net/http"
	"net/url"
)

// Order is a v2 order (GET /api/v2/orders/{id}).
type Order struct {
	ID        string  `json:"id"`
	Number    string  `json:"number"`
	Status    string  `json:"status"`
	Type      string  `json:"type"`
	InvoiceID string  `json:"invoiceId"`
	Billing   Billing `json:"billing"`
}

// GetOrder reads one order.
func (c *Client) GetOrder(ctx context.Context, orderID string) (*Order, error) {
	var out Order
	if err := c.call(ctx, http.MethodGet, "/api/v2/orders/"+url.PathEscape(orderID), nil, nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// GetInvoice reads one invoice.
func (c *Client) GetInvoice(ctx context.Context, invoiceID string) (*Invoice, error) {
	var out Invoice
	if err := c.call(ctx, http.MethodGet, "/api/v2/billing/invoices/"+url.PathEscape(invoiceID), nil, nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
