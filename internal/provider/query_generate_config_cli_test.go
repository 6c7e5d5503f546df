package provider

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// queryEverything lists every subject of each list resource, with the
// resource objects the generated configuration is written from.
const queryEverything = `
list "hostup_shared_hosting_plan" "plans" {
  provider         = hostup
  include_resource = true
  limit            = 500
}

list "hostup_shared_hosting_billing_cycle" "cycles" {
  provider         = hostup
  include_resource = true
  limit            = 500
}

list "hostup_vps_size" "sizes" {
  provider         = hostup
  include_resource = true
  limit            = 500
}
`

// purchasesSent counts the POSTs that buy: every one not marked as a
// preview (a v2 dry run, a v1 estimate).
func purchasesSent(sim *hostupsim.Server) int {
	n := 0
	for _, r := range sim.Requests() {
		dryRun, _ := r.Body["dryRun"].(bool)
		send, hasSend := r.Body["send"].(bool)
		if r.Method == http.MethodPost && !dryRun && (!hasSend || send) {
			n++
		}
	}
	return n
}

// `terraform query -generate-config-out` writes a resource and an import
// block for every listed subject, across more than one page of accounts;
// applying them adopts every subject without buying anything, and the next
// plan is empty.
func TestAccQueryCLI_generatedConfigAdoptsWithoutBuying(t *testing.T) {
	cli := requireAccCLI(t)
	skipBelowCLIVersion(t, cli, tfversion.Version1_14_0)
	sim, url := newTestSimulator(t)
	accounts := append([]string{v2AccountID, v2AccountID2}, seedScaleAccounts(sim, 110)...)
	sim.AddVMs(3, hostupsim.VM{ProductID: "vps-s", Hostname: "bulk.example.net"})
	ws := newCLIWorkspace(t, providerBlock(url, testAPIKey))
	if err := os.WriteFile(filepath.Join(ws.dir, "everything.tfquery.hcl"), []byte(queryEverything), 0o600); err != nil {
		t.Fatal(err)
	}

	out := ws.mustRun("query", "-generate-config-out=generated.tf")
	expectOutput(t, out, "list.hostup_shared_hosting_plan.plans", v2AccountID, "example.com")
	expectOutput(t, out, "list.hostup_vps_size.sizes", demoVMV2ID, "vps1.example.com")
	b, err := os.ReadFile(filepath.Join(ws.dir, "generated.tf"))
	if err != nil {
		t.Fatal(err)
	}
	generated := string(b)
	defer func() {
		if t.Failed() {
			t.Logf("generated configuration:\n%s", generated)
		}
	}()
	for typeName, want := range map[string]int{"hostup_shared_hosting_plan": len(accounts),
		"hostup_shared_hosting_billing_cycle": len(accounts), "hostup_vps_size": 5} {
		if n := strings.Count(generated, `resource "`+typeName+`"`); n != want {
			t.Errorf("generated %d %s resources, want %d", n, typeName, want)
		}
	}
	if n := strings.Count(generated, "import {"); n != 2*len(accounts)+5 {
		t.Errorf("generated %d import blocks, want %d", n, 2*len(accounts)+5)
	}

	ordersBefore := len(sim.Orders())
	sim.ResetLog()
	ws.mustRun("apply", "-input=false", "-auto-approve")
	if n := len(sim.Orders()) - ordersBefore; n != 0 {
		t.Errorf("adopting the generated configuration made %d orders", n)
	}
	if n := purchasesSent(sim); n != 0 {
		t.Errorf("adopting the generated configuration sent %d purchases", n)
	}
	ws.mustRun("plan", "-input=false", "-detailed-exitcode")
}
