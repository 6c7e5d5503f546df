// Command benchscale measures the provider at scale through the real CLI
// (`make bench-scale`): for each N it generates a configuration of N
// hostup_shared_hosting_plan resources against an in-process simulator that
// answers every request after a set latency, and times `tofu plan` (nothing
// to change, and every resource changing) and `tofu apply`. It runs the same
// number of GETs through terraform-provider-http v1.2.0's `data "http"` (the
// peer) and N terraform_data resources (the CLI's own overhead) on the same
// CLI, and prints one table: wall time, CPU (user+sys of tofu and the
// provider processes), the provider's own CPU and peak RSS, the requests per
// route, and the ratios to the floor and to the peer.
//
// The floor of a plan is the CLI overhead plus ceil(N / 10) × (round trips
// each resource needs in sequence) × latency: OpenTofu runs 10 resources at a
// time.
//
//	go run ./scripts/benchscale -tofu bin/tofu -provider bin/terraform-provider-hostup -peer bin/terraform-provider-http
//
// Internally, `benchscale wrap STATS BINARY ARGS...` runs a provider binary
// for OpenTofu and appends its CPU and peak RSS to STATS when it exits.
package main

import (
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

const (
	apiKey          = "bench-key"
	providerVersion = "0.0.1"
	peerVersion     = "1.2.0"
	parallelism     = 10 // OpenTofu's default
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "wrap" {
		os.Exit(wrap(os.Args[2], os.Args[3], os.Args[4:]))
	}
	sizes := flag.String("sizes", "10,100,500", "comma-separated resource counts")
	latency := flag.Duration("latency", 20*time.Millisecond, "simulator latency per request")
	tofu := flag.String("tofu", "bin/tofu", "OpenTofu binary")
	provider := flag.String("provider", "bin/terraform-provider-hostup", "provider binary")
	peer := flag.String("peer", "bin/terraform-provider-http", "terraform-provider-http v1.2.0 binary")
	rateN := flag.Int("rate-n", 500, "resources in the rate-limited plan (0 skips it)")
	rate := flag.Int("rate", 10, "simulator rate limit (requests/s) for the rate-limited plan")
	out := flag.String("out", "build/bench-scale", "work directory; the table is also written to OUT/table.md")
	flag.Parse()

	b, err := newBench(*out, *tofu, *provider, *peer, *latency)
	if err != nil {
		fatal(err)
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			fatal(fmt.Errorf("bad size %q", s))
		}
		if err := b.runSize(n); err != nil {
			fatal(err)
		}
	}
	if *rateN > 0 {
		if err := b.runRateLimited(*rateN, *rate); err != nil {
			fatal(err)
		}
	}
	table := b.table()
	fmt.Print(table)
	if err := os.WriteFile(filepath.Join(b.dir, "table.md"), []byte(table), 0o644); err != nil {
		fatal(err)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "benchscale:", err)
	os.Exit(1)
}

type bench struct {
	dir, tofu, cliConfig, stats string
	latency                     time.Duration
	rows                        []row
	// overhead is the CLI-only plan wall time per N; peer the peer's row.
	overhead map[int]time.Duration
	peer     map[int]row
}

type row struct {
	work      string
	n         int
	wall      time.Duration
	cpu       time.Duration // tofu and its children
	provCPU   time.Duration // provider processes only
	provRSS   int64         // KB, largest provider process
	requests  map[string]int
	floor     time.Duration // 0: no floor defined
	peerRatio bool          // compare with the peer's plan
	cpuPerRes bool
}

func newBench(dir, tofu, provider, peer string, latency time.Duration) (*bench, error) {
	abs := func(p string) string { a, _ := filepath.Abs(p); return a }
	dir, tofu, provider, peer = abs(dir), abs(tofu), abs(provider), abs(peer)
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	b := &bench{dir: dir, tofu: tofu, stats: filepath.Join(dir, "provider-stats.jsonl"), latency: latency,
		overhead: map[int]time.Duration{}, peer: map[int]row{}}
	mirror := filepath.Join(dir, "mirror", "registry.opentofu.org", "hashicorp")
	platform := runtime.GOOS + "_" + runtime.GOARCH
	for _, p := range []struct{ name, version, binary string }{{"hostup", providerVersion, provider}, {"http", peerVersion, peer}} {
		if _, err := os.Stat(p.binary); err != nil {
			return nil, fmt.Errorf("%s provider: %w", p.name, err)
		}
		d := filepath.Join(mirror, p.name, p.version, platform)
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
		script := fmt.Sprintf("#!/bin/sh\nexec %q wrap %q %q \"$@\"\n", self, b.stats, p.binary)
		if err := os.WriteFile(filepath.Join(d, "terraform-provider-"+p.name+"_v"+p.version), []byte(script), 0o755); err != nil {
			return nil, err
		}
	}
	b.cliConfig = filepath.Join(dir, "tofurc")
	cfg := fmt.Sprintf("provider_installation {\n  filesystem_mirror {\n    path = %q\n  }\n}\n", filepath.Join(dir, "mirror"))
	return b, os.WriteFile(b.cliConfig, []byte(cfg), 0o644)
}

// newSim starts a simulator with n accounts on Start and returns it, its
// URL, the account ids and a stop function.
func (b *bench) newSim(n int) (*hostupsim.Server, string, []string, func()) {
	sim := hostupsim.New()
	sim.AddAPIKey(apiKey, hostupsim.AllScopes...)
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("acct_bench%05d", i)
		sim.AddHostingAccount(hostupsim.HostingAccount{V2ID: ids[i], Domain: fmt.Sprintf("site%d.example.se", i),
			ProductID: "1912", BillingCycle: "monthly"})
	}
	sim.SetLatency(b.latency)
	srv := httptest.NewServer(sim)
	return sim, srv.URL, ids, srv.Close
}

