package hostupsim

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// API key scopes, as named by the v2 documentation.
const (
	ScopeReadHosting  = "read:hosting"
	ScopeWriteBilling = "write:billing"
	ScopeReadVM       = "read:vm"
	ScopeWriteVM      = "write:vm"
	ScopeReadBilling  = "read:billing"
	ScopeReadOrders   = "read:orders"
)

// AllScopes lists every scope; a key created with it can call every route.
var AllScopes = []string{ScopeReadHosting, ScopeWriteBilling, ScopeReadVM, ScopeWriteVM, ScopeReadBilling, ScopeReadOrders}

// Service statuses a hosting account or VM can have.
var serviceStatuses = []string{"active", "pending", "suspended", "cancelled", "terminated", "expired", "fraud", "unknown"}

// HostingAccount is a shared-hosting account. It answers to both its v1
// integer id and its v2 "acct_…" id (the real API documents no mapping; the
// simulator keeps one so that a scenario can mix generations).
type HostingAccount struct {
	V1ID int64  `json:"v1Id"`
	V2ID string `json:"v2Id"`
	// Name is derived, never stored: the product name + " (cpanel)", so that it
	// follows plan changes. A value passed to AddHostingAccount is ignored.
	Name         string    `json:"name"`
	Domain       string    `json:"domain"`
	ProductID    string    `json:"productId"`    // v1 product id ("1912")
	BillingCycle string    `json:"billingCycle"` // "monthly" | "annually"
	Status       string    `json:"status"`       // active|pending|suspended|cancelled|terminated|expired|fraud|unknown
	CreatedAt    time.Time `json:"createdAt"`
	NextDueAt    time.Time `json:"nextDueAt"`
}

// VM is a virtual server. It answers to both its v1 integer id and its v2
// "vps_…" id, as hosting accounts do. ProductID and Options are what the
// server runs now; an upgrade that was ordered but not yet carried out
// (see VMUpgradeDelay) is not visible here until it completes.
type VM struct {
	ID       int64  `json:"id"`
	V2ID     string `json:"v2Id"`
	Hostname string `json:"hostname"`
	// PrimaryIP is the server's main address, which the VPS list filters
	// on; "" gets one derived from the ID.
	PrimaryIP    string `json:"primaryIp"`
	ProductID    string `json:"productId"`
	BillingCycle string `json:"billingCycle"`
	Status       string `json:"status"`
	// Options holds the configurable options by v1 option id ("2231") with
	// their quantities; options left out are at their minimum.
	Options   map[string]int64 `json:"options"`
	CreatedAt time.Time        `json:"createdAt"`
	NextDueAt time.Time        `json:"nextDueAt"`
}

// DemoSeed names what SeedDemo created.
type DemoSeed struct {
	APIKey          string // "hostup-demo-key", with AllScopes
	AccountV1ID     int64  // 20000: example.com on Start, annually
	AccountV2ID     string // "acct_01hxa3b4c5d6e7f8g9h0j1k2m3"
	ShopAccountV1ID int64  // 20001: shop.example.se on Mini, monthly
	ShopAccountV2ID string // "acct_01hxa3b4c5d6e7f8g9h0j1k2m4"
	VMID            int64  // 10000: vps1.example.com (203.0.113.10) on VPS L, monthly
	VMV2ID          string // "vps_01hxa3b4c5d6e7f8g9h0j1k2n1"
	XLVMID          int64  // 10001: vps2.example.com (203.0.113.11) on VPS XL, annually
	XLVMV2ID        string // "vps_01hxa3b4c5d6e7f8g9h0j1k2n2"
}

