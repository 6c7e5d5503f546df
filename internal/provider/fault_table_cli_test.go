package provider

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// paidResourceUnderTest describes one paid resource for the fault table: a
// configuration that asks for exactly one purchase, and how to count what
// reached HostUp.
type paidResourceUnderTest struct {
	name string
	// config is the configuration; providerExtra goes into the provider block.
	config func(url, providerExtra string) string
	// commitRoute is the route that buys.
	commitRoute string
	// commits counts the requests that asked HostUp to buy.
	commits func(sim *hostupsim.Server) int
	// bought counts what HostUp holds as bought by this configuration.
	bought func(sim *hostupsim.Server) int
	// changeOutside makes a change to the subject outside Terraform that
	// changes the price of the planned purchase but leaves it buyable.
	changeOutside func(sim *hostupsim.Server)
	// recover is the documented step after a purchase whose outcome was
	// unknown, for resources where the next apply cannot decide alone; nil
	// where the next apply converges by itself.
	recover func(t *testing.T, ws *cliWorkspace, sim *hostupsim.Server)
}

// faultTableConfig is a provider block with extra settings, and one paid
// resource.
func faultTableConfig(url, providerExtra, resource string) string {
	return fmt.Sprintf(`
provider "hostup" {
  endpoint = %q
  api_key  = %q
%s
}
%s
`, url, testAPIKey, providerExtra, resource)
}

// paidResources lists every paid resource the fault table runs for.
var paidResources = []paidResourceUnderTest{{
	name: "hostup_shared_hosting_plan",
	config: func(url, providerExtra string) string {
		return faultTableConfig(url, providerExtra, fmt.Sprintf(`
resource "hostup_shared_hosting_plan" "test" {
  account_id   = %q
  product_slug = "webbhotell-business"
}`, v2AccountID))
	},
	commitRoute: hostupsim.RouteV2HostingUpgrade,
	commits:     commits,
	bought:      func(sim *hostupsim.Server) int { return len(sim.Orders()) },
	changeOutside: func(sim *hostupsim.Server) {
		sim.SetHostingProduct(v2AccountID, "webbhotell-mini")
	},
}, {
	name: "hostup_vps_size",
	config: func(url, providerExtra string) string {
		return faultTableConfig(url, providerExtra, fmt.Sprintf(`
resource "hostup_vps_size" "test" {
  vm_id   = %q
  package = "1938"
}`, demoVMID))
	},
	commitRoute: hostupsim.RouteV1VMUpgrade,
	commits:     vmCommits,
	bought:      func(sim *hostupsim.Server) int { return len(sim.Orders()) },
	changeOutside: func(sim *hostupsim.Server) {
		sim.SetVMPackage(demoVMID, "1936") // resized to VPS M in HostUp's dashboard
	},
	// HostUp carries a VM upgrade out some minutes after the order: let that
	// time pass, so that HostUp reports what it did.
	recover: func(_ *testing.T, _ *cliWorkspace, sim *hostupsim.Server) {
		sim.Advance(hostupsim.VMUpgradeDelay + time.Minute)
	},
}, {
	name: "hostup_shared_hosting_storage_addon",
	config: func(url, providerExtra string) string {
		return faultTableConfig(url, providerExtra, fmt.Sprintf(`
resource "hostup_shared_hosting_storage_addon" "test" {
  account_id = %q
  addon_id   = "storage-10gb"
}`, v2AccountID))
	},
	commitRoute: hostupsim.RouteV2StorageOrder,
	commits:     storagePosts,
	bought:      func(sim *hostupsim.Server) int { return len(sim.StorageOrders(v2AccountID)) },
	changeOutside: func(sim *hostupsim.Server) {
		sim.SetStorageTierPrice(v2AccountID, "storage-10gb", hostupsim.MustMoney("59.00"))
	},
	// The documented way out of a purchase with an unknown outcome: forget
	// it, and import the order if HostUp holds one.
	recover: func(t *testing.T, ws *cliWorkspace, sim *hostupsim.Server) {
		if out, err := ws.run("state", "show", storageResource); err != nil || !strings.Contains(out, "outcome_unknown") {
			return
		}
		ws.mustRun("state", "rm", storageResource)
		if orders := sim.StorageOrders(v2AccountID); len(orders) == 1 {
			ws.mustRun("import", "-input=false", storageResource, v2AccountID+"/"+orders[0].ID)
		}
	},
}, {
	name: "hostup_shared_hosting_billing_cycle",
	config: func(url, providerExtra string) string {
		return faultTableConfig(url, providerExtra, fmt.Sprintf(`
resource "hostup_shared_hosting_billing_cycle" "test" {
  account_id    = %q
  billing_cycle = "annually"
}`, v2AccountID2))
	},
	commitRoute: hostupsim.RouteV2HostingChangeCycle,
	commits:     cycleCommits,
	bought:      func(sim *hostupsim.Server) int { return len(sim.Orders()) },
	// Another plan prices the year differently; the switch stays buyable.
	changeOutside: func(sim *hostupsim.Server) {
		sim.SetHostingProduct(v2AccountID2, "webbhotell-start")
	},
}}

// faultCase is one way a purchase can go wrong, and what the test does
// around the apply that meets it.
type faultCase struct {
	name string
	// providerExtra goes into the provider block (e.g. a short timeout).
	providerExtra string
	// fault is injected on the resource's commit route before the apply.
	fault *hostupsim.Fault
	// during runs while the commit is held at the simulator (with the tofu
	// process still waiting for it), then releases it.
	during func(t *testing.T, cmd *exec.Cmd)
	// lateCommit: the commit may still be running at HostUp when the apply
	// returns (the client gave up on it); the test waits until HostUp has
	// recorded it before going on.
	lateCommit bool
	// beforeApply runs between a saved plan and its apply.
	beforeApply func(t *testing.T, sim *hostupsim.Server, ep *hostupsim.Endpoint, rt paidResourceUnderTest)
}

