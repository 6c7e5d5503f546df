package hostupsim

import (
	"fmt"
	"maps"
	"math"
	"net/http"
	"slices"
)

// v2 VPS bodies: the server read and its plan and option changes.

type v2VPSPlan struct {
	ProductSlug string `json:"productSlug"`
	Name        string `json:"name"`
}

type v2VPSSpecs struct {
	CPU         int64 `json:"cpu"`
	RAMMB       int64 `json:"ramMb"`
	DiskGB      int64 `json:"diskGb"`
	BandwidthGB int64 `json:"bandwidthGb"`
}

// v2VPSSummary is a server as the VPS list shows it; the read adds options.
type v2VPSSummary struct {
	ID       string     `json:"id"`
	Hostname string     `json:"hostname"`
	Status   string     `json:"status"`
	Plan     v2VPSPlan  `json:"plan"`
	Billing  v2Billing  `json:"billing"`
	Specs    v2VPSSpecs `json:"specs"`
}

type v2VPSJSON struct {
	v2VPSSummary
	Options map[string]any `json:"options"` // by v2 key; ipv6 is a boolean
}

type v2VPSPlanOption struct {
	ProductSlug string    `json:"productSlug"`
	Name        string    `json:"name"`
	Type        string    `json:"type"` // upgrade | downgrade
	Billing     v2Billing `json:"billing"`
	Available   bool      `json:"available"`
	Reason      *string   `json:"reason"`
}

type v2VPSConfigOption struct {
	Key     string    `json:"key"`
	Name    string    `json:"name"`
	Type    string    `json:"type"` // quantity | boolean
	Min     int64     `json:"min"`
	Max     int64     `json:"max"`
	Current any       `json:"current"`
	Price   v2Billing `json:"price"` // per unit and billing cycle
}

type v2VPSUpgradeOptions struct {
	VPSID        string `json:"vpsId"`
	Hostname     string `json:"hostname"`
	CurrencyCode string `json:"currencyCode"`
	Actions      struct {
		CanUpgrade v2Action `json:"canUpgrade"`
	} `json:"actions"`
	CurrentPlan         v2Package           `json:"currentPlan"`
	AvailablePlans      []v2VPSPlanOption   `json:"availablePlans"`
	ConfigurableOptions []v2VPSConfigOption `json:"configurableOptions"`
}

type v2VPSPriceChange struct {
	Amount                    v2Amount `json:"amount"`
	RecurringAmount           v2Amount `json:"recurringAmount"`
	AdditionalRecurringAmount v2Amount `json:"additionalRecurringAmount"`
	CurrencyCode              string   `json:"currencyCode"`
	BillingCycle              string   `json:"billingCycle"`
}

type v2VPSChange struct {
	DryRun         bool             `json:"dryRun"`
	VPSID          string           `json:"vpsId"`
	CurrentPlan    v2VPSPlan        `json:"currentPlan"`
	NewPlan        v2VPSPlan        `json:"newPlan"`
	Resources      map[string]any   `json:"resources"` // the complete option set after the change
	PriceChange    v2VPSPriceChange `json:"priceChange"`
	Actions        v2CommitActions  `json:"actions"`
	OrderID        *string          `json:"orderId"`
	PaymentInvoice *v2InvoiceJSON   `json:"paymentInvoice"`
}

type v2CommitActions struct {
	CanCommit v2Action `json:"canCommit"`
}

var (
	vpsUpgradeFields = []fieldSpec{
		{name: "productSlug", kind: stringField, required: true},
		{name: "billingCycle", kind: stringField},
		{name: "dryRun", kind: boolField},
		{name: "cancelExistingInvoice", kind: boolField},
	}
	vpsConfigFields = []fieldSpec{
		{name: "resources", kind: objectField, required: true},
		{name: "dryRun", kind: boolField},
		{name: "cancelExistingInvoice", kind: boolField},
	}
)

// v2VPS resolves the {id} path parameter: 404 vps_not_found for an unknown
// server. Callers hold s.mu.
func (s *Server) v2VPS(c *call) (*VM, error) {
	id, err := c.v2PathID("id", "vps_")
	if err != nil {
		return nil, err
	}
	v1, ok := s.vmV2[id]
	if !ok {
		return nil, newError(http.StatusNotFound, "vps_not_found", "VPS %s not found.", id)
	}
	return s.vms[v1], nil
}

// v2Options renders an option set by v2 key.
func (s *Server) v2Options(opts map[string]int64) map[string]any {
	out := map[string]any{}
	for id, qty := range opts {
		o := s.vpsOptions[id]
		if o == nil {
			continue
		}
		out[o.Key] = v2OptionValue(o, qty)
	}
	return out
}

func v2OptionValue(o *vpsOption, qty int64) any {
	if o.Type == "boolean" {
		return qty != 0
	}
	return qty
}

