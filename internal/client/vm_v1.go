package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
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

// VMDetails is a v1 VM (GET /api/vm/{vmid}/details). HostUp gives its
// fields no JSON type: its id and sizes decode from a number or a string
// alike; its product id is, as everywhere in v1, a numeric string.
type VMDetails struct {
	ID          FlexInt `json:"id"`
	ProductID   string  `json:"product_id"`
	ProductName string  `json:"product_name"`
	Hostname    string  `json:"hostname"`
	Status      string  `json:"status"`
	// BillingCycle is the canonical name ("monthly"), converted from v1's.
	BillingCycle string `json:"billingcycle"`
	// Price is the recurring price per cycle; not set (IsSet) when HostUp
	// leaves it out.
	Price          Amount  `json:"price"`
	CPU            FlexInt `json:"cpu"`
	RAMMB          FlexInt `json:"ram"`
	DiskGB         FlexInt `json:"disk"`
	BandwidthLimit FlexInt `json:"bandwidth_limit"`
	NextDue        string  `json:"next_due"`
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
	DraftID   FlexInt `json:"draftId"`
	Prorated  Amount  `json:"prorated"`
	Recurring Amount  `json:"recurring"`
	Raw       struct {
		Draft struct {
			Currency struct {
				Code string `json:"code"`
				ISO  string `json:"iso"`
			} `json:"currency"`
		} `json:"draft"`
	} `json:"raw"`
}

// validate requires what the estimate is for: the draft a commit names, and
// the amounts it would charge.
func (e *vmEstimateJSON) validate() error {
	if e.DraftID == 0 {
		return errors.New("the estimate names no draft (data.draftId)")
	}
	return requireAmounts(map[string]Amount{"data.prorated": e.Prorated, "data.recurring": e.Recurring})
}

// EstimateVMUpgrade asks what a VM change would cost (send: false). Nothing is
// bought; HostUp stores a draft, and every call makes a new one.
func (c *Client) EstimateVMUpgrade(ctx context.Context, vmID int64, u VMUpgrade) (*VMUpgradeEstimate, error) {
	body, err := u.body(false, 0)
	if err != nil {
		return nil, err
	}
	e, err := do[vmEstimateJSON](asPreview(ctx), c, http.MethodPost, vmPath(vmID, "upgrade"), nil, body)
	if err != nil {
		return nil, err
	}
	return &VMUpgradeEstimate{DraftID: int64(e.DraftID), Prorated: e.Prorated, Recurring: e.Recurring,
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
	OrderID   FlexString `json:"orderId"`
	OrderNum  FlexInt    `json:"orderNum"`
	InvoiceID FlexString `json:"invoiceId"`
	Total     Amount     `json:"total"`
	Raw       struct {
		Checkout struct {
			NewTotal *Amount `json:"newtotal"`
		} `json:"checkout"`
	} `json:"raw"`
}

// validate requires the amount charged: the purchase is checked against it.
func (r *vmCommitJSON) validate() error {
	return requireAmounts(map[string]Amount{"data.total": r.Total})
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
	r, err := do[vmCommitJSON](ctx, c, http.MethodPost, vmPath(vmID, "upgrade"), nil, body)
	if err != nil {
		return nil, err
	}
	return &VMUpgradeResult{Upgraded: r.Upgraded, Message: r.Message, OrderID: string(r.OrderID), OrderNum: int64(r.OrderNum),
		InvoiceID: string(r.InvoiceID), Total: r.Total, NewRecurring: r.Raw.Checkout.NewTotal}, nil
}

func vmPath(vmID int64, suffix string) string {
	return "/api/vm/" + strconv.FormatInt(vmID, 10) + "/" + suffix
}