var faultCases = []faultCase{{
	name:  "answer lost after commit",
	fault: &hostupsim.Fault{DropAfterHandler: true},
}, {
	name:  "5xx before commit",
	fault: &hostupsim.Fault{Status: 503},
}, {
	name:  "committing 502 after commit",
	fault: &hostupsim.Fault{Status: 502},
}, {
	name:  "unreadable answer after commit",
	fault: &hostupsim.Fault{TruncatedBody: true},
}, {
	name:  "429 storm",
	fault: &hostupsim.Fault{Status: 429, RetryAfter: time.Second, Times: 3},
}, {
	name:          "timeout",
	providerExtra: `  request_timeout = "300ms"`,
	fault:         &hostupsim.Fault{Latency: 1500 * time.Millisecond},
	lateCommit:    true,
}, {
	name:       "Ctrl-C mid-commit",
	fault:      &hostupsim.Fault{},
	lateCommit: true,
	during: func(t *testing.T, cmd *exec.Cmd) {
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			t.Fatalf("interrupting tofu: %v", err)
		}
	},
}, {
	name: "API restarted between plan and apply",
	beforeApply: func(t *testing.T, _ *hostupsim.Server, ep *hostupsim.Endpoint, _ paidResourceUnderTest) {
		if err := ep.Stop(); err != nil {
			t.Fatal(err)
		}
		if err := ep.Start(); err != nil {
			t.Fatal(err)
		}
	},
}, {
	name: "concurrent change between plan and apply",
	beforeApply: func(_ *testing.T, sim *hostupsim.Server, _ *hostupsim.Endpoint, rt paidResourceUnderTest) {
		rt.changeOutside(sim)
	},
}}

// The money-safety fault table, for every paid resource: after each fault,
// HostUp holds exactly the one purchase the configuration asked for, no
// commit is resent past a possible purchase, state after refresh matches
// HostUp, and the next apply converges.
func TestAccPaidResources_faultTable(t *testing.T) {
	for _, rt := range paidResources {
		for _, fc := range faultCases {
			t.Run(rt.name+"/"+fc.name, func(t *testing.T) {
				t.Parallel()
				runFaultCase(t, rt, fc)
			})
		}
	}
}

func runFaultCase(t *testing.T, rt paidResourceUnderTest, fc faultCase) {
	sim := hostupsim.New()
	sim.SeedDemo()
	sim.AddAPIKey(testAPIKey, hostupsim.AllScopes...)
	ep, err := sim.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ep.Close() })
	ws := newCLIWorkspace(t, rt.config(ep.URL(), fc.providerExtra))

	var hold *hostupsim.Hold
	if fc.fault != nil {
		f := *fc.fault
		f.Route, f.OnlyCommits = rt.commitRoute, true
		if fc.during != nil {
			hold = hostupsim.NewHold()
			t.Cleanup(hold.Release)
			f.Hold = hold
		}
		sim.InjectFault(f)
	}

	ws.mustRun("plan", "-input=false", "-out=saved.tfplan")
	if rt.commits(sim) != 0 || rt.bought(sim) != 0 {
		t.Fatalf("planning bought something: %d commits, %d bought", rt.commits(sim), rt.bought(sim))
	}
	if fc.beforeApply != nil {
		fc.beforeApply(t, sim, ep, rt)
	}
	if hold != nil {
		cmd, out := ws.start("apply", "-input=false", "saved.tfplan")
		<-hold.Arrived()
		fc.during(t, cmd)
		hold.Release()
		_ = cmd.Wait()
		t.Logf("interrupted apply:\n%s", out)
	} else {
		out, _ := ws.run("apply", "-input=false", "saved.tfplan")
		t.Logf("apply under the fault:\n%s", out)
	}
	sim.ClearFaults()
	if fc.lateCommit {
		// The simulator logs a request when it has answered it, after its
		// handler ran: wait for the one commit the apply sent.
		waitFor(t, func() bool { return rt.commits(sim) >= 1 })
	}

	commitsAfterFault := rt.commits(sim)
	if rt.recover != nil {
		rt.recover(t, ws, sim)
	}
	ws.mustRun("apply", "-input=false", "-auto-approve")
	if got := rt.bought(sim); got != 1 {
		t.Errorf("HostUp holds %d purchases, want exactly the 1 the configuration asked for", got)
	}
	// The converging apply sends a commit only when none can have bought.
	if extra := rt.commits(sim) - commitsAfterFault; extra > 1 || (extra == 1 && rt.bought(sim) != 1) {
		t.Errorf("the converging apply sent %d commits", extra)
	}
	out, err := ws.run("plan", "-input=false", "-detailed-exitcode")
	if err != nil {
		t.Errorf("the plan after converging is not empty (%v):\n%s", err, out)
	}
}

// start runs a tofu command without waiting for it, for tests that act on
// the process while it runs.
func (w *cliWorkspace) start(args ...string) (*exec.Cmd, *bytes.Buffer) {
	w.t.Helper()
	args = withNoColor(args)
	cmd := exec.Command(w.tofu, args...)
	cmd.Dir = w.dir
	cmd.Env = w.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		w.t.Fatalf("starting tofu %s: %v", strings.Join(args, " "), err)
	}
	return cmd, &out
}

// waitFor waits, boundedly, for a condition on the simulator's state that
// follows a request already sent.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached within 20s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
