package provider

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// plannedPriceChange is the price_change of hostup_vps_size.test in a saved
// plan, as `tofu show -json` reports it.
func plannedPriceChange(t *testing.T, ws *cliWorkspace, planFile string) map[string]any {
	t.Helper()
	out, err := ws.showJSON(planFile)
	if err != nil {
		t.Fatal(err)
	}
	var plan struct {
		ResourceChanges []struct {
			Address string `json:"address"`
			Change  struct {
				After map[string]any `json:"after"`
			} `json:"change"`
		} `json:"resource_changes"`
	}
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatalf("plan JSON: %v", err)
	}
	for _, rc := range plan.ResourceChanges {
		if rc.Address == vpsSizeAddr {
			pc, _ := rc.Change.After["price_change"].(map[string]any)
			return pc
		}
	}
	t.Fatalf("the plan has no change of %s", vpsSizeAddr)
	return nil
}

// commitsOn counts the committing requests to a VM upgrade route: v1
// send: true, v2 without dryRun.
func commitsOn(sim *hostupsim.Server, route string) int {
	if route == hostupsim.RouteV1VMUpgrade {
		return vmCommits(sim)
	}
	return sim.CountWhere(route, isCommit)
}

func (w *cliWorkspace) command(args ...string) *exec.Cmd {
	cmd := exec.Command(w.tofu, args...)
	cmd.Dir = w.dir
	cmd.Env = w.env
	return cmd
}

// showJSON runs `tofu show -json`, returning only its standard output.
func (w *cliWorkspace) showJSON(args ...string) (string, error) {
	cmd := w.command(append([]string{"show", "-json"}, args...)...)
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	err := cmd.Run()
	return stdout.String(), err
}

func expectPlannedPrice(t *testing.T, got map[string]any, est *client.VMUpgradeEstimate, cycle string) {
	t.Helper()
	want := map[string]any{"amount": est.Prorated.String(), "recurring_amount": est.Recurring.String(), "currency_code": "SEK", "billing_cycle": cycle}
	for k, v := range want {
		if fmt.Sprint(got[k]) != v {
			t.Errorf("planned price_change.%s = %v, want %v (price_change %v)", k, got[k], v, got)
		}
	}
}

// The plan of a resources change shows HostUp's estimate, bought nothing,
// and a saved plan applies as planned.
func TestAccVPSSize_resourcesChangePlan(t *testing.T) {
	sim, url := newTestSimulator(t)
	want := twinEstimate(t, 10000, client.VMUpgrade{Resources: map[string]int64{"2231": 100}})
	ws := newCLIWorkspace(t, v1SizeConfig(url, `  resources = { "2231" = 100 }`))
	ws.mustRun("plan", "-input=false", "-out=saved.tfplan")
	expectPlannedPrice(t, plannedPriceChange(t, ws, "saved.tfplan"), want, "monthly")
	if err := expectVMRequests(sim, 1, 0)(); err != nil {
		t.Error(err)
	}
	ws.mustRun("apply", "-input=false", "saved.tfplan")
	if err := expectVMRequests(sim, 3, 1)(); err != nil {
		t.Error(err) // the apply-time plan and the apply estimate again
	}
	ws.mustRun("plan", "-input=false", "-detailed-exitcode") // exit 0: nothing to do
	if vmCommits(sim) != 1 || len(sim.Orders()) != 1 {
		t.Errorf("%d commits, %d orders; want 1 and 1", vmCommits(sim), len(sim.Orders()))
	}
}

