package provider

import (
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// The list resources through the protocol, in-process: these tests drive no
// CLI, and carry the TestAcc prefix so that every CLI's acceptance run
// (OpenTofu's too, which has no list resources) runs them.

// listedKinds are the list resources, with the identity attribute and
// listing route of each.
var listedKinds = []struct {
	// target is the attribute an import adopts from HostUp.
	typeName, identity, route, target string
	// ids and names are the demo dataset's subjects, in HostUp's order.
	ids, names []string
}{
	{"hostup_shared_hosting_plan", "account_id", hostupsim.RouteV2HostingList, "product_slug",
		[]string{v2AccountID, v2AccountID2}, []string{"example.com", "shop.example.se"}},
	{"hostup_shared_hosting_billing_cycle", "account_id", hostupsim.RouteV2HostingList, "billing_cycle",
		[]string{v2AccountID, v2AccountID2}, []string{"example.com", "shop.example.se"}},
	{"hostup_vps_size", "vm_id", hostupsim.RouteV2VPSList, "product_slug",
		[]string{demoVMV2ID, xlVMV2ID}, []string{"vps1.example.com", "vps2.example.com"}},
}

// seedScale adds 150 subjects of the kind listed on route: the listing then
// takes two pages of at most 100.
func seedScale(sim *hostupsim.Server, route string) {
	if route == hostupsim.RouteV2VPSList {
		sim.AddVMs(150, hostupsim.VM{ProductID: "vps-s", Hostname: "bulk.example.net"})
		return
	}
	seedScaleAccounts(sim, 150)
}

// identities are the results' identity values of attribute name, failing
// the test on a result with an error.
func identities(t *testing.T, results []listed, name string) []string {
	t.Helper()
	var ids []string
	for _, r := range results {
		for _, d := range r.diags {
			t.Errorf("result %q: %s: %s", r.displayName, d.Summary, d.Detail)
		}
		ids = append(ids, r.identityString(name))
	}
	return ids
}

func TestAccListRPC_resultsAndIdentities(t *testing.T) {
	for _, k := range listedKinds {
		t.Run(k.typeName, func(t *testing.T) {
			sim, url := newTestSimulator(t)
			p := newRPCProvider(t, url)
			sim.ResetLog()
			results := p.list(listRequest{typeName: k.typeName})
			if got := identities(t, results, k.identity); !slices.Equal(got, k.ids) {
				t.Errorf("identities %v, want %v", got, k.ids)
			}
			for i, r := range results {
				if r.displayName != k.names[i] {
					t.Errorf("result %d is shown as %q, want %q", i, r.displayName, k.names[i])
				}
				if r.resource != nil {
					t.Errorf("result %d carries a resource object nobody asked for", i)
				}
				if len(r.identity) != 1 {
					t.Errorf("result %d identity %v, want only %s", i, r.identity, k.identity)
				}
			}
			// Without the resource object, the listing is all it reads.
			if got := countRequests(sim); got.total != 1 || got.byRoute[k.route] != 1 {
				t.Errorf("listing sent %v, want one request to %s", got.byRoute, k.route)
			}
		})
	}
}

// Every page is read, as the cursor says, and nothing twice.
func TestAccListRPC_pagesBeyondOneHundred(t *testing.T) {
	for _, k := range listedKinds {
		t.Run(k.typeName, func(t *testing.T) {
			sim, url := newTestSimulator(t)
			seedScale(sim, k.route)
			p := newRPCProvider(t, url)
			sim.ResetLog()
			ids := identities(t, p.list(listRequest{typeName: k.typeName}), k.identity)
			if len(ids) != 152 {
				t.Fatalf("listed %d, want the 152 the simulator holds", len(ids))
			}
			if distinct := slices.Compact(slices.Sorted(slices.Values(ids))); len(distinct) != len(ids) {
				t.Errorf("a subject was listed twice: %v", ids)
			}
			if n := sim.Count(k.route); n != 2 {
				t.Errorf("read %d pages, want 2", n)
			}
		})
	}
}

func TestAccListRPC_filters(t *testing.T) {
	sim, url := newTestSimulator(t)
	sim.SetHostingStatus(v2AccountID2, "suspended")
	sim.SetVMStatus(xlVMV2ID, "suspended")
	p := newRPCProvider(t, url)
	for _, tc := range []struct {
		name     string
		req      listRequest
		identity string
		want     []string
	}{
		{"domain, any case", listRequest{typeName: "hostup_shared_hosting_plan", filters: map[string]string{"domain": "SHOP.Example"}},
			"account_id", []string{v2AccountID2}},
		{"domain in both", listRequest{typeName: "hostup_shared_hosting_plan", filters: map[string]string{"domain": "example"}},
			"account_id", []string{v2AccountID, v2AccountID2}},
		{"domain nowhere", listRequest{typeName: "hostup_shared_hosting_billing_cycle", filters: map[string]string{"domain": "nowhere.se"}},
			"account_id", nil},
		{"service status", listRequest{typeName: "hostup_shared_hosting_billing_cycle", filters: map[string]string{"service_status": "suspended"}},
			"account_id", []string{v2AccountID2}},
		{"domain and status", listRequest{typeName: "hostup_shared_hosting_plan",
			filters: map[string]string{"domain": "shop", "service_status": "active"}}, "account_id", nil},
		{"VPS name, any case", listRequest{typeName: "hostup_vps_size", filters: map[string]string{"name": "VPS2"}},
			"vm_id", []string{xlVMV2ID}},
		{"VPS status", listRequest{typeName: "hostup_vps_size", filters: map[string]string{"status": "active"}},
			"vm_id", []string{demoVMV2ID}},
		{"VPS name and status", listRequest{typeName: "hostup_vps_size", filters: map[string]string{"name": "vps", "status": "suspended"}},
			"vm_id", []string{xlVMV2ID}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := identities(t, p.list(tc.req), tc.identity); !slices.Equal(got, tc.want) {
				t.Errorf("listed %v, want %v", got, tc.want)
			}
		})
	}
}

