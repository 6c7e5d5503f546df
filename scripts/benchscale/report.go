package main

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

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
