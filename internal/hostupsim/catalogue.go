package hostupsim

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Product kinds.
const (
	KindSharedHosting = "shared-hosting"
	KindVPS           = "vps"
)

// currency is the only currency the simulated account is billed in.
const currency = "SEK"

// Product is one entry of the catalogue. v1 identifies it by ID (a numeric
// string), v2 by Slug. Rank orders the plans of one kind: a higher rank is an
// upgrade.
type Product struct {
	ID        string           `json:"id"`
	Slug      string           `json:"slug"`
	Name      string           `json:"name"`
	Kind      string           `json:"kind"`
	Rank      int              `json:"rank"`
	Prices    map[string]Money `json:"prices"` // keyed by v2 cycle name: "monthly", "annually"
	Available bool             `json:"available"`
}

// billingCycle ties the v2 cycle name to its v1 id and display name.
type billingCycle struct {
	name   string // v2: "monthly"
	v1ID   string // v1: "m"
	v1Name string // v1: "Monthly"
	months int
}

// billingCycles lists the cycles the simulator sells, in the order both
// generations list them (monthly first).
var billingCycles = []billingCycle{
	{name: "monthly", v1ID: "m", v1Name: "Monthly", months: 1},
	{name: "annually", v1ID: "a", v1Name: "Annually", months: 12},
}

func cycleByName(name string) (billingCycle, error) {
	for _, c := range billingCycles {
		if c.name == name {
			return c, nil
		}
	}
	return billingCycle{}, fmt.Errorf("hostupsim: unknown billing cycle %q (want monthly or annually)", name)
}

func defaultCatalogue() []Product {
	hosting := func(id, slug, name string, rank int, monthly, annually string) Product {
		return Product{ID: id, Slug: slug, Name: name, Kind: KindSharedHosting, Rank: rank, Available: true,
			Prices: map[string]Money{"monthly": MustMoney(monthly), "annually": MustMoney(annually)}}
	}
	vps := func(id, slug, name string, rank int, monthly, annually string) Product {
		p := hosting(id, slug, name, rank, monthly, annually)
		p.Kind = KindVPS
		return p
	}
	return []Product{
		hosting("1911", "webbhotell-mini", "Mini", 1, "39.00", "374.00"),
		hosting("1912", "webbhotell-start", "Start", 2, "79.00", "708.00"),
		hosting("1913", "webbhotell-business", "Business", 3, "129.00", "1188.00"),
		hosting("1914", "webbhotell-premium", "Premium", 4, "199.00", "1908.00"),
		vps("1935", "vps-s", "VPS S", 1, "169.00", "1825.00"),
		vps("1936", "vps-m", "VPS M", 2, "259.00", "2797.00"),
		vps("1937", "vps-l", "VPS L", 3, "420.00", "4536.00"),
		vps("1938", "vps-xl", "VPS XL", 4, "600.00", "6480.00"),
	}
}

// AddProduct adds a product to the catalogue or replaces the one with the same
// ID. It needs a price for every cycle; leave Available false to list the
// product as not orderable.
func (s *Server) AddProduct(p Product) {
	s.mu.Lock()
	defer s.mu.Unlock()
	must(s.addProduct(p))
}

// addProduct validates and stores p. Callers hold s.mu.
func (s *Server) addProduct(p Product) error {
	if !isDigits(p.ID) || p.Slug == "" || isDigits(p.Slug) {
		return fmt.Errorf("hostupsim: product needs a numeric ID and a non-numeric slug, got %q/%q", p.ID, p.Slug)
	}
	if p.Kind != KindSharedHosting && p.Kind != KindVPS {
		return fmt.Errorf("hostupsim: product %s: unknown kind %q", p.ID, p.Kind)
	}
	for _, c := range billingCycles {
		if _, ok := p.Prices[c.name]; !ok {
			return fmt.Errorf("hostupsim: product %s has no %s price", p.ID, c.name)
		}
	}
	if old, ok := s.products[p.ID]; ok {
		delete(s.productSlugs, old.Slug)
	}
	p.Prices = maps.Clone(p.Prices) // the caller keeps its map; later price changes stay ours
	s.products[p.ID] = &p
	s.productSlugs[p.Slug] = p.ID
	return nil
}

// SetProductPrice changes a product's price for a cycle ("monthly" or
// "annually"), e.g. between a plan and an apply.
func (s *Server) SetProductPrice(slugOrID, cycle string, price Money) {
	must(s.setProductPrice(slugOrID, cycle, price))
}

func (s *Server) setProductPrice(slugOrID, cycle string, price Money) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, err := s.product(slugOrID)
	if err != nil {
		return err
	}
	if _, err := cycleByName(cycle); err != nil {
		return err
	}
	p.Prices[cycle] = price
	return nil
}

// SetProductAvailable makes a product orderable or not; reason is what the API
// reports for an unavailable product.
func (s *Server) SetProductAvailable(slugOrID string, available bool, reason string) {
	must(s.setProductAvailable(slugOrID, available, reason))
}

func (s *Server) setProductAvailable(slugOrID string, available bool, reason string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, err := s.product(slugOrID)
	if err != nil {
		return err
	}
	p.Available = available
	if available {
		delete(s.unavailableReason, p.ID)
	} else {
		s.unavailableReason[p.ID] = reason
	}
	return nil
}

// product finds a product by v1 id or v2 slug. Callers hold s.mu.
func (s *Server) product(slugOrID string) (*Product, error) {
	if id, ok := s.productSlugs[slugOrID]; ok {
		slugOrID = id
	}
	if p, ok := s.products[slugOrID]; ok {
		return p, nil
	}
	return nil, fmt.Errorf("hostupsim: unknown product %q", slugOrID)
}

// unavailableBecause is the reason the API gives for an unavailable product.
func (s *Server) unavailableBecause(p *Product) string {
	if r := s.unavailableReason[p.ID]; r != "" {
		return r
	}
	return "This product is currently not available for ordering."
}

// sharedHostingProducts lists the shared-hosting plans by rank.
func (s *Server) sharedHostingProducts() []*Product {
	return s.productsOfKind(KindSharedHosting)
}

// productsOfKind lists the products of one kind by rank.
func (s *Server) productsOfKind(kind string) []*Product {
	var out []*Product
	for _, p := range s.products {
		if p.Kind == kind {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b *Product) int {
		return cmp.Or(cmp.Compare(a.Rank, b.Rank), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// sharedHostingSlugs lists the valid v2 slugs, for error messages.
func (s *Server) sharedHostingSlugs() string {
	var slugs []string
	for _, p := range s.sharedHostingProducts() {
		slugs = append(slugs, p.Slug)
	}
	return strings.Join(slugs, ", ")
}
