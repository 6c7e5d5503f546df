package client

import (
	"context"
	"net/http"
	"strconv"
)

// HostingUpgradeV1Result is the answer to a v1 upgrade, which commits at once.
// Its ids decode from a JSON number or a string alike.
type HostingUpgradeV1Result struct {
	Message string `json:"message"`
	// InvoiceID is empty when nothing was invoiced.
	InvoiceID   FlexString `json:"invoiceId"`
	OrderID     FlexInt    `json:"orderId"`
	OrderNum    FlexInt    `json:"orderNum"`
	Total       Amount     `json:"total"`
	RedirectURL string     `json:"redirectUrl"`
	UpgradedTo  UpgradedTo `json:"upgradedTo"`
}

// validate requires the amount charged: it is what the purchase is checked
// against.
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
