package provider

import (
	"fmt"
	"testing"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// A purchase whose answer is lost is never resent: the failed apply records
// it as outcome_unknown, every later run stops before sending anything, and
// the documented way out converges: state rm and import when the block was
// bought, state rm and apply when it was not.
func TestAccStorageAddon_unknownOutcome(t *testing.T) {
	for _, tc := range []struct {
		name   string
		fault  hostupsim.Fault
		bought bool
		why    string
	}{{
		name:   "connection dropped after the purchase",
		fault:  hostupsim.Fault{DropAfterHandler: true},
		bought: true,
		why:    "lost its answer",
	}, {
		name:   "unreadable answer after the purchase",
		fault:  hostupsim.Fault{MalformedBody: true},
		bought: true,
		why:    "lost its answer",
	}, {
		name:   "201 without an order id",
		fault:  hostupsim.Fault{OmitField: "orderId"},
		bought: true,
		why:    "lost its answer",
	}, {
		name:   "503 before the purchase",
		fault:  hostupsim.Fault{Status: 503},
		bought: false,
		why:    "failed with HTTP 503 from HostUp",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sim, url := newTestSimulator(t)
			ws := newCLIWorkspace(t, storageConfig(url, v2AccountID, "storage-10gb", ""))
			tc.fault.Route = hostupsim.RouteV2StorageOrder
			sim.InjectFault(tc.fault)

			out := ws.mustFail("apply", "-input=false", "-auto-approve")
			expectOutput(t, out, "Error: Change may not have been carried out", tc.why, "Nothing was resent",
				"terraform state rm", "terraform import it as acct_…/ord_…")
			wantOrders := 0
			if tc.bought {
				wantOrders = 1
			}
			if got := len(sim.StorageOrders(v2AccountID)); got != wantOrders {
				t.Fatalf("%d storage orders after the failed apply, want %d", got, wantOrders)
			}
			out = ws.mustRun("show")
			expectOutput(t, out, storageResource+": (tainted)", `order_status`, `"outcome_unknown"`, "requested_at")

			// Every later run stops before sending anything.
			for _, args := range [][]string{{"apply", "-input=false", "-auto-approve"}, {"plan", "-input=false"}, {"destroy", "-input=false", "-auto-approve"}} {
				out = ws.mustFail(args...)
				expectOutput(t, out, "Error: Storage purchase with an unknown outcome", "may or may not have been bought",
					"terraform state rm", "acct_…/ord_…")
			}
			if n := storagePosts(sim); n != 1 {
				t.Fatalf("%d storage orders sent, want exactly 1: a purchase must never be resent", n)
			}

			// The way out.
			ws.mustRun("state", "rm", storageResource)
			if tc.bought {
				order := sim.StorageOrders(v2AccountID)[0]
				ws.mustRun("import", "-input=false", storageResource, v2AccountID+"/"+order.ID)
				ws.mustRun("apply", "-input=false", "-auto-approve")
				out = ws.mustRun("state", "show", storageResource)
				expectOutput(t, out, "order_id", `"`+order.ID+`"`)
			} else {
				ws.mustRun("apply", "-input=false", "-auto-approve")
			}
			ws.mustRun("plan", "-input=false", "-detailed-exitcode") // exit 0: nothing to do
			if got := len(sim.StorageOrders(v2AccountID)); got != 1 {
				t.Errorf("%d storage orders in the end, want exactly 1", got)
			}
			wantPosts := 1
			if !tc.bought {
				wantPosts = 2
			}
			if n := storagePosts(sim); n != wantPosts {
				t.Errorf("%d storage orders sent, want %d", n, wantPosts)
			}
		})
	}
}

// A saved plan whose tier price changed before apply is refused before
// anything is bought.
func TestAccStorageAddon_priceChangedBetweenPlanAndApply(t *testing.T) {
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, storageConfig(url, v2AccountID, "storage-10gb", ""))

	out := ws.mustRun("plan", "-input=false", "-out=saved.tfplan")
	expectOutput(t, out, "price_change", "amount", "= 49")

	sim.SetStorageTierPrice(v2AccountID, "storage-10gb", hostupsim.MustMoney("59.00"))
	out = ws.mustFail("apply", "-input=false", "saved.tfplan")
	expectOutput(t, out, "price_change") // refused by the CLI: its exit code, the attribute, and 0 commits tell
	if n := storagePosts(sim); n != 0 {
		t.Fatalf("the refused apply sent %d storage orders", n)
	}

	out = ws.mustRun("plan", "-input=false", "-out=saved.tfplan")
	expectOutput(t, out, "amount", "= 59")
	ws.mustRun("apply", "-input=false", "saved.tfplan")
	if got := sim.StorageOrders(v2AccountID); len(got) != 1 || got[0].Amount != hostupsim.MustMoney("59") {
		t.Errorf("storage orders after the re-planned apply: %+v", got)
	}
}