// SeedDemo loads the demo dataset: the accounts and the VM used in the
// endpoint pages' examples, and a key that may call everything.
func (s *Server) SeedDemo() DemoSeed {
	d := DemoSeed{
		APIKey:          "hostup-demo-key",
		AccountV1ID:     20000,
		AccountV2ID:     "acct_01hxa3b4c5d6e7f8g9h0j1k2m3",
		ShopAccountV1ID: 20001,
		ShopAccountV2ID: "acct_01hxa3b4c5d6e7f8g9h0j1k2m4",
		VMID:            10000,
		VMV2ID:          "vps_01hxa3b4c5d6e7f8g9h0j1k2n1",
		XLVMID:          10001,
		XLVMV2ID:        "vps_01hxa3b4c5d6e7f8g9h0j1k2n2",
	}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	s.AddAPIKey(d.APIKey, AllScopes...)
	s.AddHostingAccount(HostingAccount{V1ID: d.AccountV1ID, V2ID: d.AccountV2ID, Domain: "example.com",
		ProductID: "1912", BillingCycle: "annually", Status: "active",
		CreatedAt: day(2025, time.August, 10), NextDueAt: day(2026, time.August, 10)})
	s.AddHostingAccount(HostingAccount{V1ID: d.ShopAccountV1ID, V2ID: d.ShopAccountV2ID, Domain: "shop.example.se",
		ProductID: "1911", BillingCycle: "monthly", Status: "active",
		CreatedAt: day(2025, time.December, 1), NextDueAt: day(2026, time.March, 1)})
	s.AddVM(VM{ID: d.VMID, V2ID: d.VMV2ID, Hostname: "vps1.example.com", PrimaryIP: "203.0.113.10", ProductID: "1937", BillingCycle: "monthly",
		Status: "active", Options: map[string]int64{OptionBandwidth: 1000, OptionIPv4: 1, OptionIPv6: 1},
		CreatedAt: day(2025, time.December, 8), NextDueAt: day(2026, time.March, 8)})
	s.AddVM(VM{ID: d.XLVMID, V2ID: d.XLVMV2ID, Hostname: "vps2.example.com", PrimaryIP: "203.0.113.11", ProductID: "1938", BillingCycle: "annually",
		Status: "active", Options: map[string]int64{OptionBandwidth: 2000, OptionIPv4: 2, OptionIPv6: 1, OptionBackups: 7},
		CreatedAt: day(2025, time.June, 1), NextDueAt: day(2026, time.June, 1)})
	return d
}

// AddAPIKey registers key with exactly the given scopes (replacing any it had).
func (s *Server) AddAPIKey(key string, scopes ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if key == "" {
		panic("hostupsim: empty API key")
	}
	set := make(map[string]bool, len(scopes))
	for _, sc := range scopes {
		if !slices.Contains(AllScopes, sc) {
			panic(fmt.Sprintf("hostupsim: unknown scope %q", sc))
		}
		set[sc] = true
	}
	s.keys[key] = set
}

// Now returns the simulated time.
func (s *Server) Now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.now
}

// SetNow moves the simulated clock to t.
func (s *Server) SetNow(t time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.now = t.UTC()
	s.progressOrders()
}

// Advance moves the simulated clock forward by d (backwards if negative).
func (s *Server) Advance(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.now = s.now.Add(d)
	s.progressOrders()
}

// AddHostingAccount adds an account, or replaces the one with the same V1ID.
// Zero fields get defaults: the next free V1ID (from 20000), a fresh V2ID,
// status active, monthly billing, created now, due one cycle after creation
// (rolled forward past now). ProductID may also be a slug. It panics on an
// unknown product, cycle or status.
func (s *Server) AddHostingAccount(a HostingAccount) {
	s.mu.Lock()
	defer s.mu.Unlock()
	must(s.addHostingAccount(a))
}

func (s *Server) addHostingAccount(a HostingAccount) error {
	if a.V1ID == 0 {
		a.V1ID = 20000
		for s.accounts[a.V1ID] != nil {
			a.V1ID++
		}
	}
	if a.V2ID == "" {
		a.V2ID = s.newID("acct")
	}
	if !strings.HasPrefix(a.V2ID, "acct_") || a.V1ID < 0 {
		return fmt.Errorf("hostupsim: account ids must be a positive integer and \"acct_…\", got %d/%q", a.V1ID, a.V2ID)
	}
	if other, ok := s.accountV2[a.V2ID]; ok && other != a.V1ID {
		return fmt.Errorf("hostupsim: v2 id %s already belongs to account %d", a.V2ID, other)
	}
	p, err := s.sharedHostingProduct(a.ProductID)
	if err != nil {
		return err
	}
	a.ProductID = p.ID
	a.BillingCycle = cmp.Or(a.BillingCycle, "monthly")
	cycle, err := cycleByName(a.BillingCycle)
	if err != nil {
		return err
	}
	a.Status = cmp.Or(a.Status, "active")
	if err := checkStatus(a.Status); err != nil {
		return err
	}
	if a.CreatedAt.IsZero() {
		a.CreatedAt = s.now
	}
	if a.NextDueAt.IsZero() {
		a.NextDueAt = a.CreatedAt.AddDate(0, cycle.months, 0)
		for !a.NextDueAt.After(s.now) {
			a.NextDueAt = a.NextDueAt.AddDate(0, cycle.months, 0)
		}
	}
	a.Name = ""
	if old := s.accounts[a.V1ID]; old != nil {
		delete(s.accountV2, old.V2ID)
	}
	a.CreatedAt, a.NextDueAt = a.CreatedAt.UTC(), a.NextDueAt.UTC()
	s.accounts[a.V1ID] = &a
	s.accountV2[a.V2ID] = a.V1ID
	return nil
}

