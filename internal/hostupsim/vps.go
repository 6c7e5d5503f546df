package hostupsim

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"time"
)

// VMUpgradeDelay is how long, on the simulated clock, an ordered VM upgrade
// takes to be carried out by default (HostUp answers "Function has been
// scheduled for execution"). Until then the order is pending and the VM shows
// its old package and options. Advance the clock past it to complete the
// upgrade; SetVMUpgradeDelay changes it.
const VMUpgradeDelay = 5 * time.Minute

// Billing-backend ids of the VPS configurable options (v1 "resources" keys).
// 2211, 2253, 2259 and 2404 appear in the endpoint page's draft; 2231 is the
// id of the page's request example.
const (
	OptionStorage   = "2231" // additionalStorageGb
	OptionBandwidth = "2211" // bandwidthGb
	OptionBackups   = "2404" // backupSlots
	OptionSnapshots = "2405" // snapshotSlots
	OptionIPv4      = "2253" // ipv4Count
	OptionIPv6      = "2259" // ipv6 (0 or 1)
)

// Values of the fake customer record in a v1 estimate's raw.draft. They are
// distinctive so that a test can assert they never reach state or logs.
const (
	FakeCustomerEmail      = "anna.svensson.sim-8918@example.invalid"
	FakeCustomerCardNumber = "************7319"
	FakeCustomerPassword   = "sim-password-Zq9vX2mw"
	FakeCustomerResetToken = "sim-reset-token-6c1f0e9a4b"
)

// firstDraftID is the first v1 draft id handed out, the page's example.
const firstDraftID = 5257

// vpsOption is one configurable option: known to v1 by its billing-backend
// id and to v2 by its key. Quantities are whole units; Price is per unit
// and month (an annual cycle pays twelve months).
type vpsOption struct {
	ID    string // "2231"
	Key   string // "additionalStorageGb"
	Name  string
	Type  string // v2: "quantity" | "boolean"
	Min   int64
	Max   int64
	Price Money
}

func defaultVPSOptions() map[string]*vpsOption {
	opts := []vpsOption{
		{ID: OptionStorage, Key: "additionalStorageGb", Name: "Additional storage (GB)", Type: "quantity", Max: 2000, Price: MustMoney("0.50")},
		{ID: OptionBandwidth, Key: "bandwidthGb", Name: "Bandwidth limit (GB)", Type: "quantity", Max: 10000, Price: MustMoney("0.10")},
		{ID: OptionBackups, Key: "backupSlots", Name: "Backups", Type: "quantity", Max: 50, Price: MustMoney("15.00")},
		{ID: OptionSnapshots, Key: "snapshotSlots", Name: "Snapshots", Type: "quantity", Max: 20, Price: MustMoney("10.00")},
		{ID: OptionIPv4, Key: "ipv4Count", Name: "IP Address", Type: "quantity", Min: 1, Max: 8, Price: MustMoney("40.00")},
		{ID: OptionIPv6, Key: "ipv6", Name: "IPv6", Type: "boolean", Max: 1},
	}
	out := map[string]*vpsOption{}
	for _, o := range opts {
		out[o.ID] = &o
	}
	return out
}

// vpsSpec is what a VPS plan includes.
type vpsSpec struct {
	CPU         int64
	RAMMB       int64
	DiskGB      int64
	BandwidthGB int64
}

// vpsSpecs holds the plans' resources by product id; a VPS product added
// through AddProduct without an entry has none.
var vpsSpecs = map[string]vpsSpec{
	"1935": {CPU: 1, RAMMB: 2048, DiskGB: 40, BandwidthGB: 1000},
	"1936": {CPU: 2, RAMMB: 4096, DiskGB: 80, BandwidthGB: 2000},
	"1937": {CPU: 4, RAMMB: 8192, DiskGB: 160, BandwidthGB: 3000},
	"1938": {CPU: 8, RAMMB: 16384, DiskGB: 320, BandwidthGB: 4000},
}

