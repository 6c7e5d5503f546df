package hostupsim

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestAuthPerGeneration(t *testing.T) {
	e := newEnv(t)
	key := e.seed.APIKey
	v1Path, v2Path := "/api/hosting/20000/billing-cycle", "/api/v2/shared-hosting/"+e.seed.AccountV2ID
	tests := []struct {
		name, path string
		headers    []string
		status     int
		code       string
	}{
		{"v1 with X-API-Key", v1Path, []string{"X-API-Key: " + key}, 200, ""},
		{"v1 with Bearer only", v1Path, []string{"Authorization: Bearer " + key}, 401, "UNAUTHORIZED"},
		{"v1 without key", v1Path, nil, 401, "UNAUTHORIZED"},
		{"v1 unknown key", v1Path, []string{"X-API-Key: nope"}, 401, "UNAUTHORIZED"},
		{"v2 with Bearer", v2Path, []string{"Authorization: Bearer " + key}, 200, ""},
		{"v2 with X-API-Key only", v2Path, []string{"X-API-Key: " + key}, 401, "unauthorized"},
		{"v2 with Basic", v2Path, []string{"Authorization: Basic " + key}, 401, "unauthorized"},
		{"v2 without key", v2Path, nil, 401, "unauthorized"},
		{"v2 unknown key", v2Path, []string{"Authorization: Bearer nope"}, 401, "unauthorized"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.send("GET", tt.path, "", tt.headers...).wantStatus(t, tt.status, tt.code)
		})
	}
	want := []string{"x-api-key", "bearer", "", "x-api-key", "bearer", "x-api-key", "bearer", "", "bearer"}
	for i, rec := range e.sim.Requests() {
		if rec.Auth != want[i] {
			t.Errorf("request %d logged auth %q, want %q", i, rec.Auth, want[i])
		}
	}
}

func TestScopes(t *testing.T) {
	e := newEnv(t)
	e.sim.AddAPIKey("reader", ScopeReadHosting)
	r := e.send("POST", e.upgradePath(), `{"productSlug":"webbhotell-business","dryRun":true}`,
		"Authorization: Bearer reader", "Content-Type: application/json")
	r.wantStatus(t, http.StatusForbidden, "forbidden")
	if !strings.Contains(r.body["detail"].(string), ScopeWriteBilling) {
		t.Errorf("detail does not name the scope: %s", r.raw)
	}
	r = e.send("GET", "/api/vm/10000/billing-cycle", "", "X-API-Key: reader")
	r.wantStatus(t, http.StatusForbidden, "FORBIDDEN")
	if !strings.Contains(r.body["message"].(string), ScopeReadVM) {
		t.Errorf("message does not name the scope: %s", r.raw)
	}
	e.send("GET", "/api/hosting/20000/billing-cycle", "", "X-API-Key: reader").wantStatus(t, http.StatusOK, "")
}

