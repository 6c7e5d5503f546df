package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

// VPS is a v2 virtual server (GET /api/v2/vps/{id}, and each entry of
// GET /api/v2/vps). Nothing in it decides money, so nothing is required.
type VPS struct {
	ID       string   `json:"id"`
	Hostname string   `json:"hostname"`
	Status   string   `json:"status"`
	Plan     VPSPlan  `json:"plan"`
	Billing  Billing  `json:"billing"`
	Specs    VPSSpecs `json:"specs"`
	// Options are absent from list entries (Options.Reported is false).
	Options VPSOptions `json:"options"`
	// PrimaryIP is the server's main address; HostUp documents it only as a
	// list filter, so it is empty when the answer does not carry it.
	PrimaryIP string `json:"primaryIp"`
}

// VPSPlan names a VPS plan.
type VPSPlan struct {
	ProductSlug string `json:"productSlug"`
	Name        string `json:"name"`
}

// VPSSpecs is what a VPS runs with, configurable options included. HostUp
// gives the sizes no JSON type: they decode from a number or a string.
type VPSSpecs struct {
	CPU         FlexInt `json:"cpu"`
	RAMMB       FlexInt `json:"ramMb"`
	DiskGB      FlexInt `json:"diskGb"`
	BandwidthGB FlexInt `json:"bandwidthGb"`
}

// VPSOptions are a VPS's configurable options, by v2 key. Quantities decode
// from a number or a string.
type VPSOptions struct {
	BandwidthGB         FlexInt `json:"bandwidthGb"`
	BackupSlots         FlexInt `json:"backupSlots"`
	SnapshotSlots       FlexInt `json:"snapshotSlots"`
	IPv4Count           FlexInt `json:"ipv4Count"`
	IPv6                bool    `json:"ipv6"`
	AdditionalStorageGB FlexInt `json:"additionalStorageGb"`
	// Reported is set when the answer held the options object: a list entry
	// has none, and its zero quantities are not HostUp's.
	Reported bool `json:"-"`
}

// UnmarshalJSON decodes the options and marks them reported; null leaves
// them unreported.
func (o *VPSOptions) UnmarshalJSON(b []byte) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		return nil
	}
	type plain VPSOptions
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*o = VPSOptions(p)
	o.Reported = true
	return nil
}

// GetVPS reads a v2 VPS.
func (c *Client) GetVPS(ctx context.Context, id string) (*VPS, error) {
	return do[VPS](ctx, c, http.MethodGet, vpsPath(id, ""), nil, nil)
}

// VPSUpgradeOptions is what a VPS can change to
// (GET /api/v2/vps/{id}/actions/upgrade). HostUp documents only the plans
// (which may come as bare slugs; see UpgradeOption) and each configurable
// option's key, type and min: everything else here is empty when the answer
// leaves it out, Actions.CanUpgrade.Reported and CurrentReported included.
type VPSUpgradeOptions struct {
	VPSID               string            `json:"vpsId"`
	Hostname            string            `json:"hostname"`
	CurrencyCode        string            `json:"currencyCode"`
	Actions             UpgradeActions    `json:"actions"`
	CurrentPlan         Package           `json:"currentPlan"`
	AvailablePlans      []UpgradeOption   `json:"availablePlans"`
	ConfigurableOptions []VPSConfigOption `json:"configurableOptions"`
}

// VPSConfigOption is one configurable option of a VPS. Min and Max decode
// from a number or a string.
type VPSConfigOption struct {
	Key  string `json:"key"`
	Name string `json:"name"`
	// Type is "quantity" or "boolean"; a boolean's values are 0 and 1 here.
	Type    string      `json:"type"`
	Min     FlexInt     `json:"min"`
	Max     FlexInt     `json:"max"`
	Current OptionValue `json:"current"`
	// CurrentReported is set when the answer gave the current value: 0 is
	// a value, so an absent one is told apart by this.
	CurrentReported bool `json:"-"`
	// Price is per unit and billing cycle.
	Price Billing `json:"price"`
}

// UnmarshalJSON decodes the option and notes whether current was given.
func (o *VPSConfigOption) UnmarshalJSON(b []byte) error {
	type plain VPSConfigOption
	var aux struct {
		plain
		Current *OptionValue `json:"current"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*o = VPSConfigOption(aux.plain)
	if aux.Current != nil {
		o.Current, o.CurrentReported = *aux.Current, true
	}
	return nil
}

// VPS option types.
const (
	OptionTypeQuantity = "quantity"
	OptionTypeBoolean  = "boolean"
)

// OptionValue is an option's value: a quantity, or 0/1 for a boolean option.
type OptionValue int64

// UnmarshalJSON accepts an integer, a string holding one, or a boolean.
func (v *OptionValue) UnmarshalJSON(b []byte) error {
	switch s := string(bytes.TrimSpace(b)); s {
	case "true":
		*v = 1
	case "false":
		*v = 0
	default:
		var n FlexInt
		if err := n.UnmarshalJSON(b); err != nil || s == "null" {
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

// VPSChangeResult answers a VPS plan or option change, previewed or
// committed. HostUp documents {dryRun, priceChange, paymentInvoice,
// actions{canCommit}}: VPSID, CurrentPlan, NewPlan, OrderID and
// PriceChange.BillingCycle are empty (nil) when the answer leaves them out.
// The price change's amount and recurring amount are required, and so is a
// payment invoice's amount; an option change also requires the additional
// recurring amount, which tells a downgrade.
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

func (r *VPSChangeResult) validate() error {
	amounts := map[string]Amount{
		"priceChange.amount":          r.PriceChange.Amount,
		"priceChange.recurringAmount": r.PriceChange.RecurringAmount,
	}
	if r.PaymentInvoice != nil {
		amounts["paymentInvoice.amount"] = r.PaymentInvoice.Amount
	}
	return requireAmounts(amounts)
}

// vpsConfigResult is the answer of the option route, which must also say
// how the recurring price moves.
type vpsConfigResult struct{ VPSChangeResult }

func (r *vpsConfigResult) validate() error {
	if err := r.VPSChangeResult.validate(); err != nil {
		return err
	}
	return requireAmounts(map[string]Amount{"priceChange.additionalRecurringAmount": r.PriceChange.AdditionalRecurringAmount})
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
	return c.vpsConfig(asPreview(ctx), id, ch.body(true))
}

// ChangeVPSConfig commits an option change. Never retried once it may have
// reached HostUp (see CommitVMUpgrade).
func (c *Client) ChangeVPSConfig(ctx context.Context, id string, ch VPSConfigChange) (*VPSChangeResult, error) {
	return c.vpsConfig(ctx, id, ch.body(false))
}

func (c *Client) vpsConfig(ctx context.Context, id string, body vpsConfigBody) (*VPSChangeResult, error) {
	r, err := do[vpsConfigResult](ctx, c, http.MethodPost, vpsPath(id, "actions/config"), nil, body)
	if err != nil {
		return nil, err
	}
	return &r.VPSChangeResult, nil
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