// v2VPSSummary renders vm as the list shows it. Callers hold s.mu.
func (s *Server) v2VPSSummary(vm *VM) v2VPSSummary {
	p := s.products[vm.ProductID]
	cycle, _ := cycleByName(vm.BillingCycle)
	spec := vpsSpecs[p.ID]
	return v2VPSSummary{ID: vm.V2ID, Hostname: vm.Hostname, Status: vm.Status, Plan: v2VPSPlan{ProductSlug: p.Slug, Name: p.Name},
		Billing: v2Billing{Amount: v2Amount(s.vmRecurring(p, vm.Options, cycle)), CurrencyCode: currency, BillingCycle: cycle.name},
		Specs: v2VPSSpecs{CPU: spec.CPU, RAMMB: spec.RAMMB, DiskGB: spec.DiskGB + vm.Options[OptionStorage],
			BandwidthGB: spec.BandwidthGB + vm.Options[OptionBandwidth]}}
}

// v2GetVPS serves GET /api/v2/vps/{id}.
func (s *Server) v2GetVPS(c *call) (any, error) {
	vm, err := s.v2VPS(c)
	if err != nil {
		return nil, err
	}
	return v2VPSJSON{v2VPSSummary: s.v2VPSSummary(vm), Options: s.v2Options(vm.Options)}, nil
}

// v2VPSUpgradeOptions serves GET /api/v2/vps/{id}/actions/upgrade: the other
// VPS plans by rank, priced with the server's options for its cycle, and the
// configurable options with their unit prices.
func (s *Server) v2VPSUpgradeOptions(c *call) (any, error) {
	vm, err := s.v2VPS(c)
	if err != nil {
		return nil, err
	}
	cycle, _ := cycleByName(vm.BillingCycle)
	current := s.products[vm.ProductID]
	out := v2VPSUpgradeOptions{VPSID: vm.V2ID, Hostname: vm.Hostname, CurrencyCode: currency,
		CurrentPlan: v2Package{ProductSlug: current.Slug, Name: current.Name,
			Billing: v2Billing{Amount: v2Amount(s.vmRecurring(current, vm.Options, cycle)), CurrencyCode: currency, BillingCycle: cycle.name}},
		AvailablePlans: []v2VPSPlanOption{}, ConfigurableOptions: []v2VPSConfigOption{}}
	out.Actions.CanUpgrade = allowed(s.vmBlocker(vm))
	for _, p := range s.vpsProducts() {
		if p.ID == current.ID {
			continue
		}
		opt := v2VPSPlanOption{ProductSlug: p.Slug, Name: p.Name, Type: "upgrade", Available: p.Available,
			Billing: v2Billing{Amount: v2Amount(s.vmRecurring(p, vm.Options, cycle)), CurrencyCode: currency, BillingCycle: cycle.name}}
		if p.Rank < current.Rank {
			opt.Type = "downgrade"
		}
		if !p.Available {
			opt.Reason = optional(s.unavailableBecause(p))
		}
		out.AvailablePlans = append(out.AvailablePlans, opt)
	}
	for _, o := range s.sortedVPSOptions() {
		out.ConfigurableOptions = append(out.ConfigurableOptions, v2VPSConfigOption{Key: o.Key, Name: o.Name, Type: o.Type,
			Min: o.Min, Max: o.Max, Current: v2OptionValue(o, vm.Options[o.ID]),
			Price: v2Billing{Amount: v2Amount(o.Price * Money(cycle.months)), CurrencyCode: currency, BillingCycle: cycle.name}})
	}
	return out, nil
}

// v2VPSUpgrade serves POST /api/v2/vps/{id}/actions/upgrade: a plan change.
func (s *Server) v2VPSUpgrade(c *call) (any, error) {
	if _, err := c.v2PathID("id", "vps_"); err != nil {
		return nil, err
	}
	if err := checkV2Fields(c.body, vpsUpgradeFields...); err != nil {
		return nil, err
	}
	slug := c.body["productSlug"].(string)
	if isDigits(slug) {
		return nil, invalidField("/productSlug", "numeric_product_id",
			fmt.Sprintf("v2 identifies plans by slug (e.g. vps-xl), not by product id %q.", slug))
	}
	vm, err := s.v2VPS(c)
	if err != nil {
		return nil, err
	}
	to, err := s.vpsProduct(slug)
	if err != nil {
		return nil, invalidField("/productSlug", "unknown_product",
			fmt.Sprintf("Unknown VPS plan %q; valid plans: %s.", slug, s.vpsSlugs()))
	}
	if cy, ok := c.body["billingCycle"].(string); ok && cy != vm.BillingCycle {
		return nil, invalidField("/billingCycle", "billing_cycle_mismatch",
			fmt.Sprintf("A plan change keeps the billing cycle (%s); change the cycle separately.", vm.BillingCycle))
	}
	if to.ID == vm.ProductID {
		return nil, newError(http.StatusConflict, "same_product_plan", "The VPS is already on the %s plan (%s).", to.Name, to.Slug)
	}
	if !to.Available {
		return nil, newError(http.StatusConflict, "product_unavailable", "%s", s.unavailableBecause(to))
	}
	return s.v2VPSChange(c, vm, s.quoteVM(vm, to, vm.Options))
}

