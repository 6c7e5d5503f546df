package hostupsim

import (
	"fmt"
	"maps"
	"math"
	"net/http"
	"slices"
	"strconv"
)

// v1 VM bodies, field for field as HostUp documents the details and upgrade answers.

type v1VMDetails struct {
	ID             int64  `json:"id"`
	ProductID      string `json:"product_id"`
	ProductName    string `json:"product_name"`
	Hostname       string `json:"hostname"`
	Status         string `json:"status"`
	BillingCycle   string `json:"billingcycle"` // "Monthly" | "Annually"
	Price          string `json:"price"`        // recurring, options included
	CPU            int64  `json:"cpu"`
	RAM            int64  `json:"ram"`             // MB
	Disk           int64  `json:"disk"`            // GB, additional storage included
	BandwidthLimit int64  `json:"bandwidth_limit"` // GB
	NextDue        string `json:"next_due"`        // "2026-03-08"
}

type v1DraftCurrency struct {
	Code         string `json:"code"`
	Decimal      string `json:"decimal"`
	Format       string `json:"format"`
	ID           int64  `json:"id"`
	ISO          string `json:"iso"`
	Rate         int64  `json:"rate"`
	Rounding     string `json:"rounding"`
	RoundingMode string `json:"rounding_mode"`
	Sign         string `json:"sign"`
}

// v1Recipient is the customer record HostUp leaks into every draft. The
// simulator fills it with the Fake… constants.
type v1Recipient struct {
	ID          string `json:"id"`
	ClientID    string `json:"client_id"`
	Email       string `json:"email"`
	Password    string `json:"password"`
	ResetToken  string `json:"reset_token"`
	ResetExpiry string `json:"reset_expiry"`
	Firstname   string `json:"firstname"`
	Lastname    string `json:"lastname"`
	Address1    string `json:"address1"`
	City        string `json:"city"`
	Postcode    string `json:"postcode"`
	Country     string `json:"country"`
	Phonenumber string `json:"phonenumber"`
	Cardnum     string `json:"cardnum"`
	Cardtype    string `json:"cardtype"`
	Expdate     string `json:"expdate"`
	Status      string `json:"status"`
}

type v1DraftPrice struct {
	Cost              string            `json:"cost"`
	Discount          string            `json:"discount"`
	DiscountDetails   []any             `json:"discount_details"`
	Recurring         map[string]string `json:"recurring"`
	RecurringCost     map[string]string `json:"recurring_cost"`
	RecurringDiscount map[string]string `json:"recurring_discount"`
	Setup             int64             `json:"setup"`
	Total             string            `json:"total"`
	TotalCost         v2Amount          `json:"total_cost"`
}

type v1DraftService struct {
	ID        string       `json:"id"`
	Name      string       `json:"name"`
	ProductID string       `json:"product_id"`
	AccountID string       `json:"account_id"`
	Cycle     string       `json:"cycle"`
	Recurring string       `json:"recurring"`
	Qty       int64        `json:"qty"`
	Price     v2Amount     `json:"price"`
	Total     v1DraftPrice `json:"total"`
}

type v1Draft struct {
	ID                  int64                     `json:"id"`
	ClientID            int64                     `json:"client_id"`
	Date                string                    `json:"date"`
	Currency            v1DraftCurrency           `json:"currency"`
	AvailableRecipients []v1Recipient             `json:"available_recipients"`
	Price               v1DraftPrice              `json:"price"`
	Services            map[string]v1DraftService `json:"services"`
	Addons              []any                     `json:"addons"`
	Domains             []any                     `json:"domains"`
}

type v1EstimateRaw struct {
	Success    bool    `json:"success"`
	Call       string  `json:"call"`
	ServerTime int64   `json:"server_time"`
	Draft      v1Draft `json:"draft"`
}

type v1EstimateData struct {
	Success   bool          `json:"success"`
	Estimate  bool          `json:"estimate"`
	DraftID   int64         `json:"draftId"`
	Prorated  v2Amount      `json:"prorated"`
	Recurring v2Amount      `json:"recurring"`
	Credits   int64         `json:"credits"`
	Summary   []any         `json:"summary"`
	Raw       v1EstimateRaw `json:"raw"`
}

