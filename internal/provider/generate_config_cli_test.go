package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// An import block and -generate-config-out adopt every paid resource, of
// either id generation: the generated configuration validates, its apply
// buys nothing, and the next plan is empty.
func TestAccGenerateConfig_adoptsWithoutBuying(t *testing.T) {
	for _, tc := range []struct {
		name, resource, id string
		// storageBlock: the id is that of a storage block bought first.
		storageBlock bool
	}{
		{name: "plan v2", resource: "hostup_shared_hosting_plan", id: v2AccountID},
		{name: "plan v1", resource: "hostup_shared_hosting_plan", id: v1AccountID},
		{name: "billing cycle", resource: "hostup_shared_hosting_billing_cycle", id: v2AccountID},
		{name: "VPS v1", resource: "hostup_vps_size", id: demoVMID},
		{name: "VPS v2", resource: "hostup_vps_size", id: demoVMV2ID},
		{name: "storage block", resource: "hostup_shared_hosting_storage_addon", storageBlock: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sim, url := newTestSimulator(t)
			ws := newCLIWorkspace(t, providerBlock(url, testAPIKey))
			id := tc.id
			if tc.storageBlock {
				ws.writeConfig(storageConfig(url, v2AccountID, "storage-10gb", ""))
				ws.mustRun("apply", "-input=false", "-auto-approve")
				ws.mustRun("state", "rm", storageResource)
				id = v2AccountID + "/" + sim.StorageOrders(v2AccountID)[0].ID
			}
			ordersBefore := len(sim.Orders())
			ws.writeConfig(providerBlock(url, testAPIKey) + fmt.Sprintf(`
import {
  to = %s.adopted
  id = %q
}
`, tc.resource, id))
			ws.mustRun("plan", "-input=false", "-generate-config-out=generated.tf")
			generated, err := os.ReadFile(filepath.Join(ws.dir, "generated.tf"))
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("generated configuration:\n%s", generated)

			ws.mustRun("apply", "-input=false", "-auto-approve")
			if n := len(sim.Orders()); n != ordersBefore {
				t.Errorf("adopting %s made %d orders", id, n-ordersBefore)
			}
			ws.mustRun("plan", "-input=false", "-detailed-exitcode")
		})
	}
}
