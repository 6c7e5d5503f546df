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
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
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

// procStats is what one provider process used, as the wrapper reports it.
type procStats struct {
	UserNS int64 `json:"user_ns"`
	SysNS  int64 `json:"sys_ns"`
	MaxRSS int64 `json:"max_rss_kb"`
}

// wrap runs a provider binary with OpenTofu's stdio and environment, then
// records its rusage.
func wrap(statsFile, binary string, args []string) int {
	cmd := exec.CommandContext(context.Background(), binary, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "benchscale wrap:", err)
		return 1
	}
	go func() {
		for s := range sigs {
			_ = cmd.Process.Signal(s)
		}
	}()
	_ = cmd.Wait()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		line, _ := json.Marshal(procStats{UserNS: ru.Utime.Nano(), SysNS: ru.Stime.Nano(), MaxRSS: ru.Maxrss})
		if f, err := os.OpenFile(statsFile, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); err == nil {
			_, _ = f.Write(append(line, '\n'))
			_ = f.Close()
		}
	}
	return cmd.ProcessState.ExitCode()
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

// workspace is one scratch directory.
type workspace struct {
	b   *bench
	dir string
}

func (b *bench) workspace(name, config string) (*workspace, error) {
	w := &workspace{b: b, dir: filepath.Join(b.dir, name)}
	if err := os.MkdirAll(w.dir, 0o755); err != nil {
		return nil, err
	}
	if err := w.write(config); err != nil {
		return nil, err
	}
	_, err := w.run("init", "-input=false")
	return w, err
}

func (w *workspace) write(config string) error {
	return os.WriteFile(filepath.Join(w.dir, "main.tf"), []byte(config), 0o644)
}

// measured is one timed tofu command.
type measured struct {
	wall, cpu, provCPU time.Duration
	provRSS            int64
}

func (w *workspace) run(args ...string) (measured, error) {
	_ = os.Remove(w.b.stats)
	cmd := exec.CommandContext(context.Background(), w.b.tofu, append(args, "-no-color")...)
	cmd.Dir = w.dir
	cmd.Env = append(filterEnv(os.Environ()), "TF_CLI_CONFIG_FILE="+w.b.cliConfig, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	m := measured{wall: time.Since(start)}
	if err != nil {
		return m, fmt.Errorf("tofu %s in %s: %w\n%s", strings.Join(args, " "), w.dir, err, tail(out.String(), 3000))
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	for _, p := range readStats(w.b.stats) {
		m.provCPU += time.Duration(p.UserNS + p.SysNS)
		m.provRSS = max(m.provRSS, p.MaxRSS)
	}
	return m, nil
}

func filterEnv(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "TF_") {
			out = append(out, kv)
		}
	}
	return out
}

func readStats(path string) []procStats {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []procStats
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var p procStats
		if json.Unmarshal(sc.Bytes(), &p) == nil {
			out = append(out, p)
		}
	}
	return out
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// floor is the CLI overhead plus ceil(n/10) sequential batches of trips
// round trips each.
func (b *bench) floor(n, trips int) time.Duration {
	batches := (n + parallelism - 1) / parallelism
	return b.overhead[n] + time.Duration(batches*trips)*b.latency
}

func (b *bench) record(r row, m measured, sim *hostupsim.Server) row {
	r.wall, r.cpu, r.provCPU, r.provRSS = m.wall, m.cpu, m.provCPU, m.provRSS
	if sim != nil {
		r.requests = routeCounts(sim)
		sim.ResetLog()
	}
	b.rows = append(b.rows, r)
	fmt.Fprintf(os.Stderr, "%-34s N=%-4d wall %7s  cpu %7s  provider cpu %7s  rss %6d KB  %v\n",
		r.work, r.n, r.wall.Round(time.Millisecond), r.cpu.Round(time.Millisecond), r.provCPU.Round(time.Millisecond), r.provRSS, r.requests)
	return r
}

func routeCounts(sim *hostupsim.Server) map[string]int {
	out := map[string]int{}
	for _, r := range sim.Requests() {
		name := shortRoute(r.Route)
		if r.Route == hostupsim.RouteV2HostingUpgrade {
			if dry, _ := r.Body["dryRun"].(bool); dry {
				name = "dry run"
			} else {
				name = "commit"
			}
		}
		if r.Status == 429 {
			name = "429"
		}
		out[name]++
	}
	return out
}

func shortRoute(route string) string {
	switch route {
	case hostupsim.RouteV2HostingUpgradeOptions:
		return "options"
	case hostupsim.RouteV2HostingList:
		return "list"
	case hostupsim.RouteV2HostingAccount:
		return "account"
	}
	return route
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

func (b *bench) table() string {
	var s strings.Builder
	fmt.Fprintf(&s, "latency %s per request, parallelism %d, %s/%s, %d CPUs\n\n", b.latency, parallelism, runtime.GOOS, runtime.GOARCH, runtime.NumCPU())
	s.WriteString("| work | N | wall | CPU (tofu+provider) | provider CPU | provider CPU / resource | provider peak RSS | requests | floor | × floor | × peer |\n")
	s.WriteString("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|\n")
	for _, r := range b.rows {
		perRes, rss, floor, xFloor, xPeer := "", "", "", "", ""
		if r.cpuPerRes {
			perRes = fmt.Sprintf("%.2f ms", float64(r.provCPU)/float64(time.Millisecond)/float64(r.n))
			rss = fmt.Sprintf("%.0f MB", float64(r.provRSS)/1024)
		}
		if r.floor > 0 {
			floor = fmtDur(r.floor)
			xFloor = fmt.Sprintf("%.2f", float64(r.wall)/float64(r.floor))
		}
		if p, ok := b.peer[r.n]; ok && r.peerRatio {
			xPeer = fmt.Sprintf("%.2f wall, %.2f provider CPU", float64(r.wall)/float64(p.wall), float64(r.provCPU)/float64(p.provCPU))
		}
		fmt.Fprintf(&s, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			r.work, r.n, fmtDur(r.wall), fmtDur(r.cpu), fmtDur(r.provCPU), perRes, rss, fmtRequests(r.requests), floor, xFloor, xPeer)
	}
	return s.String()
}

func fmtDur(d time.Duration) string {
	if d == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

func fmtRequests(m map[string]int) string {
	if len(m) == 0 {
		return "—"
	}
	keys := make([]string, 0, len(m))
	total := 0
	for k, v := range m {
		keys = append(keys, k)
		total += v
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return fmt.Sprintf("%d: %s", total, strings.Join(parts, ", "))
}