type v1Checkout struct {
	InvoiceID int64  `json:"invoice_id"`
	Total     string `json:"total"`
	Gateway   string `json:"gateway"`
	OrderID   int64  `json:"order_id"`
	OrderNum  int64  `json:"order_num"`
	NewTotal  string `json:"newtotal"`
}

type v1CommitRaw struct {
	Success    bool       `json:"success"`
	Checkout   v1Checkout `json:"checkout"`
	Call       string     `json:"call"`
	ServerTime int64      `json:"server_time"`
	Info       []string   `json:"info"`
}

type v1CommitData struct {
	Success     bool        `json:"success"`
	Upgraded    bool        `json:"upgraded"`
	Message     string      `json:"message"`
	DraftID     int64       `json:"draftId,omitempty"`   // the committed draft, when one was
	InvoiceID   string      `json:"invoiceId,omitempty"` // absent when nothing was invoiced
	OrderID     int64       `json:"orderId"`
	OrderNum    int64       `json:"orderNum"`
	Total       string      `json:"total"`
	RedirectURL *string     `json:"redirectUrl"`
	Raw         v1CommitRaw `json:"raw"`
}

// v1VM resolves the {vmid} path parameter. Callers hold s.mu.
func (s *Server) v1VM(c *call) (*VM, error) {
	id, err := c.v1PathID("vmid")
	if err != nil {
		return nil, err
	}
	vm := s.vms[id]
	if vm == nil {
		return nil, notFound("VM", strconv.FormatInt(id, 10))
	}
	return vm, nil
}

// v1VMDetails serves GET /api/vm/{vmid}/details.
func (s *Server) v1VMDetails(c *call) (any, error) {
	vm, err := s.v1VM(c)
	if err != nil {
		return nil, err
	}
	p := s.products[vm.ProductID]
	cycle, _ := cycleByName(vm.BillingCycle)
	spec := vpsSpecs[p.ID]
	return v1VMDetails{ID: vm.ID, ProductID: p.ID, ProductName: p.Name, Hostname: vm.Hostname, Status: vm.Status,
		BillingCycle: cycle.v1Name, Price: s.vmRecurring(p, vm.Options, cycle).String(), CPU: spec.CPU, RAM: spec.RAMMB,
		Disk: spec.DiskGB + vm.Options[OptionStorage], BandwidthLimit: spec.BandwidthGB + vm.Options[OptionBandwidth],
		NextDue: vm.NextDueAt.Format("2006-01-02")}, nil
}

// v1VMUpgradeRequest is the decoded body of POST /api/vm/{vmid}/upgrade.
type v1VMUpgradeRequest struct {
	send      bool
	draftID   int64 // 0: none
	productID string
	cycle     string // v1 cycle id, "" when absent
	resources map[string]int64
}

// parseV1VMUpgrade checks the body's JSON types the way v1 does: one
// VALIDATION_ERROR naming the first offending field.
func parseV1VMUpgrade(body map[string]any) (v1VMUpgradeRequest, error) {
	var req v1VMUpgradeRequest
	bad := func(format string, args ...any) error {
		return newError(http.StatusBadRequest, "VALIDATION_ERROR", format, args...)
	}
	send, ok := body["send"].(bool)
	if !ok {
		return req, bad("send is required and must be a boolean.")
	}
	req.send = send
	if v, present := body["draftId"]; present {
		n, ok := v.(float64)
		if !ok || n < 1 || n != math.Trunc(n) || n > math.MaxInt32 {
			return req, bad("draftId must be a positive integer.")
		}
		req.draftID = int64(n)
	}
	if v, present := body["package"]; present {
		if req.productID, ok = v.(string); !ok || !isDigits(req.productID) {
			return req, bad("package must be a product id string (e.g. \"1938\").")
		}
	}
	if v, present := body["cycle"]; present {
		if req.cycle, ok = v.(string); !ok {
			return req, bad("cycle must be a string (m or a).")
		}
	}
	if v, present := body["resources"]; present {
		obj, ok := v.(map[string]any)
		if !ok {
			return req, bad("resources must be an object of option id to quantity.")
		}
		req.resources = map[string]int64{}
		for _, k := range slices.Sorted(maps.Keys(obj)) {
			n, ok := obj[k].(float64)
			if !ok || n != math.Trunc(n) || math.Abs(n) > math.MaxInt32 {
				return req, bad("resources[%s] must be an integer quantity.", k)
			}
			req.resources[k] = int64(n)
		}
	}
	return req, nil
}