func hostupConfig(url string, ids []string, slug string) string {
	var s strings.Builder
	fmt.Fprintf(&s, "terraform {\n  required_providers {\n    hostup = {\n      source  = \"hashicorp/hostup\"\n      version = %q\n    }\n  }\n}\n", providerVersion)
	fmt.Fprintf(&s, "provider \"hostup\" {\n  endpoint = %q\n  api_key  = %q\n}\n", url, apiKey)
	for i, id := range ids {
		fmt.Fprintf(&s, "resource \"hostup_shared_hosting_plan\" \"a%d\" {\n  account_id   = %q\n  product_slug = %q\n}\n", i, id, slug)
	}
	return s.String()
}

func peerConfig(url string, ids []string) string {
	var s strings.Builder
	fmt.Fprintf(&s, "terraform {\n  required_providers {\n    http = {\n      source  = \"hashicorp/http\"\n      version = %q\n    }\n  }\n}\n", peerVersion)
	for i, id := range ids {
		fmt.Fprintf(&s, "data \"http\" \"a%d\" {\n  url = \"%s/api/v2/shared-hosting/%s/actions/upgrade\"\n  request_headers = {\n    Authorization = \"Bearer %s\"\n    Accept        = \"application/json\"\n  }\n}\n", i, url, id, apiKey)
	}
	return s.String()
}

func overheadConfig(n int) string {
	var s strings.Builder
	for i := range n {
		fmt.Fprintf(&s, "resource \"terraform_data\" \"a%d\" {\n  input = %d\n}\n", i, i)
	}
	return s.String()
}

// measured is one timed tofu command.
type measured struct {
	wall, cpu, provCPU time.Duration
	provRSS            int64
}

// floor is the CLI overhead plus ceil(n/10) sequential batches of trips
// round trips each.
func (b *bench) floor(n, trips int) time.Duration {
	batches := (n + parallelism - 1) / parallelism
	return b.overhead[n] + time.Duration(batches*trips)*b.latency
}

func (b *bench) runSize(n int) error {
	// The CLI's own cost: N terraform_data, no provider.
	ow, err := b.workspace(fmt.Sprintf("overhead-%d", n), overheadConfig(n))
	if err != nil {
		return err
	}
	m, err := ow.run("plan", "-input=false")
	if err != nil {
		return err
	}
	b.overhead[n] = m.wall
	b.record(row{work: "CLI overhead: plan of terraform_data", n: n}, m, nil)

	sim, url, ids, stop := b.newSim(n)
	defer stop()

	pw, err := b.workspace(fmt.Sprintf("peer-%d", n), peerConfig(url, ids))
	if err != nil {
		return err
	}
	sim.ResetLog()
	if m, err = pw.run("plan", "-input=false"); err != nil {
		return err
	}
	b.peer[n] = b.record(row{work: "peer: plan of data \"http\"", n: n, floor: b.floor(n, 1), cpuPerRes: true}, m, sim)

	hw, err := b.workspace(fmt.Sprintf("hostup-%d", n), hostupConfig(url, ids, "webbhotell-start"))
	if err != nil {
		return err
	}
	sim.ResetLog()
	if m, err = hw.run("apply", "-input=false", "-auto-approve"); err != nil {
		return err
	}
	b.record(row{work: "apply: adopt at current plan", n: n, cpuPerRes: true}, m, sim)
	if m, err = hw.run("plan", "-input=false"); err != nil {
		return err
	}
	b.record(row{work: "plan: no change", n: n, floor: b.floor(n, 1), peerRatio: true, cpuPerRes: true}, m, sim)
	if err := hw.write(hostupConfig(url, ids, "webbhotell-business")); err != nil {
		return err
	}
	if m, err = hw.run("plan", "-input=false"); err != nil {
		return err
	}
	b.record(row{work: "plan: every resource changes", n: n, floor: b.floor(n, 2), cpuPerRes: true}, m, sim)
	if m, err = hw.run("apply", "-input=false", "-auto-approve"); err != nil {
		return err
	}
	b.record(row{work: "apply: every resource changes", n: n, cpuPerRes: true}, m, sim)
	if got := len(sim.Orders()); got != n {
		return fmt.Errorf("the apply at N=%d made %d orders", n, got)
	}
	return nil
}

// runRateLimited plans n unchanged resources against a simulator limited to
// rate requests/s; the floor is the requests over the rate.
func (b *bench) runRateLimited(n, rate int) error {
	sim, url, ids, stop := b.newSim(n)
	defer stop()
	w, err := b.workspace(fmt.Sprintf("ratelimited-%d", n), hostupConfig(url, ids, "webbhotell-start"))
	if err != nil {
		return err
	}
	if _, err := w.run("apply", "-input=false", "-auto-approve"); err != nil {
		return err
	}
	sim.ResetLog()
	sim.SetRateLimit(rate)
	m, err := w.run("plan", "-input=false")
	if err != nil {
		return err
	}
	sent := len(sim.Requests())
	floor := time.Duration(float64(sent) / float64(rate) * float64(time.Second))
	b.record(row{work: fmt.Sprintf("plan: no change, API at %d req/s", rate), n: n, floor: floor, cpuPerRes: true}, m, sim)
	return nil
}