// Drift made outside Terraform is shown and priced; the spend guard and the
// downgrade guard fail the plan before anything is bought.
func TestAccVPSSize_driftAndGuards(t *testing.T) {
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, v1SizeConfig(url, `  package = "1938"`))
	ws.mustRun("apply", "-input=false", "-auto-approve")
	sim.Advance(hostupsim.VMUpgradeDelay + time.Minute)
	payAll(sim)
	// The refresh that sees the upgrade carried out settles it in state.
	ws.mustRun("apply", "-refresh-only", "-input=false", "-auto-approve")

	sim.SetVMPackage(demoVMID, "1937")
	want := twinEstimate(t, 10000, client.VMUpgrade{Package: "1938"},
		func(twin *hostupsim.Server) { twin.Advance(hostupsim.VMUpgradeDelay + time.Minute) })
	out := ws.mustRun("plan", "-input=false", "-out=drift.tfplan")
	expectOutput(t, out, `~ package`, `"1937" -> "1938"`)
	expectPlannedPrice(t, plannedPriceChange(t, ws, "drift.tfplan"), want, "monthly")

	before := vmCommits(sim)
	ws.writeConfig(v1SizeConfig(url, "  package = \"1938\"\n  max_amount = 1"))
	out = ws.mustFail("plan", "-input=false")
	expectOutput(t, out, "Error: Change costs more than max_amount", "move VM 10000 to package 1938", "Nothing was bought.")

	ws.writeConfig(v1SizeConfig(url, `  package = "1936"`))
	out = ws.mustFail("plan", "-input=false")
	expectOutput(t, out, "Error: Downgrade not allowed", "allow_downgrade = true")
	if vmCommits(sim) != before || len(sim.Orders()) != 1 {
		t.Errorf("the refused plans bought something: %d commits, %d orders", vmCommits(sim)-before, len(sim.Orders()))
	}
}

// A saved plan whose estimate moved before apply is refused by Terraform's
// apply-time plan; one that moves between that plan and the commit is
// refused by the provider. Neither commits.
func TestAccVPSSize_savedPlanPriceChanged(t *testing.T) {
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, v1SizeConfig(url, `  package = "1938"`))
	ws.mustRun("plan", "-input=false", "-out=saved.tfplan")
	sim.SetProductPrice("1938", "monthly", hostupsim.MustMoney("999.00"))
	out := ws.mustFail("apply", "-input=false", "saved.tfplan")
	expectOutput(t, out, "price_change") // refused by the CLI: its exit code, the attribute, and 0 commits tell
	if vmCommits(sim) != 0 || len(sim.Orders()) != 0 {
		t.Fatalf("the refused apply bought something: %d commits", vmCommits(sim))
	}
}

// priceMovesOnEstimate serves sim, and right before the nth v1 estimate
// changes the package's price, as HostUp might between Terraform's apply-time
// plan and the purchase.
func priceMovesOnEstimate(t *testing.T, n int32) (*hostupsim.Server, string) {
	sim := hostupsim.New()
	sim.SeedDemo()
	sim.AddAPIKey(testAPIKey, hostupsim.AllScopes...)
	var seen atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/api/vm/") {
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			if bytes.Contains(body, []byte(`"send":false`)) && seen.Add(1) == n {
				sim.SetProductPrice("1938", "monthly", hostupsim.MustMoney("999.00"))
			}
		}
		sim.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return sim, srv.URL
}

func TestAccVPSSize_priceChangedUnderTheLock(t *testing.T) {
	// Estimates: the plan, the apply-time plan, then the one under the lock.
	sim, url := priceMovesOnEstimate(t, 3)
	ws := newCLIWorkspace(t, v1SizeConfig(url, `  package = "1938"`))
	out := ws.mustFail("apply", "-input=false", "-auto-approve")
	expectOutput(t, out, "Error: Price changed since the plan", "move VM 10000 to package 1938", "Nothing was bought")
	if vmCommits(sim) != 0 || len(sim.Orders()) != 0 {
		t.Fatalf("the refused apply bought something: %d commits", vmCommits(sim))
	}
}