// v1VMUpgrade serves POST /api/vm/{vmid}/upgrade. send: false
// estimates and stores a draft; send: true commits the draft named by
// draftId, or, without one, the change in the body directly (the page's
// example does that).
func (s *Server) v1VMUpgrade(c *call) (any, error) {
	req, err := parseV1VMUpgrade(c.body)
	if err != nil {
		return nil, err
	}
	vm, err := s.v1VM(c)
	if err != nil {
		return nil, err
	}
	if req.send && req.draftID != 0 {
		return s.v1CommitDraft(vm, req)
	}
	if req.draftID != 0 {
		return nil, newError(http.StatusBadRequest, "VALIDATION_ERROR", "draftId is only accepted with send: true.")
	}
	q, err := s.v1Quote(vm, req)
	if err != nil {
		return nil, err
	}
	if !req.send {
		return s.v1Estimate(vm, q), nil
	}
	return s.v1Commit(vm, q, 0), nil
}

// v1Quote validates the requested change against the VM and prices it.
// Callers hold s.mu.
func (s *Server) v1Quote(vm *VM, req v1VMUpgradeRequest) (vmQuote, error) {
	if req.productID == "" && len(req.resources) == 0 {
		return vmQuote{}, newError(http.StatusBadRequest, "VALIDATION_ERROR", "Give a package, resources or both.")
	}
	current, _ := cycleByName(vm.BillingCycle)
	if req.cycle != "" && req.cycle != current.v1ID {
		return vmQuote{}, newError(http.StatusBadRequest, "INVALID_CYCLE",
			"cycle %q is not this server's billing cycle (%s); change the cycle through /billing-cycle.", req.cycle, current.v1ID)
	}
	to := s.products[vm.ProductID]
	if req.productID != "" {
		p, ok := s.products[req.productID]
		if !ok || p.Kind != KindVPS {
			return vmQuote{}, newError(http.StatusBadRequest, "INVALID_PRODUCT", "Product %q is not a VPS package.", req.productID)
		}
		if !p.Available && p.ID != vm.ProductID {
			return vmQuote{}, newError(http.StatusBadRequest, "PRODUCT_UNAVAILABLE", "%s", s.unavailableBecause(p))
		}
		to = p
	}
	for id := range req.resources {
		if _, ok := s.vpsOptions[id]; !ok {
			return vmQuote{}, newError(http.StatusBadRequest, "INVALID_OPTION", "%q is not a configurable option of this server.", id)
		}
	}
	opts, err := s.completeOptions(vm.Options, req.resources)
	if err != nil {
		return vmQuote{}, newError(http.StatusBadRequest, "INVALID_OPTION_VALUE", "%s.", capitalize(trimSimPrefix(err)))
	}
	if to.ID == vm.ProductID && maps.Equal(opts, vm.Options) {
		return vmQuote{}, newError(http.StatusBadRequest, "NO_CHANGES", "The server already has this package and these resources.")
	}
	if e := s.vmBlocker(vm); e != nil {
		return vmQuote{}, v1Code(e)
	}
	return s.quoteVM(vm, to, opts), nil
}

// trimSimPrefix drops the "hostupsim: " of a Go API error reused in an answer.
func trimSimPrefix(err error) string {
	msg := err.Error()
	const prefix = "hostupsim: "
	if len(msg) > len(prefix) && msg[:len(prefix)] == prefix {
		return msg[len(prefix):]
	}
	return msg
}

