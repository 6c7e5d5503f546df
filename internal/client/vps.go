package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Canonical billing-cycle names, as v2 spells them. v1 VM routes use "m"/"a"
// (or "Monthly"/"Annually"); callers of this package only see these names.
const (
	CycleMonthly  = "monthly"
	CycleAnnually = "annually"
)

// v1Cycles maps v1 cycle ids to canonical names.
var v1Cycles = map[string]string{"m": CycleMonthly, "a": CycleAnnually}

// CycleFromV1 turns a v1 cycle id ("m") or name ("Monthly") into its
// canonical name ("monthly").
func CycleFromV1(v1 string) (string, bool) {
	for id, name := range v1Cycles {
		if v1 == id || strings.EqualFold(v1, name) {
			return name, true
		}
	}
	return "", false
}

// CycleToV1 turns a canonical cycle name into the v1 cycle id.
func CycleToV1(name string) (string, bool) {
	for id, n := range v1Cycles {
		if n == name {
			return id, true
		}
	}
	return "", false
}

// VMDetails is a v1 VM (GET /api/vm/{vmid}/details).
type VMDetails struct {
	ID          int64  `json:"id"`
	ProductID   string `json:"product_id"`
	ProductName string `json:"product_name"`
	Hostname    string `json:"hostname"`
	Status      string `json:"status"`
	// BillingCycle is the canonical name ("monthly"), converted from v1's.
	BillingCycle string `json:"billingcycle"`
	// Price is the recurring price per cycle.
	Price          Amount `json:"price"`
	CPU            int64  `json:"cpu"`
	RAMMB          int64  `json:"ram"`
	DiskGB         int64  `json:"disk"`
	BandwidthLimit int64  `json:"bandwidth_limit"`
	NextDue        string `json:"next_due"`
}

// GetVMDetails reads a VM through v1.
func (c *Client) GetVMDetails(ctx context.Context, vmID int64) (*VMDetails, error) {
	d, err := do[VMDetails](ctx, c, http.MethodGet, vmPath(vmID, "details"), nil, nil)
	if err != nil {
		return nil, err
	}
	if d.BillingCycle != "" {
		name, ok := CycleFromV1(d.BillingCycle)
		if !ok {
			return nil, fmt.Errorf("GET %s: unknown billing cycle %q", vmPath(vmID, "details"), d.BillingCycle)
		}
		d.BillingCycle = name
	}
	return d, nil
}

// VMUpgrade is a v1 VM change: a package (product id, "1938"), configurable
// options by billing-backend id ({"2231": 400}), or both.
type VMUpgrade struct {
	Package   string
	Resources map[string]int64
	// BillingCycle, canonical ("monthly"), is sent as v1's cycle when set.
	BillingCycle string
}

type vmUpgradeBody struct {
	Send      bool             `json:"send"`
	DraftID   int64            `json:"draftId,omitempty"`
	Package   string           `json:"package,omitempty"`
	Cycle     string           `json:"cycle,omitempty"`
	Resources map[string]int64 `json:"resources,omitempty"`
}

func (u VMUpgrade) body(send bool, draftID int64) (vmUpgradeBody, error) {
	b := vmUpgradeBody{Send: send, DraftID: draftID, Package: u.Package, Resources: u.Resources}
	if u.BillingCycle != "" {
		id, ok := CycleToV1(u.BillingCycle)
		if !ok {
			return b, fmt.Errorf("billing cycle %q cannot be sent to v1 (want %s or %s)", u.BillingCycle, CycleMonthly, CycleAnnually)
		}
		b.Cycle = id
	}
	return b, nil
}

// VMUpgradeEstimate is what a v1 VM change would cost (send: false). HostUp
// keeps it as a draft that CommitVMUpgrade can commit.
type VMUpgradeEstimate struct {
	DraftID int64
	// Prorated is due now; negative for a credit.
	Prorated Amount
	// Recurring is the new price per billing cycle.
	Recurring Amount
	// CurrencyCode is the ISO code ("SEK") and CurrencySymbol what HostUp
	// prints ("kr"); v1 names the currency only inside its draft.
	CurrencyCode   string
	CurrencySymbol string
}