// v2: a plan change and an option change each go through their own route,
// previewed with a dry run and committed once; both in one plan are refused.
func TestAccVPSSize_v2Routes(t *testing.T) {
	sim, url := newTestSimulator(t)
	count := func(route string) (dry, commit int) {
		return sim.CountWhere(route, isDryRun), sim.CountWhere(route, isCommit)
	}
	ws := newCLIWorkspace(t, v2SizeConfig(url, "  product_slug = \"vps-xl\"\n  options = { backupSlots = 2 }"))
	out := ws.mustFail("plan", "-input=false")
	expectOutput(t, out, "Error: Plan and options cannot change in one apply", "Change one, apply, then the other")

	ws.writeConfig(v2SizeConfig(url, `  product_slug = "vps-xl"`))
	ws.mustRun("apply", "-input=false", "-auto-approve")
	if dry, commit := count(hostupsim.RouteV2VPSUpgrade); dry != 3 || commit != 1 {
		t.Errorf("plan route: %d previews, %d commits; want 3 and 1", dry, commit)
	}
	if dry, commit := count(hostupsim.RouteV2VPSConfig); dry != 0 || commit != 0 {
		t.Errorf("config route used for a plan change: %d previews, %d commits", dry, commit)
	}
	ws.mustRun("plan", "-input=false", "-detailed-exitcode")
	sim.Advance(hostupsim.VMUpgradeDelay + time.Minute)
	payAll(sim)

	ws.writeConfig(v2SizeConfig(url, "  product_slug = \"vps-xl\"\n  options = { backupSlots = 2 }"))
	ws.mustRun("apply", "-input=false", "-auto-approve")
	if dry, commit := count(hostupsim.RouteV2VPSConfig); dry != 3 || commit != 1 {
		t.Errorf("config route: %d previews, %d commits; want 3 and 1", dry, commit)
	}
	if _, commit := count(hostupsim.RouteV2VPSUpgrade); commit != 1 {
		t.Errorf("plan route committed %d times, want 1", commit)
	}
	ws.mustRun("plan", "-input=false", "-detailed-exitcode")
	if len(sim.Orders()) != 2 {
		t.Errorf("%d orders, want 2", len(sim.Orders()))
	}
}

// An imported VM's first plan buys nothing and asks for no estimate.
func TestAccVPSSize_importedFirstPlanBuysNothing(t *testing.T) {
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, v1SizeConfig(url, "  package = \"1937\"\n  billing_cycle = \"monthly\""))
	ws.mustRun("import", "-input=false", vpsSizeAddr, demoVMID)
	out := ws.mustRun("apply", "-input=false", "-auto-approve")
	expectOutput(t, out, "0 added")
	if err := expectVMRequests(sim, 0, 0)(); err != nil {
		t.Error(err)
	}
	ws.mustRun("plan", "-input=false", "-detailed-exitcode")

	// v2: options the VM already has are not bought again.
	ws = newCLIWorkspace(t, v2SizeConfig(url, "  product_slug = \"vps-l\"\n  options = { ipv4Count = 1, bandwidthGb = 1000 }"))
	ws.mustRun("import", "-input=false", vpsSizeAddr, demoVMV2ID)
	ws.mustRun("apply", "-input=false", "-auto-approve")
	if n := sim.Count(hostupsim.RouteV2VPSUpgrade) + sim.Count(hostupsim.RouteV2VPSConfig); n != 0 {
		t.Errorf("%d previews or commits for an imported VM that needs nothing", n)
	}
	if len(sim.Orders()) != 0 {
		t.Errorf("%d orders, want 0", len(sim.Orders()))
	}
}

// Neither state, the plan JSON nor a trace log holds the customer records
// of the estimate's raw draft or the API key.
func TestAccVPSSize_noSecretsInStateOrLogs(t *testing.T) {
	_, url := newTestSimulator(t)
	run := newTracedRun(t, fmt.Sprintf(`
provider "hostup" {
  endpoint = %q
}
resource "hostup_vps_size" "test" {
  vm_id   = %q
  package = "1938"
}
`, url, demoVMID), testAPIKey)
	run.mustRun("plan", "-input=false", "-out=saved.tfplan")
	planJSON, err := run.showJSON("saved.tfplan")
	if err != nil {
		t.Fatal(err)
	}
	run.mustRun("apply", "-input=false", "saved.tfplan")
	run.expectNoSecrets(map[string]string{"plan JSON": planJSON}, hostupsim.FakeCustomerEmail, hostupsim.FakeCustomerCardNumber,
		hostupsim.FakeCustomerPassword, hostupsim.FakeCustomerResetToken, testAPIKey)
}

