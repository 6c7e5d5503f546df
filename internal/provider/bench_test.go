package provider

import (
	"testing"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// BenchmarkAccPlanPricedUpgrade is what a user waits for: one `tofu plan` of
// a priced upgrade through the real CLI, provider in-process, simulator on
// loopback. It reports the HostUp requests one plan makes (refresh included).
// Run with make bench; it prints figures and asserts no times.
func BenchmarkAccPlanPricedUpgrade(b *testing.B) {
	benchCLIPlan(b, func(url string) string { return v2PlanConfig(url, "webbhotell-business", "") })
}

// BenchmarkAccPlanNoChange is the steady state: an applied configuration
// planned again, which must ask HostUp for no preview.
func BenchmarkAccPlanNoChange(b *testing.B) {
	benchCLIPlan(b, func(url string) string { return v2PlanConfig(url, "webbhotell-start", "") }, "apply", "-input=false", "-auto-approve")
}

func benchCLIPlan(b *testing.B, config func(url string) string, setup ...string) {
	sim, url := newTestSimulator(b)
	ws := newCLIWorkspace(b, config(url))
	if len(setup) > 0 {
		ws.mustRun(setup...)
	}
	sim.ResetLog()
	b.ResetTimer()
	for b.Loop() {
		ws.mustRun("plan", "-input=false", "-lock=false")
	}
	b.ReportMetric(float64(len(sim.Requests()))/float64(b.N), "requests/op")
	b.ReportMetric(float64(sim.Count(hostupsim.RouteV2HostingUpgrade))/float64(b.N), "previews/op")
}
