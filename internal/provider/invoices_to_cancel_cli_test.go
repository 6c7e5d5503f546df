package provider

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// storageThenPlanConfig buys a storage block on an account, and (with
// planChange) moves the same account to Business letting HostUp cancel
// unpaid invoices. The plan change depends on the block, so that the
// block's refresh, which tells the provider whose invoice it is, comes first.
func storageThenPlanConfig(url string, planChange bool) string {
	config := storageConfig(url, v2AccountID, "storage-10gb", "")
	if planChange {
		config += fmt.Sprintf(`
resource "hostup_shared_hosting_plan" "test" {
  account_id              = %q
  product_slug            = "webbhotell-business"
  cancel_existing_invoice = true
  depends_on              = [hostup_shared_hosting_storage_addon.test]
}
`, v2AccountID)
	}
	return config
}

// plannedInvoicesToCancel reads price_change.invoices_to_cancel of the plan
// resource from a saved plan, as ids.
func plannedInvoicesToCancel(t *testing.T, ws *cliWorkspace, planFile string) []string {
	t.Helper()
	out, err := ws.showJSON(planFile)
	if err != nil {
		t.Fatal(err)
	}
	var plan struct {
		ResourceChanges []struct {
			Address string `json:"address"`
			Change  struct {
				After struct {
					PriceChange struct {
						InvoicesToCancel []struct {
							ID string `json:"id"`
						} `json:"invoices_to_cancel"`
					} `json:"price_change"`
				} `json:"after"`
			} `json:"change"`
		} `json:"resource_changes"`
	}
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, rc := range plan.ResourceChanges {
		if rc.Address == planResource {
			for _, inv := range rc.Change.After.PriceChange.InvoicesToCancel {
				ids = append(ids, inv.ID)
			}
		}
	}
	return ids
}

// An invoice another run bought is cancelled only when the plan names it:
// the plan shows it, as a known value and in a warning that says which
// managed order it bills, and the apply cancels exactly it.
func TestAccInvoicesToCancel_namedInThePlan(t *testing.T) {
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, storageThenPlanConfig(url, false))
	ws.mustRun("apply", "-input=false", "-auto-approve")
	block := sim.StorageOrders(v2AccountID)[0]

	ws.writeConfig(storageThenPlanConfig(url, true))
	out := ws.mustRun("plan", "-input=false", "-out=saved.tfplan")
	expectOutput(t, out, "Warning: This change cancels unpaid invoices", "invoice "+block.InvoiceID, "49 SEK",
		"it bills storage order "+block.ID, "which this configuration manages", "cancels exactly these")
	if got := plannedInvoicesToCancel(t, ws, "saved.tfplan"); len(got) != 1 || got[0] != block.InvoiceID {
		t.Fatalf("price_change.invoices_to_cancel = %v, want [%s]", got, block.InvoiceID)
	}
	if commits(sim) != 0 {
		t.Fatalf("planning sent %d commits", commits(sim))
	}

	ws.mustRun("apply", "-input=false", "saved.tfplan")
	if commits(sim) != 1 || len(sim.Orders()) != 2 {
		t.Fatalf("%d plan commits and %d orders, want 1 and 2", commits(sim), len(sim.Orders()))
	}
	if inv, _ := sim.Invoice(block.InvoiceID); inv.Status != "cancelled" {
		t.Errorf("the named invoice is %s, want cancelled", inv.Status)
	}
}

// An invoice that appears between plan and apply stops the apply before
// anything is sent: the plan named none, so none may be cancelled.
func TestAccInvoicesToCancel_newInvoiceStopsTheApply(t *testing.T) {
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, v2PlanConfig(url, "webbhotell-business", "  cancel_existing_invoice = true"))
	ws.mustRun("plan", "-input=false", "-out=saved.tfplan")
	if got := plannedInvoicesToCancel(t, ws, "saved.tfplan"); len(got) != 0 {
		t.Fatalf("the plan names invoices to cancel on an account without any: %v", got)
	}

	late := sim.AddUnpaidInvoice(v2AccountID, hostupsim.MustMoney("49.00"))
	out := ws.mustFail("apply", "-input=false", "saved.tfplan")
	expectOutput(t, out, "price_change")
	if commits(sim) != 0 || len(sim.Orders()) != 0 {
		t.Fatalf("the refused apply sent %d commits and made %d orders", commits(sim), len(sim.Orders()))
	}
	if inv, _ := sim.Invoice(late.ID); inv.Status != "unpaid" {
		t.Fatalf("the invoice no plan named is %s, want unpaid", inv.Status)
	}

	// The next plan names it; applying that plan cancels it.
	ws.mustRun("plan", "-input=false", "-out=saved.tfplan")
	if got := plannedInvoicesToCancel(t, ws, "saved.tfplan"); len(got) != 1 || got[0] != late.ID {
		t.Fatalf("price_change.invoices_to_cancel = %v, want [%s]", got, late.ID)
	}
	ws.mustRun("apply", "-input=false", "saved.tfplan")
	if inv, _ := sim.Invoice(late.ID); inv.Status != "cancelled" || commits(sim) != 1 {
		t.Errorf("invoice %s, %d commits; want cancelled by one commit", inv.Status, commits(sim))
	}
}