// HostingAccount returns a copy of the account with v1 id ("20000") or v2 id
// ("acct_…") id, with its derived Name filled in.
func (s *Server) HostingAccount(id string) (HostingAccount, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.account(id)
	if err != nil {
		return HostingAccount{}, false
	}
	return s.accountSnapshot(a), true
}

// RemoveHostingAccount makes an account disappear (closed, or moved to
// another customer): both its ids answer 404 from then on. It panics on an
// unknown id.
func (s *Server) RemoveHostingAccount(id string) {
	must(s.removeHostingAccount(id))
}

func (s *Server) removeHostingAccount(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.account(id)
	if err != nil {
		return err
	}
	delete(s.accountV2, a.V2ID)
	delete(s.accounts, a.V1ID)
	return nil
}

// SetHostingProduct moves an account to another plan without an order, as a
// change made outside Terraform (in the dashboard) would.
func (s *Server) SetHostingProduct(id, slugOrProductID string) {
	must(s.setHostingProduct(id, slugOrProductID))
}

func (s *Server) setHostingProduct(id, slugOrProductID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.account(id)
	if err != nil {
		return err
	}
	p, err := s.sharedHostingProduct(slugOrProductID)
	if err != nil {
		return err
	}
	a.ProductID = p.ID
	return nil
}

// SetHostingStatus changes an account's service status.
func (s *Server) SetHostingStatus(id, status string) {
	must(s.setHostingStatus(id, status))
}

func (s *Server) setHostingStatus(id, status string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.account(id)
	if err != nil {
		return err
	}
	if err := checkStatus(status); err != nil {
		return err
	}
	a.Status = status
	return nil
}

// account finds an account by either id. Callers hold s.mu.
func (s *Server) account(id string) (*HostingAccount, error) {
	if v1, ok := s.accountV2[id]; ok {
		return s.accounts[v1], nil
	}
	if n, err := strconv.ParseInt(id, 10, 64); err == nil && s.accounts[n] != nil {
		return s.accounts[n], nil
	}
	return nil, fmt.Errorf("hostupsim: unknown hosting account %q", id)
}

// accountSnapshot copies a for callers outside the lock. Callers hold s.mu.
func (s *Server) accountSnapshot(a *HostingAccount) HostingAccount {
	out := *a
	out.Name = s.accountName(a)
	return out
}

// accountName is the name the API shows for an account: its plan's name with
// the control panel in brackets ("Start (cpanel)").
func (s *Server) accountName(a *HostingAccount) string {
	return s.products[a.ProductID].Name + " (cpanel)"
}

// sortedAccounts lists accounts by v1 id, the stable order pagination uses.
func (s *Server) sortedAccounts() []*HostingAccount {
	out := make([]*HostingAccount, 0, len(s.accounts))
	for _, a := range s.accounts {
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b *HostingAccount) int { return cmp.Compare(a.V1ID, b.V1ID) })
	return out
}

func (s *Server) sharedHostingProduct(slugOrID string) (*Product, error) {
	p, err := s.product(slugOrID)
	if err == nil && p.Kind != KindSharedHosting {
		err = fmt.Errorf("hostupsim: product %s is not a shared-hosting plan", p.ID)
	}
	return p, err
}

func checkStatus(status string) error {
	if !slices.Contains(serviceStatuses, status) {
		return fmt.Errorf("hostupsim: unknown service status %q", status)
	}
	return nil
}

// must turns a misuse of the Go API into a panic: a test that names an
// unknown account or product has a bug that should stop it at once.
func must(err error) {
	if err != nil {
		panic(err)
	}
}
