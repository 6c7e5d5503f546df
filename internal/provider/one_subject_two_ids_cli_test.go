package provider

import (
	"fmt"
	"testing"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// One account or VM addressed by its v1 id in one resource and its v2 id in
// another cannot be serialised by the provider's lock: a plan that changes
// it through both ids is refused, and nothing is previewed twice or bought.
func TestAccOneSubjectTwoIDs_refusedAtPlan(t *testing.T) {
	for _, tc := range []struct {
		name, config string
		commits      func(*hostupsim.Server) int
	}{{
		name: "hosting account",
		config: fmt.Sprintf(`
resource "hostup_shared_hosting_plan" "by_v1" {
  account_id = %q
  product_id = "1913"
}
resource "hostup_shared_hosting_billing_cycle" "by_v2" {
  account_id    = %q
  billing_cycle = "monthly"
}
`, v1AccountID, v2AccountID),
		commits: func(sim *hostupsim.Server) int {
			return sim.CountWhere(hostupsim.RouteV1HostingUpgrade, isCommit) + cycleCommits(sim)
		},
	}, {
		name: "VM",
		config: fmt.Sprintf(`
resource "hostup_vps_size" "by_v1" {
  vm_id   = %q
  package = "1938"
}
resource "hostup_vps_size" "by_v2" {
  vm_id   = %q
  options = { bandwidthGb = 3000 }
}
`, demoVMID, demoVMV2ID),
		commits: func(sim *hostupsim.Server) int {
			return vmCommits(sim) + sim.CountWhere(hostupsim.RouteV2VPSConfig, isCommit)
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sim, url := newTestSimulator(t)
			ws := newCLIWorkspace(t, providerBlock(url, testAPIKey)+tc.config)
			out := ws.mustFail("apply", "-input=false", "-auto-approve")
			expectOutput(t, out, "Error: One account or VM under two ids", "are the same", "Manage it by one id")
			if n := tc.commits(sim); n != 0 || len(sim.Orders()) != 0 {
				t.Errorf("%d commits and %d orders, want none", n, len(sim.Orders()))
			}
		})
	}
}