// vmEstimateJSON decodes only what VMUpgradeEstimate keeps. The answer's raw
// draft also carries customer records (e-mail, card digits, a password
// field); they are never decoded, and the body is not kept.
type vmEstimateJSON struct {
	DraftID   int64   `json:"draftId"`
	Prorated  *Amount `json:"prorated"`
	Recurring *Amount `json:"recurring"`
	Raw       struct {
		Draft struct {
			Currency struct {
				Code string `json:"code"`
				ISO  string `json:"iso"`
			} `json:"currency"`
		} `json:"draft"`
	} `json:"raw"`
}

// EstimateVMUpgrade asks what a VM change would cost (send: false). Nothing is
// bought; HostUp stores a draft, and every call makes a new one.
func (c *Client) EstimateVMUpgrade(ctx context.Context, vmID int64, u VMUpgrade) (*VMUpgradeEstimate, error) {
	body, err := u.body(false, 0)
	if err != nil {
		return nil, err
	}
	path := vmPath(vmID, "upgrade")
	e, err := do[vmEstimateJSON](asPreview(ctx), c, http.MethodPost, path, nil, body)
	if err != nil {
		return nil, err
	}
	if e.DraftID == 0 || e.Prorated == nil || e.Recurring == nil {
		return nil, fmt.Errorf("POST %s: the estimate lacks draftId, prorated or recurring", path)
	}
	return &VMUpgradeEstimate{DraftID: e.DraftID, Prorated: *e.Prorated, Recurring: *e.Recurring,
		CurrencyCode: e.Raw.Draft.Currency.ISO, CurrencySymbol: e.Raw.Draft.Currency.Code}, nil
}

// VMUpgradeResult is the answer to a committed v1 VM change. The change is
// carried out later ("scheduled for execution"): details may show the old
// size until the order completes.
type VMUpgradeResult struct {
	Upgraded bool
	Message  string
	OrderID  string
	OrderNum int64
	// InvoiceID is empty when nothing was invoiced (a credit).
	InvoiceID string
	// Total was charged now; negative for a credit.
	Total Amount
	// NewRecurring is the new price per cycle (raw.checkout.newtotal).
	NewRecurring *Amount
}

// vmCommitJSON decodes only what VMUpgradeResult keeps.
type vmCommitJSON struct {
	Upgraded  bool       `json:"upgraded"`
	Message   string     `json:"message"`
	OrderID   flexString `json:"orderId"`
	OrderNum  int64      `json:"orderNum"`
	InvoiceID flexString `json:"invoiceId"`
	Total     *Amount    `json:"total"`
	Raw       struct {
		Checkout struct {
			NewTotal *Amount `json:"newtotal"`
		} `json:"checkout"`
	} `json:"raw"`
}

// CommitVMUpgrade commits a v1 VM change (send: true). With a draftID (from
// EstimateVMUpgrade) HostUp commits that draft; u should then repeat the
// draft's change. It is never retried once it may have reached HostUp: on an
// error for which OutcomeUnknown is true, re-read the VM before anything else.
func (c *Client) CommitVMUpgrade(ctx context.Context, vmID, draftID int64, u VMUpgrade) (*VMUpgradeResult, error) {
	body, err := u.body(true, draftID)
	if err != nil {
		return nil, err
	}
	path := vmPath(vmID, "upgrade")
	r, err := do[vmCommitJSON](ctx, c, http.MethodPost, path, nil, body)
	if err != nil {
		return nil, err
	}
	if r.Total == nil {
		return nil, fmt.Errorf("POST %s: the answer lacks the amount charged (total)", path)
	}
	return &VMUpgradeResult{Upgraded: r.Upgraded, Message: r.Message, OrderID: string(r.OrderID), OrderNum: r.OrderNum,
		InvoiceID: string(r.InvoiceID), Total: *r.Total, NewRecurring: r.Raw.Checkout.NewTotal}, nil
}

// flexString accepts a JSON string or number (v1 ids are documented as
// "integer | string") and keeps its text.
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*f = ""
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
	default:
		if _, err := strconv.ParseInt(string(b), 10, 64); err != nil {
			return fmt.Errorf("id %s is neither a string nor an integer", b)
		}
		*f = flexString(b)
	}
	return nil
}

