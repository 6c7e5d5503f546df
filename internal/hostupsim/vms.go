package hostupsim

import (
	"cmp"
	"fmt"
	"maps"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The VM store and its Go API: servers added, changed outside Terraform and
// removed by tests, each answering to a v1 integer id and a v2 "vps_…" id.

// AddVM adds a VM, or replaces the one with the same ID. Zero fields get
// defaults: the next free ID (from 10000), a fresh V2ID, the hostname
// "vm-<ID>.example.net", the primary IP derived from the ID (see
// defaultPrimaryIP), monthly billing, status
// active, created now, due one cycle after creation (rolled forward past
// now); options left out are at their minimum. It panics on a product that
// is not a VPS, an unknown option, a quantity out of range or a primary IP
// that is not an IP address.
func (s *Server) AddVM(vm VM) {
	s.mu.Lock()
	defer s.mu.Unlock()
	must(s.addVM(vm))
}

func (s *Server) addVM(vm VM) error {
	if vm.ID == 0 {
		vm.ID = 10000
		for s.vms[vm.ID] != nil {
			vm.ID++
		}
	}
	if vm.V2ID == "" {
		vm.V2ID = s.newID("vps")
	}
	if vm.Hostname == "" {
		vm.Hostname = fmt.Sprintf("vm-%d.example.net", vm.ID)
	}
	if vm.PrimaryIP == "" {
		vm.PrimaryIP = defaultPrimaryIP(vm.ID)
	}
	if _, err := netip.ParseAddr(vm.PrimaryIP); err != nil {
		return fmt.Errorf("hostupsim: VM %d: primary IP %q is not an IP address", vm.ID, vm.PrimaryIP)
	}
	if !strings.HasPrefix(vm.V2ID, "vps_") || vm.ID < 0 {
		return fmt.Errorf("hostupsim: VM ids must be a positive integer and \"vps_…\", got %d/%q", vm.ID, vm.V2ID)
	}
	if other, ok := s.vmV2[vm.V2ID]; ok && other != vm.ID {
		return fmt.Errorf("hostupsim: v2 id %s already belongs to VM %d", vm.V2ID, other)
	}
	p, err := s.vpsProduct(vm.ProductID)
	if err != nil {
		return err
	}
	vm.ProductID = p.ID
	vm.BillingCycle = cmp.Or(vm.BillingCycle, "monthly")
	cycle, err := cycleByName(vm.BillingCycle)
	if err != nil {
		return err
	}
	vm.Status = cmp.Or(vm.Status, "active")
	if err := checkStatus(vm.Status); err != nil {
		return err
	}
	opts, err := s.completeOptions(nil, vm.Options)
	if err != nil {
		return err
	}
	vm.Options = opts
	if vm.CreatedAt.IsZero() {
		vm.CreatedAt = s.now
	}
	if vm.NextDueAt.IsZero() {
		vm.NextDueAt = vm.CreatedAt.AddDate(0, cycle.months, 0)
		for !vm.NextDueAt.After(s.now) {
			vm.NextDueAt = vm.NextDueAt.AddDate(0, cycle.months, 0)
		}
	}
	if old := s.vms[vm.ID]; old != nil {
		delete(s.vmV2, old.V2ID)
	}
	vm.CreatedAt, vm.NextDueAt = vm.CreatedAt.UTC(), vm.NextDueAt.UTC()
	s.vms[vm.ID] = &vm
	s.vmV2[vm.V2ID] = vm.ID
	s.touchVM(&vm)
	return nil
}

// VM returns a copy of the VM with v1 id ("10000") or v2 id ("vps_…"), as it
// runs now (an upgrade still being carried out is not visible).
func (s *Server) VM(id string) (VM, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.applyDueVMChanges()
	vm, err := s.vm(id)
	if err != nil {
		return VM{}, false
	}
	return vmSnapshot(vm), true
}

func vmSnapshot(vm *VM) VM {
	out := *vm
	out.Options = maps.Clone(vm.Options)
	return out
}

// RemoveVM makes a VM disappear: both its ids answer 404 from then on. It
// panics on an unknown id.
func (s *Server) RemoveVM(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	vm, err := s.vm(id)
	must(err)
	delete(s.vmV2, vm.V2ID)
	delete(s.vms, vm.ID)
}

// SetVMPackage moves a VM to another VPS plan (v1 id or slug) at once,
// without an order, as a change made outside Terraform would.
func (s *Server) SetVMPackage(id, slugOrProductID string) {
	must(s.setVMPackage(id, slugOrProductID))
}

func (s *Server) setVMPackage(id, slugOrProductID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	vm, err := s.vm(id)
	if err != nil {
		return err
	}
	p, err := s.vpsProduct(slugOrProductID)
	if err != nil {
		return err
	}
	vm.ProductID = p.ID
	s.touchVM(vm)
	return nil
}

// SetVMOption sets one configurable option (v1 id "2231" or v2 key
// "additionalStorageGb") of a VM at once, without an order.
func (s *Server) SetVMOption(id, option string, quantity int64) {
	must(s.setVMOption(id, option, quantity))
}

func (s *Server) setVMOption(id, option string, quantity int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	vm, err := s.vm(id)
	if err != nil {
		return err
	}
	opts, err := s.completeOptions(vm.Options, map[string]int64{option: quantity})
	if err != nil {
		return err
	}
	vm.Options = opts
	s.touchVM(vm)
	return nil
}

// SetVMStatus changes a VM's service status.
func (s *Server) SetVMStatus(id, status string) {
	must(s.setVMStatus(id, status))
}

func (s *Server) setVMStatus(id, status string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	vm, err := s.vm(id)
	if err != nil {
		return err
	}
	if err := checkStatus(status); err != nil {
		return err
	}
	vm.Status = status
	return nil
}

// SetVPSOptionPrice changes the monthly unit price of a configurable option
// (v1 id or v2 key), e.g. between a plan and an apply.
func (s *Server) SetVPSOptionPrice(option string, monthly Money) {
	must(s.setVPSOptionPrice(option, monthly))
}

func (s *Server) setVPSOptionPrice(option string, monthly Money) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, err := s.vpsOption(option)
	if err != nil {
		return err
	}
	o.Price = monthly
	return nil
}

