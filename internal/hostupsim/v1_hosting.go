package hostupsim

import (
	"net/http"
	"strconv"
)

// v1 bodies (the envelope's data), field for field as HostUp documents the
// plan change and billing-cycle answers.

type v1Cycle struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Price        string `json:"price"`
	IsCurrent    bool   `json:"isCurrent"`
	BillingCycle string `json:"billingCycle"`
}

type v1AccountDetails struct {
	Domain string `json:"domain"`
	Name   string `json:"name"`
	Total  string `json:"total"`
}

type v1BillingCycleData struct {
	Current        string           `json:"current"`
	CurrentName    string           `json:"currentName"`
	Cycles         []v1Cycle        `json:"cycles"`
	ProductID      string           `json:"productId"`
	AccountID      string           `json:"accountId"`
	AccountDetails v1AccountDetails `json:"accountDetails"`
}

type v1ProductRef struct {
	ProductID string `json:"productId"`
	Name      string `json:"name"`
}

type v1UpgradeData struct {
	Message     string       `json:"message"`
	InvoiceID   string       `json:"invoiceId,omitempty"` // absent when nothing was invoiced
	OrderID     int64        `json:"orderId"`
	OrderNum    int64        `json:"orderNum"`
	Total       string       `json:"total"`
	RedirectURL string       `json:"redirectUrl"`
	UpgradedTo  v1ProductRef `json:"upgradedTo"`
}

// v1BillingCycle describes the cycles of a service (hosting account or VM)
// on product p, currently billed per cycleName.
func v1BillingCycle(p *Product, cycleName string, id int64, domain, name string) v1BillingCycleData {
	d := v1BillingCycleData{ProductID: p.ID, AccountID: strconv.FormatInt(id, 10),
		AccountDetails: v1AccountDetails{Domain: domain, Name: name}}
	for _, c := range billingCycles {
		price := p.Prices[c.name].String()
		current := c.name == cycleName
		if current {
			d.Current, d.CurrentName, d.AccountDetails.Total = c.v1ID, c.v1Name, price
		}
		d.Cycles = append(d.Cycles, v1Cycle{ID: c.v1ID, Name: c.v1Name, Price: price, IsCurrent: current, BillingCycle: c.v1Name})
	}
	return d
}

// v1Account resolves the {accountId} path parameter. Callers hold s.mu.
func (s *Server) v1Account(c *call) (*HostingAccount, error) {
	id, err := c.v1PathID("accountId")
	if err != nil {
		return nil, err
	}
	a := s.accounts[id]
	if a == nil {
		return nil, notFound("hosting account", strconv.FormatInt(id, 10))
	}
	return a, nil
}

// v1HostingBillingCycle serves GET /api/hosting/{accountId}/billing-cycle.
func (s *Server) v1HostingBillingCycle(c *call) (any, error) {
	a, err := s.v1Account(c)
	if err != nil {
		return nil, err
	}
	return v1BillingCycle(s.products[a.ProductID], a.BillingCycle, a.V1ID, a.Domain, s.accountName(a)), nil
}

// v1VMBillingCycle serves GET /api/vm/{vmid}/billing-cycle: the hosting shape, for a VM.
func (s *Server) v1VMBillingCycle(c *call) (any, error) {
	id, err := c.v1PathID("vmid")
	if err != nil {
		return nil, err
	}
	vm := s.vms[id]
	if vm == nil {
		return nil, notFound("VM", strconv.FormatInt(id, 10))
	}
	p := s.products[vm.ProductID]
	return v1BillingCycle(p, vm.BillingCycle, vm.ID, vm.Hostname, p.Name), nil
}

// v1HostingUpgrade serves POST /api/hosting/{accountId}/upgrade.
// v1 has no preview: the change is committed at once. It only goes up in rank
// and, unlike v2, does not look at unpaid invoices.
func (s *Server) v1HostingUpgrade(c *call) (any, error) {
	productID, ok := c.body["productId"].(string)
	if !ok {
		return nil, newError(http.StatusBadRequest, "VALIDATION_ERROR", "productId is required and must be a string (e.g. \"1913\").")
	}
	a, err := s.v1Account(c)
	if err != nil {
		return nil, err
	}
	to, ok := s.products[productID]
	if !ok || to.Kind != KindSharedHosting {
		return nil, newError(http.StatusBadRequest, "INVALID_PRODUCT", "Product %q is not a shared-hosting plan.", productID)
	}
	if e := inactiveError(a); e != nil {
		return nil, v1Code(e)
	}
	from := s.products[a.ProductID]
	switch {
	case to.ID == from.ID:
		return nil, newError(http.StatusBadRequest, "SAME_PRODUCT", "The account is already on the %s plan.", to.Name)
	case to.Rank < from.Rank:
		return nil, newError(http.StatusBadRequest, "DOWNGRADE_NOT_ALLOWED",
			"Cannot downgrade from %s to %s; only upgrades to a higher plan are possible.", from.Name, to.Name)
	case !to.Available:
		return nil, newError(http.StatusBadRequest, "PRODUCT_UNAVAILABLE", "%s", s.unavailableBecause(to))
	}
	if e := s.pendingOrderError(a); e != nil {
		return nil, v1Code(e)
	}

	pc := s.quotePlanChange(a, to)
	o, inv := s.commitPlanChange(pc)
	d := v1UpgradeData{
		Message: "Successfully upgraded to " + to.Name + " plan",
		OrderID: o.V1ID, OrderNum: o.Number, Total: pc.amount.String(), RedirectURL: "/billing",
		UpgradedTo: v1ProductRef{ProductID: to.ID, Name: to.Name},
	}
	if inv != nil {
		d.InvoiceID = strconv.FormatInt(inv.V1ID, 10)
	}
	return d, nil
}