// Uncertain outcomes of a commit: never sent twice, and the provider says
// what it knows.
func TestAccVPSSize_uncertainPurchases(t *testing.T) {
	for _, tc := range []struct {
		name    string
		vm      string
		route   string
		fault   hostupsim.Fault
		config  string
		wantOK  bool
		orders  int
		wantOut []string
	}{{
		name: "v1 connection dropped after commit", vm: demoVMID, route: hostupsim.RouteV1VMUpgrade,
		fault: hostupsim.Fault{DropAfterHandler: true}, config: `  package = "1938"`, orders: 1,
		wantOut: []string{"Error: Change may not have been carried out", "lost its answer", "Nothing was resent"},
	}, {
		name: "v1 5xx before commit", vm: demoVMID, route: hostupsim.RouteV1VMUpgrade,
		fault: hostupsim.Fault{Status: 503}, config: `  package = "1938"`, orders: 0,
		wantOut: []string{"Error: Change may not have been carried out", "failed with HTTP 503 from HostUp", "Nothing was resent"},
	}, {
		name: "v2 502 after commit", vm: demoVMV2ID, route: hostupsim.RouteV2VPSUpgrade,
		fault: hostupsim.Fault{Status: 502}, config: `  product_slug = "vps-xl"`, orders: 1,
		wantOut: []string{"Error: Change may not have been carried out", "failed with HTTP 502 from HostUp", "Nothing was resent"},
	}, {
		name: "v2 timeout", vm: demoVMV2ID, route: hostupsim.RouteV2VPSUpgrade,
		fault: hostupsim.Fault{Latency: 2 * time.Second}, config: `  product_slug = "vps-xl"`, orders: 1,
		wantOut: []string{"Error: Change may not have been carried out", "timed out before HostUp answered", "Nothing was resent"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			sim, url := newTestSimulator(t)
			cfg := fmt.Sprintf(`
provider "hostup" {
  endpoint        = %q
  api_key         = %q
  request_timeout = "500ms"
}
resource "hostup_vps_size" "test" {
  vm_id = %q
%s
}
`, url, testAPIKey, tc.vm, tc.config)
			ws := newCLIWorkspace(t, cfg)
			tc.fault.Route = tc.route
			tc.fault.OnlyCommits = true
			sim.InjectFault(tc.fault)
			out, err := ws.run("apply", "-input=false", "-auto-approve")
			if (err == nil) != tc.wantOK {
				t.Fatalf("apply error = %v, want ok=%v\n%s", err, tc.wantOK, out)
			}
			expectOutput(t, out, tc.wantOut...)
			if tc.orders == 1 {
				// A timed-out commit is carried out when HostUp gets to it.
				deadline := time.Now().Add(10 * time.Second)
				for len(sim.Orders()) == 0 && time.Now().Before(deadline) {
					time.Sleep(50 * time.Millisecond)
				}
			}
			if commits := commitsOn(sim, tc.route); commits != 1 {
				t.Errorf("%d commits sent, want exactly 1: a purchase must never be resent", commits)
			}
			if len(sim.Orders()) != tc.orders {
				t.Errorf("%d orders, want %d", len(sim.Orders()), tc.orders)
			}
			if tc.orders == 1 {
				// Once HostUp has carried the change out, the next run
				// adopts it without buying.
				sim.Advance(hostupsim.VMUpgradeDelay + time.Minute)
				ws.mustRun("apply", "-input=false", "-auto-approve")
				if len(sim.Orders()) != 1 {
					t.Errorf("the next apply bought again: %d orders", len(sim.Orders()))
				}
			}
		})
	}
}

// 429 on a commit means HostUp did nothing: it is the one answer after which
// the purchase is sent again, and it is bought once.
func TestAccVPSSize_rateLimitedCommit(t *testing.T) {
	sim, url := newTestSimulator(t)
	ws := newCLIWorkspace(t, v1SizeConfig(url, `  package = "1938"`))
	sim.InjectFault(hostupsim.Fault{Route: hostupsim.RouteV1VMUpgrade, OnlyCommits: true, Status: 429, RetryAfter: time.Second})
	ws.mustRun("apply", "-input=false", "-auto-approve")
	if vmCommits(sim) != 2 || len(sim.Orders()) != 1 {
		t.Errorf("%d commits, %d orders; want 2 (one rate-limited) and 1", vmCommits(sim), len(sim.Orders()))
	}
}