// vmChange is an ordered upgrade waiting to be carried out at due.
type vmChange struct {
	vmID      int64
	productID string
	options   map[string]int64
	order     *Order
	due       time.Time
}

// vmDraft is a v1 estimate (send: false) that send: true with its id commits.
type vmDraft struct {
	id        int64
	vmID      int64
	version   int64 // the VM's state the estimate priced; a change makes it stale
	quote     vmQuote
	committed bool
}

// vmQuote is the price of moving a VM to a package and option set now.
type vmQuote struct {
	to           *Product
	options      map[string]int64 // the complete new option set
	cycle        billingCycle
	oldRecurring Money
	recurring    Money // the new price per cycle, options included
	amount       Money // due now: the prorated difference (negative = credit)
}

// vmVersion counts a VM's changes (package, options, orders), so that a
// draft priced before a change is recognised as stale. Callers hold s.mu.
func (s *Server) vmVersion(vm *VM) int64 { return s.vmVersions[vm.ID] }

func (s *Server) touchVM(vm *VM) { s.vmVersions[vm.ID]++ }

func (s *Server) vpsProduct(slugOrID string) (*Product, error) {
	p, err := s.product(slugOrID)
	if err == nil && p.Kind != KindVPS {
		err = fmt.Errorf("hostupsim: product %s is not a VPS", p.ID)
	}
	return p, err
}

// vpsOption finds an option by v1 id or v2 key. Callers hold s.mu.
func (s *Server) vpsOption(idOrKey string) (*vpsOption, error) {
	if o, ok := s.vpsOptions[idOrKey]; ok {
		return o, nil
	}
	for _, o := range s.vpsOptions {
		if o.Key == idOrKey {
			return o, nil
		}
	}
	return nil, fmt.Errorf("hostupsim: unknown VPS option %q", idOrKey)
}

// sortedVPSOptions lists the options in v1 id order, the order both
// generations list them in.
func (s *Server) sortedVPSOptions() []*vpsOption {
	var out []*vpsOption
	for _, id := range slices.Sorted(maps.Keys(s.vpsOptions)) {
		out = append(out, s.vpsOptions[id])
	}
	return out
}

// completeOptions applies changes (keyed by v1 id or v2 key) to base and
// fills in every option base lacks with its minimum. It returns a new map
// keyed by v1 id, or an error naming an unknown option or a quantity out of
// range. Callers hold s.mu.
func (s *Server) completeOptions(base, changes map[string]int64) (map[string]int64, error) {
	out := map[string]int64{}
	for _, o := range s.vpsOptions {
		out[o.ID] = o.Min
		if v, ok := base[o.ID]; ok {
			out[o.ID] = v
		}
	}
	for _, k := range slices.Sorted(maps.Keys(changes)) {
		o, err := s.vpsOption(k)
		if err != nil {
			return nil, err
		}
		v := changes[k]
		if v < o.Min || v > o.Max {
			return nil, fmt.Errorf("hostupsim: %s (%s) must be from %d to %d, got %d", o.Name, o.ID, o.Min, o.Max, v)
		}
		out[o.ID] = v
	}
	return out, nil
}

// vmRecurring is the price per cycle of a package with options.
func (s *Server) vmRecurring(p *Product, options map[string]int64, cycle billingCycle) Money {
	total := p.Prices[cycle.name]
	for id, qty := range options {
		if o := s.vpsOptions[id]; o != nil {
			total += o.Price * Money(qty) * Money(cycle.months)
		}
	}
	return total
}