// SetVMUpgradeDelay sets how long ordered VM upgrades take to be carried out
// from now on (0: at once). See VMUpgradeDelay.
func (s *Server) SetVMUpgradeDelay(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.vmUpgradeDelay = max(d, 0)
}

// AddPendingVMOrder records an upgrade order still being processed for the
// VM, as one placed in the dashboard would be; it blocks upgrades until the
// clock passes the upgrade delay.
func (s *Server) AddPendingVMOrder(id string) Order {
	o, err := s.addPendingVMOrder(id)
	must(err)
	return o
}

func (s *Server) addPendingVMOrder(id string) (Order, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	vm, err := s.vm(id)
	if err != nil {
		return Order{}, err
	}
	q := s.quoteVM(vm, s.products[vm.ProductID], vm.Options)
	o := s.scheduleVMChange(vm, q)
	return *o, nil
}

// vm finds a VM by either id. Callers hold s.mu.
func (s *Server) vm(id string) (*VM, error) {
	if v1, ok := s.vmV2[id]; ok {
		return s.vms[v1], nil
	}
	if n, err := strconv.ParseInt(id, 10, 64); err == nil && s.vms[n] != nil {
		return s.vms[n], nil
	}
	return nil, fmt.Errorf("hostupsim: unknown VM %q", id)
}

// AddVMs adds n VMs quickly, for lists and benchmarks: each is a copy of
// template with the next free ID (from 10000, or above the highest ID in
// use), a fresh V2ID and the primary IP of its ID; a hostname in template
// gets "<ID>-" in front of it. Other zero fields get AddVM's defaults. It
// returns the VMs added, in ID order, and panics where AddVM would.
func (s *Server) AddVMs(n int, template VM) []VM {
	s.mu.Lock()
	defer s.mu.Unlock()
	next := int64(10000)
	for id := range s.vms {
		next = max(next, id+1)
	}
	out := make([]VM, 0, n)
	for range n {
		vm := template
		vm.ID, vm.V2ID, vm.PrimaryIP = next, "", ""
		vm.Options = maps.Clone(template.Options)
		if template.Hostname != "" {
			vm.Hostname = strconv.FormatInt(next, 10) + "-" + template.Hostname
		}
		must(s.addVM(vm))
		out = append(out, vmSnapshot(s.vms[next]))
		next++
	}
	return out
}

// defaultPrimaryIP derives a VM's primary IP from its ID, so that the same
// seed gives the same addresses: consecutive IDs get consecutive addresses
// of 198.18.0.0/15, a block reserved for testing that no customer server has,
// distinct for 131072 IDs in a row.
func defaultPrimaryIP(id int64) string {
	const blockSize = 1 << 17
	n := uint32(id % blockSize)
	return netip.AddrFrom4([4]byte{198, 18 + byte(n>>16), byte(n >> 8), byte(n)}).String()
}

// sortedVMs lists VMs by v1 id, the stable order the VPS list pages by.
// Callers hold s.mu.
func (s *Server) sortedVMs() []*VM {
	out := slices.Collect(maps.Values(s.vms))
	slices.SortFunc(out, func(a, b *VM) int { return cmp.Compare(a.ID, b.ID) })
	return out
}