// The name filter is HostUp's: with it, HostUp sends only what matches, so
// a listing of 152 VPSs takes one page instead of two.
func TestAccListRPC_vpsNameFilteredByHostUp(t *testing.T) {
	sim, url := newTestSimulator(t)
	seedScale(sim, hostupsim.RouteV2VPSList)
	p := newRPCProvider(t, url)
	sim.ResetLog()
	if got := identities(t, p.list(listRequest{typeName: "hostup_vps_size", filters: map[string]string{"name": "vps1."}}), "vm_id"); !slices.Equal(got, []string{demoVMV2ID}) {
		t.Errorf("listed %v, want %v", got, []string{demoVMV2ID})
	}
	if n := sim.Count(hostupsim.RouteV2VPSList); n != 1 {
		t.Errorf("read %d pages, want 1: HostUp filters by name", n)
	}
}

// A domain matches any of the account's domains, not only the primary one.
func TestHostingListFilter_anyDomain(t *testing.T) {
	a := client.SharedHostingAccount{PrimaryDomain: "example.com", Domains: []string{"example.com", "Butik.Example.se"}, ServiceStatus: "active"}
	for domain, want := range map[string]bool{"butik.": true, "EXAMPLE.COM": true, "shop": false} {
		f := hostingListFilter{Domain: types.StringValue(domain)}
		if got := f.keeps(a); got != want {
			t.Errorf("domain %q keeps %v, want %v", domain, got, want)
		}
	}
}

// The request's limit bounds the results, and no page is read past it.
func TestAccListRPC_limit(t *testing.T) {
	for _, k := range listedKinds {
		t.Run(k.typeName, func(t *testing.T) {
			sim, url := newTestSimulator(t)
			seedScale(sim, k.route)
			for _, tc := range []struct {
				limit int64
				pages int
			}{{1, 1}, {100, 1}, {101, 2}} {
				// A provider process each: it keeps the pages it read.
				p := newRPCProvider(t, url)
				sim.ResetLog()
				if n := len(p.list(listRequest{typeName: k.typeName, limit: tc.limit})); n != int(tc.limit) {
					t.Errorf("limit %d: %d results", tc.limit, n)
				}
				if n := sim.Count(k.route); n != tc.pages {
					t.Errorf("limit %d: read %d pages, want %d", tc.limit, n, tc.pages)
				}
			}
		})
	}
}