// v1Estimate stores a draft for q and answers with it. Callers hold s.mu.
func (s *Server) v1Estimate(vm *VM, q vmQuote) v1EstimateData {
	s.draftSeq++
	d := &vmDraft{id: s.draftSeq, vmID: vm.ID, version: s.vmVersion(vm), quote: q}
	s.drafts[d.id] = d
	cy := q.cycle.v1ID
	price := v1DraftPrice{
		Cost: q.amount.String(), Discount: "0.00", DiscountDetails: []any{},
		Recurring: map[string]string{cy: q.recurring.String()}, RecurringCost: map[string]string{cy: q.recurring.String()},
		RecurringDiscount: map[string]string{cy: "0.00"}, Total: q.amount.String(), TotalCost: v2Amount(q.amount),
	}
	return v1EstimateData{
		Success: true, Estimate: true, DraftID: d.id, Prorated: v2Amount(q.amount), Recurring: v2Amount(q.recurring),
		Summary: []any{},
		Raw: v1EstimateRaw{Success: true, Call: "getOrderDraft", ServerTime: s.now.Unix(), Draft: v1Draft{
			ID: d.id, ClientID: 30000, Date: s.now.Format("2006-01-02 15:04:05"),
			Currency: v1DraftCurrency{Code: "kr", Decimal: "2", Format: "1 234,56", ISO: currency, Rate: 1,
				Rounding: "2", RoundingMode: "HALF_UP"},
			AvailableRecipients: []v1Recipient{{
				ID: "8918", ClientID: "30000", Email: FakeCustomerEmail, Password: FakeCustomerPassword,
				ResetToken: FakeCustomerResetToken, Firstname: "Anna", Lastname: "Svensson", Address1: "Examplegatan 1",
				City: "Stockholm", Postcode: "123 45", Country: "SE", Phonenumber: "+46700000000",
				Cardnum: FakeCustomerCardNumber, Cardtype: "Visa", Expdate: "02/29", Status: "Active",
			}},
			Price: price,
			Services: map[string]v1DraftService{"1": {ID: q.to.ID, Name: q.to.Name, ProductID: q.to.ID,
				AccountID: strconv.FormatInt(vm.ID, 10), Cycle: cy, Recurring: cy, Qty: 1,
				Price: v2Amount(q.recurring), Total: price}},
			Addons: []any{}, Domains: []any{},
		}},
	}
}

// v1CommitDraft commits a stored estimate. The body may repeat the draft's
// package and resources; anything else is a mismatch. Callers hold s.mu.
func (s *Server) v1CommitDraft(vm *VM, req v1VMUpgradeRequest) (any, error) {
	d := s.drafts[req.draftID]
	if d == nil || d.vmID != vm.ID || d.committed {
		return nil, newError(http.StatusBadRequest, "INVALID_DRAFT",
			"Draft %d does not exist for server %d or was already used; request a new estimate with send: false.", req.draftID, vm.ID)
	}
	if d.version != s.vmVersion(vm) {
		return nil, newError(http.StatusConflict, "DRAFT_EXPIRED",
			"Draft %d was made before the server last changed; request a new estimate with send: false.", d.id)
	}
	if req.productID != "" && req.productID != d.quote.to.ID {
		return nil, newError(http.StatusBadRequest, "DRAFT_MISMATCH", "package %q differs from draft %d's %q.", req.productID, d.id, d.quote.to.ID)
	}
	for id, qty := range req.resources {
		if got, ok := d.quote.options[id]; !ok || got != qty {
			return nil, newError(http.StatusBadRequest, "DRAFT_MISMATCH", "resources[%s] differs from draft %d.", id, d.id)
		}
	}
	if e := s.vmBlocker(vm); e != nil {
		return nil, v1Code(e)
	}
	d.committed = true
	return s.v1Commit(vm, d.quote, d.id), nil
}

// v1Commit orders q and answers as HostUp's example commit does. Callers hold s.mu.
func (s *Server) v1Commit(vm *VM, q vmQuote, draftID int64) v1CommitData {
	o, inv := s.commitVM(vm, q)
	d := v1CommitData{
		Success: true, Upgraded: true, Message: "Upgrade request submitted successfully", DraftID: draftID,
		OrderID: o.V1ID, OrderNum: o.Number, Total: q.amount.String(),
		Raw: v1CommitRaw{Success: true, Call: "orderConfigUpgrade", ServerTime: s.now.Unix(),
			Info: []string{"Function has been scheduled for execution"},
			Checkout: v1Checkout{Total: q.amount.String(), Gateway: "16", OrderID: o.V1ID, OrderNum: o.Number,
				NewTotal: q.recurring.String()}},
	}
	if inv != nil {
		d.InvoiceID = strconv.FormatInt(inv.V1ID, 10)
		d.Raw.Checkout.InvoiceID = inv.V1ID
		d.RedirectURL = optional(fmt.Sprintf("/billing?invoice=%d", inv.V1ID))
	}
	return d
}