func TestRoutingAndBodyRules(t *testing.T) {
	e := newEnv(t)
	e.v2("GET", "/api/v2/nothing", "").wantStatus(t, http.StatusNotFound, "route_not_found")
	e.v1("GET", "/api/hosting/20000/billing-cycle/", "").wantStatus(t, http.StatusNotFound, "ROUTE_NOT_FOUND")
	r := e.v2("DELETE", e.upgradePath(), "")
	r.wantStatus(t, http.StatusMethodNotAllowed, "method_not_allowed")
	if r.header.Get("Allow") != "GET, POST" {
		t.Errorf("Allow = %q", r.header.Get("Allow"))
	}
	e.v1("POST", "/api/hosting/20000/billing-cycle", `{}`).wantStatus(t, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED")
	e.send("POST", e.upgradePath(), `{"productSlug":"webbhotell-business"}`,
		"Authorization: Bearer "+e.seed.APIKey, "Content-Type: text/plain").wantStatus(t, http.StatusUnsupportedMediaType, "unsupported_media_type")
	e.send("POST", "/api/hosting/20000/upgrade", `{"productId":"1913"}`,
		"X-API-Key: "+e.seed.APIKey).wantStatus(t, http.StatusUnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE")
	e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-business"} {}`).wantStatus(t, http.StatusBadRequest, "invalid_request")
	e.v2("POST", e.upgradePath(), ``).wantStatus(t, http.StatusBadRequest, "invalid_request")
	e.send("POST", e.upgradePath(), `{"productSlug":"webbhotell-business"}`,
		"Authorization: Bearer "+e.seed.APIKey, "Content-Type: application/json; charset=utf-8").wantStatus(t, http.StatusOK, "")
}

func TestFaultRateLimit(t *testing.T) {
	e := newEnv(t)
	e.sim.InjectFault(Fault{Route: RouteV2HostingUpgradeOptions, Status: 429, RetryAfter: 1500 * time.Millisecond})
	path := e.upgradePath()
	r := e.v2("GET", path, "")
	r.wantStatus(t, http.StatusTooManyRequests, "rate_limited")
	for h, want := range map[string]string{"Retry-After": "2", "X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "0",
		"X-RateLimit-Reset": "2026-02-10T00:00:02.000Z", "Content-Type": "application/problem+json"} {
		if got := r.header.Get(h); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
	e.v2("GET", path, "").wantStatus(t, http.StatusOK, "") // Times 0 means once

	e.sim.InjectFault(Fault{Route: RouteV1HostingBillingCycle, Status: 429, RetryAfter: 3 * time.Second})
	r = e.v1("GET", "/api/hosting/20000/billing-cycle", "")
	r.wantStatus(t, http.StatusTooManyRequests, "RATE_LIMITED")
	if r.body["retryAfter"] != 3.0 || r.header.Get("Retry-After") != "3" {
		t.Errorf("v1 429: %v %s", r.header, r.raw)
	}
	if n := e.sim.CountWhere(RouteV1HostingBillingCycle, func(rec RequestRecord) bool { return rec.Status == 429 }); n != 1 {
		t.Errorf("logged %d faulted requests", n)
	}
}

func TestFaultServerErrors(t *testing.T) {
	e := newEnv(t)
	e.sim.InjectFault(Fault{Status: 503, Times: -1})
	for range 3 {
		e.v2("GET", "/api/v2/shared-hosting", "").wantStatus(t, http.StatusServiceUnavailable, "upstream_unavailable")
		e.v1("GET", "/api/vm/10000/billing-cycle", "").wantStatus(t, http.StatusServiceUnavailable, "SERVICE_UNAVAILABLE")
	}
	e.v2("GET", "/api/v2/nowhere", "").wantStatus(t, http.StatusNotFound, "") // faults only hit routes
	e.sim.ClearFaults()
	e.sim.InjectFault(Fault{Route: RouteV2HostingAccount, Status: 500, Code: "something_broke"})
	e.v2("GET", "/api/v2/shared-hosting/"+e.seed.AccountV2ID, "").wantStatus(t, http.StatusInternalServerError, "something_broke")

	// A 500 on the upgrade commits nothing ...
	e.sim.InjectFault(Fault{Route: RouteV2HostingUpgrade, Status: 500})
	e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-business"}`).wantStatus(t, http.StatusInternalServerError, "internal_error")
	if len(e.sim.Orders()) != 0 {
		t.Fatal("a 500 fault committed the upgrade")
	}
	// ... the documented 502 means the change went through.
	e.sim.InjectFault(Fault{Route: RouteV2HostingUpgrade, Status: 502})
	e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-business"}`).
		wantStatus(t, http.StatusBadGateway, "upstream_renewal_regeneration_failed")
	if a, _ := e.sim.HostingAccount(e.seed.AccountV2ID); a.ProductID != "1913" || len(e.sim.Orders()) != 1 {
		t.Errorf("after a 502 the account is on %s with %d orders", a.ProductID, len(e.sim.Orders()))
	}
}

func TestFaultOnlyCommits(t *testing.T) {
	e := newEnv(t)
	e.sim.InjectFault(Fault{Route: RouteV2HostingUpgrade, Status: 503, OnlyCommits: true})
	// The preview passes the fault by ...
	e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-business","dryRun":true}`).wantStatus(t, http.StatusOK, "")
	// ... and the purchase takes it.
	e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-business","dryRun":false}`).wantStatus(t, http.StatusServiceUnavailable, "upstream_unavailable")
	e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-business"}`).wantStatus(t, http.StatusOK, "")
	if len(e.sim.Orders()) != 1 {
		t.Errorf("%d orders, want 1", len(e.sim.Orders()))
	}
}

func TestFaultLatency(t *testing.T) {
	e := newEnv(t)
	e.sim.InjectFault(Fault{Route: RouteV2HostingList, Latency: 80 * time.Millisecond})
	start := time.Now()
	e.v2("GET", "/api/v2/shared-hosting", "").wantStatus(t, http.StatusOK, "")
	if d := time.Since(start); d < 80*time.Millisecond {
		t.Errorf("answered after %v", d)
	}
}

func TestFaultDropAfterHandler(t *testing.T) {
	e := newEnv(t)
	e.sim.InjectFault(Fault{Route: RouteV2HostingUpgrade, DropAfterHandler: true})
	req, _ := http.NewRequestWithContext(t.Context(), "POST", e.url+e.upgradePath(), strings.NewReader(`{"productSlug":"webbhotell-business"}`))
	req.Header.Set("Authorization", "Bearer "+e.seed.APIKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("got %s, want a connection error", resp.Status)
	}
	if a, _ := e.sim.HostingAccount(e.seed.AccountV2ID); a.ProductID != "1913" || len(e.sim.Orders()) != 1 {
		t.Errorf("the handler's change was not applied: %+v, %d orders", a, len(e.sim.Orders()))
	}
	recs := e.sim.Requests()
	if last := recs[len(recs)-1]; !last.Dropped || last.Status != http.StatusOK || last.Route != RouteV2HostingUpgrade {
		t.Errorf("log entry = %+v", last)
	}
	// Re-reading shows the client what happened; a blind retry is refused.
	e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-business"}`).wantStatus(t, http.StatusConflict, "same_product_plan")
}

func TestRequestLog(t *testing.T) {
	e := newEnv(t)
	e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-business","dryRun":true}`)
	e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-business"}`)
	e.v2("GET", e.upgradePath(), "")
	e.v1("GET", "/api/hosting/20000/billing-cycle", "")
	e.v1("GET", "/api/nope", "")

	if n := e.sim.Count(RouteV2HostingUpgrade); n != 2 {
		t.Errorf("Count(upgrade) = %d", n)
	}
	if n := e.sim.CountWhere(RouteV2HostingUpgrade, func(r RequestRecord) bool { return r.Body["dryRun"] != true }); n != 1 {
		t.Errorf("commits = %d", n)
	}
	recs := e.sim.Requests()
	if len(recs) != 5 || recs[0].Body["productSlug"] != "webbhotell-business" || recs[2].Body != nil ||
		recs[3].Route != RouteV1HostingBillingCycle || recs[4].Route != "" || recs[4].Status != 404 {
		t.Errorf("log = %+v", recs)
	}
	e.sim.ResetLog()
	if len(e.sim.Requests()) != 0 || e.sim.Count(RouteV2HostingUpgrade) != 0 {
		t.Error("log not reset")
	}
}

// Two fresh servers given the same calls answer byte-identical bodies.
func TestDeterminism(t *testing.T) {
	run := func() []string {
		e := newEnv(t)
		e.sim.AddHostingAccount(HostingAccount{Domain: "more.example.com", ProductID: "1913"})
		calls := []func() result{
			func() result { return e.v2("GET", "/api/v2/shared-hosting?limit=2", "") },
			func() result {
				return e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-premium","dryRun":true}`)
			},
			func() result { return e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-premium"}`) },
			func() result { return e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-mini"}`) },
			func() result { return e.v1("POST", "/api/hosting/20001/upgrade", `{"productId":"1913"}`) },
			func() result { return e.v1("GET", "/api/hosting/20001/billing-cycle", "") },
			func() result { return e.v2("GET", "/api/v2/orders/"+e.sim.Orders()[0].ID, "") },
		}
		var out []string
		for _, call := range calls {
			r := call()
			out = append(out, r.header.Get("X-Request-Id")+" "+string(r.raw))
		}
		return out
	}
	a, b := run(), run()
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("call %d differs:\n%s\n%s", i, a[i], b[i])
		}
	}
}

// Concurrent requests and Go API calls are serialised: exactly one of several
// simultaneous commits of the same change wins, the rest see the plan moved.
func TestConcurrentUse(t *testing.T) {
	e := newEnv(t)
	statuses := make(chan int, 8)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			req, _ := http.NewRequestWithContext(t.Context(), "POST", e.url+e.upgradePath(),
				strings.NewReader(`{"productSlug":"webbhotell-business"}`))
			req.Header.Set("Authorization", "Bearer "+e.seed.APIKey)
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			statuses <- resp.StatusCode
		})
		wg.Go(func() { _ = e.sim.Requests(); _, _ = e.sim.HostingAccount("20000"); e.sim.Advance(0) })
	}
	wg.Wait()
	close(statuses)
	won := 0
	for s := range statuses {
		switch s {
		case http.StatusOK:
			won++
		case http.StatusConflict:
		default:
			t.Errorf("status %d", s)
		}
	}
	if won != 1 || len(e.sim.Orders()) != 1 {
		t.Errorf("%d commits succeeded, %d orders", won, len(e.sim.Orders()))
	}
}