// The resource object of each result is what an import of the subject
// followed by a refresh gives: the configuration `terraform query
// -generate-config-out` writes from it adopts the subject without a change.
func TestAccListRPC_includeResourceIsImportThenRefresh(t *testing.T) {
	for _, k := range listedKinds {
		t.Run(k.typeName, func(t *testing.T) {
			sim, url := newTestSimulator(t)
			p := newRPCProvider(t, url)
			sim.ResetLog()
			results := p.list(listRequest{typeName: k.typeName, includeResource: true})
			byRoute := countRequests(sim).byRoute
			if got := identities(t, results, k.identity); !slices.Equal(got, k.ids) {
				t.Fatalf("identities %v, want %v", got, k.ids)
			}
			for i, r := range results {
				if r.resource == nil {
					t.Fatalf("result %d has no resource object", i)
				}
				if want := p.importRefreshed(k.typeName, k.ids[i]); !r.resource.Equal(want) {
					t.Errorf("%s: listed\n%s\nimport and refresh give\n%s", k.ids[i], r.resource, want)
				}
				var attrs map[string]tftypes.Value
				if err := r.resource.As(&attrs); err != nil || attrs[k.target].IsNull() {
					t.Errorf("%s: %s not adopted (%v): %s", k.ids[i], k.target, err, r.resource)
				}
				expectAttributes(t, *r.resource, map[string]any{"price_change": nil, "price_status": nil, "last_order": nil,
					"max_amount": nil, "cancel_existing_invoice": false})
			}
			// Only the plan needs a read of its own per account.
			want := map[string]int{k.route: 1}
			if k.typeName == "hostup_shared_hosting_plan" {
				want[hostupsim.RouteV2HostingUpgradeOptions] = len(k.ids)
			}
			if !mapsEqual(byRoute, want) {
				t.Errorf("listing with resource objects sent %v, want %v", byRoute, want)
			}
		})
	}
}

// expectAttributes checks top-level attributes of an object: nil for null,
// else a string or a bool.
func expectAttributes(t *testing.T, obj tftypes.Value, want map[string]any) {
	t.Helper()
	var attrs map[string]tftypes.Value
	if err := obj.As(&attrs); err != nil {
		t.Fatal(err)
	}
	for name, w := range want {
		v, ok := attrs[name]
		switch {
		case !ok:
			continue // not an attribute of this resource
		case w == nil:
			if !v.IsNull() {
				t.Errorf("%s = %s, want null", name, v)
			}
		default:
			if !v.Equal(tftypes.NewValue(v.Type(), w)) {
				t.Errorf("%s = %s, want %v", name, v, w)
			}
		}
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// A failure mid-listing (here a 503 on the second page) ends the stream with
// an error after the results of the first page.
func TestAccListRPC_errorMidListing(t *testing.T) {
	for _, k := range listedKinds {
		t.Run(k.typeName, func(t *testing.T) {
			sim, url := newTestSimulator(t)
			seedScale(sim, k.route)
			p := newRPCProvider(t, url)
			results := p.list(listRequest{typeName: k.typeName, after: func(n int) {
				if n == 1 { // the first page has arrived; the second is not asked for yet
					sim.InjectFault(hostupsim.Fault{Route: k.route, Status: 503})
				}
			}})
			if len(results) != 101 {
				t.Fatalf("%d results, want the first page's 100 and an error", len(results))
			}
			identities(t, results[:100], k.identity)
			last := results[100]
			if last.identity != nil || len(last.diags) != 1 || last.diags[0].Severity != tfprotov6.DiagnosticSeverityError {
				t.Fatalf("last result: identity %v, diagnostics %v; want one error and nothing else", last.identity, last.diags)
			}
			if d := last.diags[0]; !strings.Contains(d.Summary, "Could not list every") || !strings.Contains(d.Detail, "503") ||
				!strings.Contains(d.Detail, "after 100 results") {
				t.Errorf("error %q: %q", d.Summary, d.Detail)
			}
		})
	}
}
