package provider

import (
	"fmt"
	"testing"
	"time"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// HostUp may answer with only what its documentation promises, and with the
// other JSON type where it allows two: the simulator's lean mode does. Every
// paid resource's plan, apply and next plan work against it, and buy once.
func TestAccLeanMode_paidResources(t *testing.T) {
	for _, tc := range []struct {
		name, config string
		// scheduled: HostUp carries the change out later.
		scheduled bool
	}{
		{name: "plan v2", config: planBlock(v2AccountID, `product_slug = "webbhotell-business"`)},
		{name: "plan v1", config: planBlock(v1AccountID, `product_id = "1913"`)},
		{name: "billing cycle", config: cycleResourceBlock(v2AccountID2, "annually")},
		{name: "storage block", config: fmt.Sprintf("\nresource \"hostup_shared_hosting_storage_addon\" \"test\" {\n  account_id = %q\n  addon_id   = \"storage-10gb\"\n}\n", v2AccountID)},
		{name: "VPS v1 package", config: vpsBlock(demoVMID, `package = "1938"`), scheduled: true},
		{name: "VPS v2 plan", config: vpsBlock(demoVMV2ID, `product_slug = "vps-xl"`), scheduled: true},
		{name: "VPS v2 options", config: vpsBlock(xlVMV2ID, `options = { bandwidthGb = 3000 }`), scheduled: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sim, url := newTestSimulator(t)
			sim.SetLean(true)
			ws := newCLIWorkspace(t, providerBlock(url, testAPIKey)+tc.config)
			out := ws.mustRun("plan", "-input=false")
			expectOutput(t, out, "price_change", "1 to add")
			ws.mustRun("apply", "-input=false", "-auto-approve")
			if n := len(sim.Orders()); n != 1 {
				t.Fatalf("%d orders, want 1", n)
			}
			ws.mustRun("plan", "-input=false", "-detailed-exitcode")
			if tc.scheduled {
				sim.Advance(hostupsim.VMUpgradeDelay + time.Minute)
				ws.mustRun("plan", "-input=false", "-detailed-exitcode")
			}
			if n := len(sim.Orders()); n != 1 {
				t.Errorf("%d orders after the next plans, want 1", n)
			}
		})
	}
}

func planBlock(account, target string) string {
	return fmt.Sprintf("\nresource \"hostup_shared_hosting_plan\" \"test\" {\n  account_id = %q\n  %s\n}\n", account, target)
}

func vpsBlock(vm, target string) string {
	return fmt.Sprintf("\nresource \"hostup_vps_size\" \"test\" {\n  vm_id = %q\n  %s\n}\n", vm, target)
}