// Changing the tier of one of two blocks buys a third, and the plan says in
// words that the old block stays bought; destroy forgets and says so.
func TestAccStorageAddon_replacementKeepsOldBlock(t *testing.T) {
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, storageConfig(url, v2AccountID, "storage-10gb", "  count      = 2"))
	ws.mustRun("apply", "-input=false", "-auto-approve")
	old := sim.StorageOrders(v2AccountID)

	ws.writeConfig(providerBlock(url, testAPIKey) + `
resource "hostup_shared_hosting_storage_addon" "test" {
  count      = 2
  account_id = "` + v2AccountID + `"
  addon_id   = count.index == 0 ? "storage-10gb" : "storage-25gb"
}
`)
	out := ws.mustRun("plan", "-input=false")
	expectOutput(t, out, "must be replaced", "amount", "= 99",
		"(storage-25gb): 99 SEK due now, then 99 SEK annually; buys one more block: a block bought before stays bought and billed")
	if n := storagePosts(sim); n != 2 {
		t.Fatalf("planning sent storage orders: %d in all, want 2", n)
	}
	out = ws.mustRun("apply", "-input=false", "-auto-approve")
	expectOutput(t, out, "Storage block stays bought")
	orders := sim.StorageOrders(v2AccountID)
	if len(orders) != 3 || orders[2].AddonID != "storage-25gb" || orders[1].ID != old[1].ID {
		t.Errorf("storage orders: %+v, want the two old blocks and one storage-25gb", orders)
	}

	out = ws.mustRun("destroy", "-input=false", "-auto-approve")
	expectOutput(t, out, "Storage block stays bought", "nothing was cancelled or refunded")
	if n := storagePosts(sim); n != 3 {
		t.Errorf("%d storage orders sent, want 3", n)
	}
}

// An import names an account and an order; the provider refuses an order it
// can show is not a storage block of that account, and says what it could
// not check of one it accepts.
func TestAccStorageAddon_importChecksTheOrder(t *testing.T) {
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, storageConfig(url, v2AccountID2, "storage-10gb", "")+fmt.Sprintf(`
resource "hostup_shared_hosting_plan" "test" {
  account_id   = %q
  product_slug = "webbhotell-business"
}
`, v2AccountID))
	ws.mustRun("apply", "-input=false", "-auto-approve")
	ws.mustRun("state", "rm", storageResource, planResource)
	var upgrade, block hostupsim.Order
	for _, o := range sim.Orders() {
		if o.AddonID != "" {
			block = o
		} else {
			upgrade = o
		}
	}
	ws.writeConfig(storageConfig(url, v2AccountID2, "storage-10gb", ""))

	out := ws.mustFail("import", "-input=false", storageResource, v2AccountID+"/"+upgrade.ID)
	expectOutput(t, out, "Error: Not a storage block of this account", `order of type "upgrade"`)
	out = ws.mustFail("import", "-input=false", storageResource, v2AccountID+"/"+block.ID)
	expectOutput(t, out, "Error: Not a storage block of this account", "does not list it among its unpaid invoices")
	out = ws.mustRun("import", "-input=false", storageResource, v2AccountID2+"/"+block.ID)
	expectOutput(t, out, "Imported storage block checked as far as HostUp tells", `its type (new)`,
		"the price of storage-10gb", "could not be checked")
	// The configuration names the tier the order does not: recording it buys nothing.
	ws.mustRun("apply", "-input=false", "-auto-approve")
	ws.mustRun("plan", "-input=false", "-detailed-exitcode")
	if n := storagePosts(sim); n != 1 {
		t.Errorf("%d storage orders sent, want the one bought at first", n)
	}
}

// -replace of a bought block buys another one; the plan says the old one
// stays bought and billed.
func TestAccStorageAddon_replaceSaysTheOldBlockStays(t *testing.T) {
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, storageConfig(url, v2AccountID, "storage-10gb", ""))
	ws.mustRun("apply", "-input=false", "-auto-approve")
	out := ws.mustRun("plan", "-input=false", "-replace="+storageResource)
	expectOutput(t, out, "will be replaced", "summary", "buys one more block: a block bought before stays bought and billed")
	if n := storagePosts(sim); n != 1 {
		t.Errorf("%d storage orders sent, want the first one only", n)
	}
}