// VPS is a v2 virtual server (GET /api/v2/vps/{id}).
type VPS struct {
	ID       string     `json:"id"`
	Hostname string     `json:"hostname"`
	Status   string     `json:"status"`
	Plan     VPSPlan    `json:"plan"`
	Billing  Billing    `json:"billing"`
	Specs    VPSSpecs   `json:"specs"`
	Options  VPSOptions `json:"options"`
}

// VPSPlan names a VPS plan.
type VPSPlan struct {
	ProductSlug string `json:"productSlug"`
	Name        string `json:"name"`
}

// VPSSpecs is what a VPS runs with, configurable options included.
type VPSSpecs struct {
	CPU         int64 `json:"cpu"`
	RAMMB       int64 `json:"ramMb"`
	DiskGB      int64 `json:"diskGb"`
	BandwidthGB int64 `json:"bandwidthGb"`
}

// VPSOptions are a VPS's configurable options, by v2 key.
type VPSOptions struct {
	BandwidthGB         int64 `json:"bandwidthGb"`
	BackupSlots         int64 `json:"backupSlots"`
	SnapshotSlots       int64 `json:"snapshotSlots"`
	IPv4Count           int64 `json:"ipv4Count"`
	IPv6                bool  `json:"ipv6"`
	AdditionalStorageGB int64 `json:"additionalStorageGb"`
}

// GetVPS reads a v2 VPS.
func (c *Client) GetVPS(ctx context.Context, id string) (*VPS, error) {
	return do[VPS](ctx, c, http.MethodGet, vpsPath(id, ""), nil, nil)
}

// VPSUpgradeOptions is what a VPS can change to
// (GET /api/v2/vps/{id}/actions/upgrade).
type VPSUpgradeOptions struct {
	VPSID               string            `json:"vpsId"`
	Hostname            string            `json:"hostname"`
	CurrencyCode        string            `json:"currencyCode"`
	Actions             UpgradeActions    `json:"actions"`
	CurrentPlan         Package           `json:"currentPlan"`
	AvailablePlans      []UpgradeOption   `json:"availablePlans"`
	ConfigurableOptions []VPSConfigOption `json:"configurableOptions"`
}

// VPSConfigOption is one configurable option of a VPS.
type VPSConfigOption struct {
	Key  string `json:"key"`
	Name string `json:"name"`
	// Type is "quantity" or "boolean"; a boolean's values are 0 and 1 here.
	Type string `json:"type"`
	Min  int64  `json:"min"`
	Max  int64  `json:"max"`
	// Current is nil when HostUp leaves it out; the VPS read reports it too.
	Current *OptionValue `json:"current"`
	// Price is per unit and billing cycle.
	Price Billing `json:"price"`
}

// VPS option types.
const (
	OptionTypeQuantity = "quantity"
	OptionTypeBoolean  = "boolean"
)

// OptionValue is an option's value: a quantity, or 0/1 for a boolean option.
type OptionValue int64

// UnmarshalJSON accepts an integer or a boolean.
func (v *OptionValue) UnmarshalJSON(b []byte) error {
	switch s := string(bytes.TrimSpace(b)); s {
	case "true":
		*v = 1
	case "false":
		*v = 0
	default:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return fmt.Errorf("option value %s is neither an integer nor a boolean", b)
		}
		*v = OptionValue(n)
	}
	return nil
}

// GetVPSUpgradeOptions reads a VPS's plans and configurable options.
func (c *Client) GetVPSUpgradeOptions(ctx context.Context, id string) (*VPSUpgradeOptions, error) {
	return do[VPSUpgradeOptions](ctx, c, http.MethodGet, vpsPath(id, "actions/upgrade"), nil, nil)
}

// VPSPlanChange moves a VPS to another plan (by slug, "vps-xl").
type VPSPlanChange struct {
	ProductSlug string
	// CancelExistingInvoice is sent only when true (see SharedHostingUpgrade).
	CancelExistingInvoice bool
}

type vpsPlanBody struct {
	ProductSlug           string `json:"productSlug"`
	DryRun                bool   `json:"dryRun"`
	CancelExistingInvoice bool   `json:"cancelExistingInvoice,omitempty"`
}

// VPSConfigChange sets configurable options by v2 key; a boolean option
// (ipv6) takes 0 or 1.
type VPSConfigChange struct {
	Resources             map[string]int64
	CancelExistingInvoice bool
}