// quoteVM prices moving vm to package to with the complete option set
// options. Like a hosting plan change, the difference in recurring price is
// prorated over what remains of the current period. Callers hold s.mu.
func (s *Server) quoteVM(vm *VM, to *Product, options map[string]int64) vmQuote {
	cycle, err := cycleByName(vm.BillingCycle)
	must(err) // validated when the VM was stored
	from := s.products[vm.ProductID]
	periodStart := vm.NextDueAt.AddDate(0, -cycle.months, 0)
	oldRec := s.vmRecurring(from, vm.Options, cycle)
	newRec := s.vmRecurring(to, options, cycle)
	return vmQuote{to: to, options: options, cycle: cycle, oldRecurring: oldRec, recurring: newRec,
		amount: prorate(newRec-oldRec, vm.NextDueAt.Sub(s.now), vm.NextDueAt.Sub(periodStart))}
}

// commitVM orders the quoted change: an order, pending until the change is
// carried out after the upgrade delay, and an invoice for anything owed.
// Callers hold s.mu.
func (s *Server) commitVM(vm *VM, q vmQuote) (*Order, *Invoice) {
	o := s.scheduleVMChange(vm, q)
	o.Amount = q.amount
	if q.amount <= 0 {
		return o, nil
	}
	inv := s.newInvoiceFor(vm.V2ID, q.amount)
	o.InvoiceID = inv.ID
	return o, inv
}

func (s *Server) scheduleVMChange(vm *VM, q vmQuote) *Order {
	o := s.newOrderFor(vm.V2ID, vm.BillingCycle, q.to, 0)
	o.Status = "pending"
	s.vmChanges = append(s.vmChanges, &vmChange{vmID: vm.ID, productID: q.to.ID, options: maps.Clone(q.options),
		order: o, due: s.now.Add(s.vmUpgradeDelay)})
	s.touchVM(vm)
	return o
}

// applyDueVMChanges carries out the ordered upgrades whose time has come,
// oldest first, and completes their orders. An order cancelled meanwhile
// (its invoice was cancelled) is dropped. Callers hold s.mu.
func (s *Server) applyDueVMChanges() {
	keep := s.vmChanges[:0]
	for _, ch := range s.vmChanges {
		switch {
		case ch.order.Status == "cancelled" || ch.order.Status == "failed":
		case s.now.Before(ch.due):
			keep = append(keep, ch)
		default:
			if vm := s.vms[ch.vmID]; vm != nil {
				vm.ProductID, vm.Options = ch.productID, ch.options
				s.touchVM(vm)
			}
			ch.order.Status = "completed"
		}
	}
	clear(s.vmChanges[len(keep):])
	s.vmChanges = keep
}

// vmChangeScheduled reports whether o waits for a VM change to be carried
// out. Callers hold s.mu.
func (s *Server) vmChangeScheduled(o *Order) bool {
	for _, ch := range s.vmChanges {
		if ch.order == o {
			return true
		}
	}
	return false
}

// pendingVMOrder returns an order of the VM that has not been carried out.
// Callers hold s.mu.
func (s *Server) pendingVMOrder(vm *VM) *Order {
	for _, ch := range s.vmChanges {
		if ch.vmID == vm.ID && ch.order.Status != "cancelled" && ch.order.Status != "failed" {
			return ch.order
		}
	}
	return nil
}

// vmBlocker is what stops any upgrade of the VM (v2 spelling), or nil.
// Callers hold s.mu.
func (s *Server) vmBlocker(vm *VM) *apiError {
	if vm.Status != "active" {
		return newError(http.StatusForbidden, "account_inactive",
			"The VPS is %s; only active servers can be upgraded.", vm.Status)
	}
	if o := s.pendingVMOrder(vm); o != nil {
		return newError(http.StatusConflict, "pending_order",
			"An upgrade of this VPS is still being carried out; try again when it has completed.").
			withExtension("orderId", o.ID)
	}
	return nil
}

// vpsProducts lists the VPS plans by rank.
func (s *Server) vpsProducts() []*Product {
	return s.productsOfKind(KindVPS)
}

// vpsSlugs lists the valid v2 VPS slugs, for error messages.
func (s *Server) vpsSlugs() string {
	var slugs []string
	for _, p := range s.vpsProducts() {
		slugs = append(slugs, p.Slug)
	}
	return strings.Join(slugs, ", ")
}
