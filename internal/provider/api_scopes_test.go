package provider

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// scopeFlows exercise every route an object calls: plan, apply, refresh,
// import, with each API generation and option it has.
var scopeFlows = map[string]func(t *testing.T, sim *hostupsim.Server, ws func(config string) *cliWorkspace){
	"hostup_shared_hosting_plan": func(t *testing.T, sim *hostupsim.Server, ws func(string) *cliWorkspace) {
		sim.AddUnpaidInvoice(v2AccountID, hostupsim.MustMoney("49.00"))
		w := ws(fmt.Sprintf(`
resource "hostup_shared_hosting_plan" "v2" {
  account_id              = %q
  product_slug            = "webbhotell-business"
  cancel_existing_invoice = true
}
resource "hostup_shared_hosting_plan" "v1" {
  account_id = "20001"
  product_id = "1912"
}
`, v2AccountID))
		w.mustRun("apply", "-input=false", "-auto-approve")
		w.mustRun("plan", "-input=false", "-detailed-exitcode")
	},
	"hostup_shared_hosting_billing_cycle": func(t *testing.T, _ *hostupsim.Server, ws func(string) *cliWorkspace) {
		w := ws(cycleResourceBlock(v2AccountID2, "annually"))
		w.mustRun("apply", "-input=false", "-auto-approve")
		w.mustRun("plan", "-input=false", "-detailed-exitcode")
	},
	"hostup_shared_hosting_storage_addon": func(t *testing.T, sim *hostupsim.Server, ws func(string) *cliWorkspace) {
		w := ws(fmt.Sprintf(`
resource "hostup_shared_hosting_storage_addon" "test" {
  account_id = %q
  addon_id   = "storage-10gb"
}
`, v2AccountID))
		w.mustRun("apply", "-input=false", "-auto-approve")
		w.mustRun("state", "rm", storageResource)
		w.mustRun("import", "-input=false", storageResource, v2AccountID+"/"+sim.StorageOrders(v2AccountID)[0].ID)
		w.mustRun("apply", "-input=false", "-auto-approve")
	},
	"hostup_vps_size": func(t *testing.T, sim *hostupsim.Server, ws func(string) *cliWorkspace) {
		// A third VM, so that each route has a VM of its own.
		sim.AddVM(hostupsim.VM{ID: 10002, V2ID: "vps_scopes3", Hostname: "vps3.example.com", ProductID: "1937", BillingCycle: "monthly",
			Status: "active", Options: map[string]int64{hostupsim.OptionBandwidth: 1000, hostupsim.OptionIPv4: 1},
			CreatedAt: sim.Now().AddDate(0, -1, 0), NextDueAt: sim.Now().AddDate(0, 1, 0)})
		w := ws(fmt.Sprintf(`
resource "hostup_vps_size" "v1" {
  vm_id   = %q
  package = "1938"
}
resource "hostup_vps_size" "plan" {
  vm_id        = %q
  product_slug = "vps-xl"
}
resource "hostup_vps_size" "options" {
  vm_id   = %q
  options = { bandwidthGb = 3000 }
}
`, demoVMID, "vps_scopes3", xlVMV2ID))
		w.mustRun("apply", "-input=false", "-auto-approve")
		w.mustRun("plan", "-input=false", "-detailed-exitcode")
	},
	"hostup_billing_cycle": func(t *testing.T, _ *hostupsim.Server, ws func(string) *cliWorkspace) {
		ws(fmt.Sprintf(`
data "hostup_billing_cycle" "v1" { account_id = "20000" }
data "hostup_billing_cycle" "v2" { account_id = %q }
data "hostup_billing_cycle" "vm" { vm_id = 10000 }
`, v2AccountID)).mustRun("plan", "-input=false")
	},
	"hostup_shared_hosting_accounts": func(t *testing.T, _ *hostupsim.Server, ws func(string) *cliWorkspace) {
		ws(`data "hostup_shared_hosting_accounts" "all" {}`).mustRun("plan", "-input=false")
	},
	"hostup_shared_hosting_plan_options": func(t *testing.T, _ *hostupsim.Server, ws func(string) *cliWorkspace) {
		ws(fmt.Sprintf(`data "hostup_shared_hosting_plan_options" "x" { account_id = %q }`, v2AccountID)).mustRun("plan", "-input=false")
	},
	"hostup_shared_hosting_storage_tiers": func(t *testing.T, _ *hostupsim.Server, ws func(string) *cliWorkspace) {
		ws(fmt.Sprintf(`data "hostup_shared_hosting_storage_tiers" "x" { account_id = %q }`, v2AccountID)).mustRun("plan", "-input=false")
	},
	"hostup_vps_upgrade_options": func(t *testing.T, _ *hostupsim.Server, ws func(string) *cliWorkspace) {
		ws(fmt.Sprintf(`
data "hostup_vps_upgrade_options" "v1" { vm_id = %q }
data "hostup_vps_upgrade_options" "v2" { vm_id = %q }
`, demoVMID, demoVMV2ID)).mustRun("plan", "-input=false")
	},
	"hostup_virtual_servers": func(t *testing.T, _ *hostupsim.Server, ws func(string) *cliWorkspace) {
		ws(`
data "hostup_virtual_servers" "all" {}
data "hostup_virtual_servers" "filtered" {
  name       = "vps"
  primary_ip = "203.0.113.10"
}
`).mustRun("plan", "-input=false")
	},
}

func cycleResourceBlock(account, cycle string) string {
	return fmt.Sprintf("\nresource \"hostup_shared_hosting_billing_cycle\" \"test\" {\n  account_id    = %q\n  billing_cycle = %q\n}\n", account, cycle)
}

// A key holding exactly the scopes the documentation lists for an object
// serves every route the object calls: HostUp answers any other with 403,
// so a route needing a scope the documentation leaves out fails here.
func TestAccAPIScopes_documentedScopesSuffice(t *testing.T) {
	if got, want := slices.Sorted(maps.Keys(scopeFlows)), slices.Sorted(maps.Keys(apiScopes)); !slices.Equal(got, want) {
		t.Fatalf("scope flows for %v, documented scopes for %v: every object needs both", got, want)
	}
	for name, flow := range scopeFlows {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			sim, url := newTestSimulator(t)
			key := "key-" + name
			sim.AddAPIKey(key, apiScopes[name]...)
			flow(t, sim, func(config string) *cliWorkspace { return newCLIWorkspace(t, providerBlock(url, key)+config) })
			for _, r := range sim.Requests() {
				if r.Status == 403 {
					t.Errorf("%s %s was refused with the documented scopes %v", r.Method, r.Path, apiScopes[name])
				}
			}
		})
	}
}

// The provider documentation's scope table lists what apiScopes holds.
func TestAPIScopesInTheDocumentation(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "..", "templates", "index.md.tmpl"))
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `(hostup_[a-z_]+)` \\| (.+) \\|$")
	documented := map[string][]string{}
	for _, m := range row.FindAllStringSubmatch(string(page), -1) {
		for _, s := range strings.Split(m[2], ",") {
			documented[m[1]] = append(documented[m[1]], strings.Trim(strings.TrimSpace(s), "`"))
		}
	}
	for name, scopes := range apiScopes {
		if got := documented[name]; !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(scopes))) {
			t.Errorf("the documentation lists %v for %s, the provider %v", got, name, scopes)
		}
	}
}