// v2VPSConfig serves POST /api/v2/vps/{id}/actions/config: a change of
// configurable options, keyed by v2 key.
func (s *Server) v2VPSConfig(c *call) (any, error) {
	if _, err := c.v2PathID("id", "vps_"); err != nil {
		return nil, err
	}
	if err := checkV2Fields(c.body, vpsConfigFields...); err != nil {
		return nil, err
	}
	changes, err := s.parseV2Resources(c.body["resources"].(map[string]any))
	if err != nil {
		return nil, err
	}
	vm, err := s.v2VPS(c)
	if err != nil {
		return nil, err
	}
	opts, err := s.completeOptions(vm.Options, changes)
	if err != nil { // ranges were checked while parsing
		return nil, err
	}
	if maps.Equal(opts, vm.Options) {
		return nil, newError(http.StatusConflict, "no_changes", "The VPS already has these resources.")
	}
	return s.v2VPSChange(c, vm, s.quoteVM(vm, s.products[vm.ProductID], opts))
}

// parseV2Resources checks each resources entry: a known key, the option's
// JSON type (integer or boolean) and its range, all reported at once.
// Callers hold s.mu.
func (s *Server) parseV2Resources(in map[string]any) (map[string]int64, error) {
	out := map[string]int64{}
	var errs []fieldError
	fail := func(key, code, detail string) {
		errs = append(errs, fieldError{Pointer: "/resources/" + key, Code: code, Detail: detail})
	}
	for _, k := range slices.Sorted(maps.Keys(in)) {
		o, err := s.vpsOption(k)
		if err != nil || isDigits(k) {
			fail(k, "unknown_option", fmt.Sprintf("`%s` is not a configurable option; v2 names options by key (e.g. bandwidthGb).", k))
			continue
		}
		var qty int64
		switch v := in[k].(type) {
		case bool:
			if o.Type != "boolean" {
				fail(k, "invalid_type", fmt.Sprintf("`%s` must be an integer.", k))
				continue
			}
			if v {
				qty = 1
			}
		case float64:
			if o.Type == "boolean" {
				fail(k, "invalid_type", fmt.Sprintf("`%s` must be a boolean.", k))
				continue
			}
			if v != math.Trunc(v) || math.Abs(v) > math.MaxInt32 {
				fail(k, "invalid_type", fmt.Sprintf("`%s` must be an integer.", k))
				continue
			}
			qty = int64(v)
		default:
			fail(k, "invalid_type", fmt.Sprintf("`%s` has the wrong type.", k))
			continue
		}
		if qty < o.Min || qty > o.Max {
			fail(k, "out_of_range", fmt.Sprintf("`%s` must be from %d to %d, got %d.", k, o.Min, o.Max, qty))
			continue
		}
		out[o.ID] = qty
	}
	if len(in) == 0 {
		errs = append(errs, fieldError{Pointer: "/resources", Code: "missing_required", Detail: "`resources` must name at least one option."})
	}
	if errs != nil {
		e := newError(http.StatusBadRequest, "invalid_request", "The request body failed validation.")
		e.fields = errs
		return nil, e
	}
	return out, nil
}

// v2VPSChange previews (dryRun) or commits a quoted change. A preview
// reports blockers in actions.canCommit; a commit is refused by them.
// Callers hold s.mu.
func (s *Server) v2VPSChange(c *call, vm *VM, q vmQuote) (any, error) {
	dryRun, _ := c.body["dryRun"].(bool)
	cancelInvoices, _ := c.body["cancelExistingInvoice"].(bool)
	from := s.products[vm.ProductID]
	res := v2VPSChange{DryRun: dryRun, VPSID: vm.V2ID,
		CurrentPlan: v2VPSPlan{ProductSlug: from.Slug, Name: from.Name}, NewPlan: v2VPSPlan{ProductSlug: q.to.Slug, Name: q.to.Name},
		Resources: s.v2Options(q.options),
		PriceChange: v2VPSPriceChange{Amount: v2Amount(q.amount), RecurringAmount: v2Amount(q.recurring),
			AdditionalRecurringAmount: v2Amount(q.recurring - q.oldRecurring), CurrencyCode: currency, BillingCycle: q.cycle.name}}
	blocker := s.vmBlocker(vm)
	if blocker != nil && blocker.status == http.StatusForbidden {
		return nil, blocker
	}
	blocking := s.unpaidInvoicesOf(vm.V2ID)
	if blocker == nil && len(blocking) > 0 && !cancelInvoices {
		inv := blocking[0]
		blocker = newError(http.StatusConflict, "existing_invoice_blocking",
			"Unpaid invoice %s (%s %s) blocks this change. Pay it, or retry with cancelExistingInvoice: true to cancel it.",
			inv.Number, inv.Amount, inv.Currency).
			withExtension("invoiceId", inv.ID).withExtension("invoiceNumber", inv.Number)
	}
	res.Actions.CanCommit = allowed(blocker)
	if dryRun {
		return res, nil
	}
	if blocker != nil {
		return nil, blocker
	}
	for _, inv := range blocking {
		s.settleInvoice(inv, "cancelled", "cancelled")
	}
	o, inv := s.commitVM(vm, q)
	res.OrderID = &o.ID
	if inv != nil {
		body := v2Invoice(inv)
		res.PaymentInvoice = &body
	}
	return res, nil
}