// booleanVPSOptions are the keys v2 takes as JSON booleans.
var booleanVPSOptions = map[string]bool{"ipv6": true}

type vpsConfigBody struct {
	Resources             map[string]any `json:"resources"`
	DryRun                bool           `json:"dryRun"`
	CancelExistingInvoice bool           `json:"cancelExistingInvoice,omitempty"`
}

func (ch VPSConfigChange) body(dryRun bool) vpsConfigBody {
	res := make(map[string]any, len(ch.Resources))
	for k, v := range ch.Resources {
		if booleanVPSOptions[k] {
			res[k] = v != 0
		} else {
			res[k] = v
		}
	}
	return vpsConfigBody{Resources: res, DryRun: dryRun, CancelExistingInvoice: ch.CancelExistingInvoice}
}

// VPSChangeResult answers a VPS plan or option change, previewed or committed.
type VPSChangeResult struct {
	DryRun      bool           `json:"dryRun"`
	VPSID       string         `json:"vpsId"`
	CurrentPlan *VPSPlan       `json:"currentPlan"`
	NewPlan     *VPSPlan       `json:"newPlan"`
	PriceChange VPSPriceChange `json:"priceChange"`
	Actions     struct {
		CanCommit ActionGate `json:"canCommit"`
	} `json:"actions"`
	OrderID        *string  `json:"orderId"`
	PaymentInvoice *Invoice `json:"paymentInvoice"`
}

// VPSPriceChange is what a VPS change costs.
type VPSPriceChange struct {
	// Amount is due now (prorated); negative for a credit.
	Amount Amount `json:"amount"`
	// RecurringAmount is the new price per cycle; AdditionalRecurringAmount
	// the difference to the old one.
	RecurringAmount           Amount `json:"recurringAmount"`
	AdditionalRecurringAmount Amount `json:"additionalRecurringAmount"`
	CurrencyCode              string `json:"currencyCode"`
	BillingCycle              string `json:"billingCycle"`
}

// PreviewVPSPlanChange asks what a plan change would cost (dryRun: true).
func (c *Client) PreviewVPSPlanChange(ctx context.Context, id string, ch VPSPlanChange) (*VPSChangeResult, error) {
	return c.vpsPlan(ctx, id, ch, true)
}

// ChangeVPSPlan commits a plan change. Never retried once it may have reached
// HostUp (see CommitVMUpgrade).
func (c *Client) ChangeVPSPlan(ctx context.Context, id string, ch VPSPlanChange) (*VPSChangeResult, error) {
	return c.vpsPlan(ctx, id, ch, false)
}

func (c *Client) vpsPlan(ctx context.Context, id string, ch VPSPlanChange, dryRun bool) (*VPSChangeResult, error) {
	body := vpsPlanBody{ProductSlug: ch.ProductSlug, DryRun: dryRun, CancelExistingInvoice: ch.CancelExistingInvoice}
	if dryRun {
		ctx = asPreview(ctx)
	}
	return do[VPSChangeResult](ctx, c, http.MethodPost, vpsPath(id, "actions/upgrade"), nil, body)
}

// PreviewVPSConfig asks what an option change would cost (dryRun: true).
func (c *Client) PreviewVPSConfig(ctx context.Context, id string, ch VPSConfigChange) (*VPSChangeResult, error) {
	return do[VPSChangeResult](asPreview(ctx), c, http.MethodPost, vpsPath(id, "actions/config"), nil, ch.body(true))
}

// ChangeVPSConfig commits an option change. Never retried once it may have
// reached HostUp (see CommitVMUpgrade).
func (c *Client) ChangeVPSConfig(ctx context.Context, id string, ch VPSConfigChange) (*VPSChangeResult, error) {
	return do[VPSChangeResult](ctx, c, http.MethodPost, vpsPath(id, "actions/config"), nil, ch.body(false))
}

func vmPath(vmID int64, suffix string) string {
	return "/api/vm/" + strconv.FormatInt(vmID, 10) + "/" + suffix
}

// vpsPath builds /api/v2/vps/{id}[/suffix], with the id escaped: it comes
// from user configuration.
func vpsPath(id, suffix string) string {
	p := "/api/v2/vps/" + url.PathEscape(id)
	if suffix != "" {
		p += "/" + suffix
	}
	return p
}
