package provider

import (
	"testing"
	"time"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// xlVMV2ID is the demo's VPS XL, with 7 backup slots and 2000 GB of bandwidth.
const xlVMV2ID = "vps_01hxa3b4c5d6e7f8g9h0j1k2n2"

func xlOptionsConfig(url, options string) string {
	return vpsSizeConfig(url, "  vm_id   = \""+xlVMV2ID+"\"\n  options = "+options)
}

// An option change is refused, before any preview, while HostUp's gate
// says an order of the VPS is still being carried out.
func TestAccUnconfirmedPurchase_optionChangeHonoursTheGate(t *testing.T) {
	sim, url := newTestSimulator(t)
	sim.AddPendingVMOrder(xlVMV2ID)
	ws := newCLIWorkspace(t, xlOptionsConfig(url, "{ bandwidthGb = 6000 }"))
	out := ws.mustFail("plan", "-input=false")
	expectOutput(t, out, "Error: HostUp does not allow a VPS change now", "(code pending_order)", "Nothing was bought")
	if n := sim.Count(hostupsim.RouteV2VPSConfig); n != 0 {
		t.Errorf("%d requests reached the option route, want none", n)
	}
}

// After a commit whose answer was lost, no commit is sent again until
// HostUp shows what it did: every run stops while the change is underway,
// and once it shows, state records it without buying again.
func TestAccUnconfirmedPurchase_optionChangeNeverBoughtTwice(t *testing.T) {
	for _, tc := range []struct {
		name  string
		fault hostupsim.Fault
		// carriedOut: HostUp made the change, and carries it out later.
		carriedOut bool
	}{
		{"connection dropped after the commit", hostupsim.Fault{DropAfterHandler: true}, true},
		{"truncated answer after the commit", hostupsim.Fault{TruncatedBody: true}, true},
		{"503 before the commit", hostupsim.Fault{Status: 503}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sim, url := newTestSimulator(t)
			ws := newCLIWorkspace(t, xlOptionsConfig(url, "{ bandwidthGb = 6000 }"))
			tc.fault.Route, tc.fault.OnlyCommits = hostupsim.RouteV2VPSConfig, true
			sim.InjectFault(tc.fault)
			commits := func() int { return sim.CountWhere(hostupsim.RouteV2VPSConfig, isCommit) }

			out := ws.mustFail("apply", "-input=false", "-auto-approve")
			expectOutput(t, out, "Error: Change may not have been carried out", "Nothing was resent", "State records the attempt")
			if commits() != 1 {
				t.Fatalf("%d commits, want 1", commits())
			}

			if tc.carriedOut {
				// Underway: every run stops before sending anything.
				for _, args := range [][]string{{"plan", "-input=false"}, {"apply", "-input=false", "-auto-approve"}} {
					out = ws.mustFail(args...)
					expectOutput(t, out, "Error: VPS size purchase with an unknown outcome", "Nothing is planned or bought")
				}
				sim.Advance(hostupsim.VMUpgradeDelay + time.Minute)
				out = ws.mustRun("apply", "-input=false", "-auto-approve")
				expectOutput(t, out, "An earlier purchase was carried out")
			} else {
				out = ws.mustRun("apply", "-input=false", "-auto-approve")
				expectOutput(t, out, "An earlier purchase was not carried out", "prices the change again")
			}
			ws.mustRun("plan", "-input=false", "-detailed-exitcode")
			wantCommits := 1
			if !tc.carriedOut {
				wantCommits = 2
			}
			if commits() != wantCommits || len(sim.Orders()) != 1 {
				t.Errorf("%d commits and %d orders, want %d and 1", commits(), len(sim.Orders()), wantCommits)
			}
			sim.Advance(hostupsim.VMUpgradeDelay + time.Minute)
			if vm, _ := sim.VM(xlVMV2ID); vm.Options[hostupsim.OptionBandwidth] != 6000 {
				t.Errorf("bandwidth is %d, want 6000", vm.Options[hostupsim.OptionBandwidth])
			}
		})
	}
}

// Lowering any option is a downgrade: the plan names what it takes away,
// and nothing is previewed or bought without allow_downgrade.
func TestAccUnconfirmedPurchase_loweringAnOptionIsADowngrade(t *testing.T) {
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, xlOptionsConfig(url, "{ backupSlots = 0, bandwidthGb = 6000 }"))
	out := ws.mustFail("plan", "-input=false")
	expectOutput(t, out, "Error: Downgrade not allowed", "it lowers backupSlots 7 → 0", "allow_downgrade = true")
	if n := sim.Count(hostupsim.RouteV2VPSConfig); n != 0 {
		t.Errorf("%d requests reached the option route, want none", n)
	}
	ws.writeConfig(xlOptionsConfig(url, "{ backupSlots = 0, bandwidthGb = 6000 }\n  allow_downgrade = true"))
	ws.mustRun("apply", "-input=false", "-auto-approve")
	if n := sim.CountWhere(hostupsim.RouteV2VPSConfig, isCommit); n != 1 {
		t.Errorf("%d commits, want 1", n)
	}
}
