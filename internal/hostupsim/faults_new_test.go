package hostupsim

import (
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// rawV2 sends a v2 request with the seed key and returns the answer as it
// came, redirects included.
// rawAnswer is an answer read whole: status, headers and body.
type rawAnswer struct {
	StatusCode int
	Header     http.Header
}

func (e *env) rawV2(method, path, body string) (rawAnswer, string) {
	e.t.Helper()
	req, err := http.NewRequestWithContext(e.t.Context(), method, e.url+path, strings.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+e.seed.APIKey)
	req.Header.Set("Content-Type", "application/json")
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return rawAnswer{StatusCode: resp.StatusCode, Header: resp.Header}, string(raw)
}

func TestFaultRedirect(t *testing.T) {
	e := newEnv(t)
	e.sim.InjectFault(Fault{Route: RouteV2HostingUpgrade, RedirectStatus: http.StatusTemporaryRedirect, Location: "https://elsewhere.example/api"})
	resp, _ := e.rawV2("POST", e.upgradePath(), `{"productSlug":"webbhotell-business"}`)
	if resp.StatusCode != 307 || resp.Header.Get("Location") != "https://elsewhere.example/api" {
		t.Fatalf("got %d Location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if len(e.sim.Orders()) != 0 {
		t.Error("a redirect ran the handler")
	}
}

func TestFaultSpoiledBodyAfterCommit(t *testing.T) {
	for _, f := range []Fault{{MalformedBody: true}, {TruncatedBody: true}} {
		e := newEnv(t)
		f.Route = RouteV2HostingUpgrade
		f.OnlyCommits = true
		e.sim.InjectFault(f)
		resp, body := e.rawV2("POST", e.upgradePath(), `{"productSlug":"webbhotell-business"}`)
		if resp.StatusCode != 200 || strings.HasSuffix(strings.TrimSpace(body), "}") {
			t.Errorf("%+v: got %d %q, want a 200 whose body is not whole JSON", f, resp.StatusCode, body)
		}
		if a, _ := e.sim.HostingAccount(e.seed.AccountV2ID); a.ProductID != "1913" || len(e.sim.Orders()) != 1 {
			t.Errorf("%+v: the commit was not carried out", f)
		}
	}
	// An error answer is left whole.
	e := newEnv(t)
	e.sim.InjectFault(Fault{Route: RouteV2HostingUpgrade, MalformedBody: true})
	e.v2("POST", e.upgradePath(), `{"productSlug":"no-such-plan"}`).wantStatus(t, http.StatusBadRequest, "invalid_request")
}

func TestRateLimit(t *testing.T) {
	e := newEnv(t)
	now := time.Date(2026, 2, 10, 12, 0, 0, 0, time.UTC)
	e.sim.limiter.clock = func() time.Time { return now }
	e.sim.SetRateLimit(2)
	path := "/api/v2/shared-hosting/" + e.seed.AccountV2ID
	for i, want := range []string{"1", "0"} {
		r := e.v2("GET", path, "")
		r.wantStatus(t, http.StatusOK, "")
		if r.header.Get("X-RateLimit-Limit") != "2" || r.header.Get("X-RateLimit-Remaining") != want {
			t.Errorf("request %d: headers %v", i, r.header)
		}
	}
	now = now.Add(400 * time.Millisecond)
	r := e.v2("GET", path, "")
	r.wantStatus(t, http.StatusTooManyRequests, "rate_limited")
	if r.header.Get("Retry-After") != "1" || r.header.Get("X-RateLimit-Remaining") != "0" ||
		r.header.Get("X-RateLimit-Reset") != "2026-02-10T12:00:01.000Z" {
		t.Errorf("429 headers: %v", r.header)
	}
	e.v1("GET", "/api/vm/10000/billing-cycle", "").wantStatus(t, http.StatusTooManyRequests, "RATE_LIMITED")

	now = now.Add(600 * time.Millisecond) // a new window
	e.v2("GET", path, "").wantStatus(t, http.StatusOK, "")
	e.sim.SetRateLimit(0)
	for range 5 {
		r := e.v2("GET", path, "")
		r.wantStatus(t, http.StatusOK, "")
		if r.header.Get("X-RateLimit-Limit") != "" {
			t.Fatal("rate-limit headers while the limit is off")
		}
	}
	if n := e.sim.CountWhere(RouteV2HostingAccount, func(rec RequestRecord) bool { return rec.Status == 429 }); n != 1 {
		t.Errorf("logged %d limited requests, want 1", n)
	}
}

// A held commit waits while another change is made; once released it runs
// against the changed state.
func TestFaultHold(t *testing.T) {
	e := newEnv(t)
	hold := NewHold()
	t.Cleanup(hold.Release)
	e.sim.InjectFault(Fault{Route: RouteV2HostingUpgrade, OnlyCommits: true, Hold: hold})

	var wg sync.WaitGroup
	var commit result
	wg.Go(func() { commit = e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-business"}`) })
	<-hold.Arrived()
	e.sim.SetHostingProduct(e.seed.AccountV2ID, "webbhotell-business") // the concurrent change
	e.v2("GET", "/api/v2/shared-hosting/"+e.seed.AccountV2ID, "").wantStatus(t, http.StatusOK, "")
	if len(e.sim.Orders()) != 0 {
		t.Fatal("the held commit ran before its release")
	}
	hold.Release()
	wg.Wait()
	commit.wantStatus(t, http.StatusConflict, "same_product_plan")
}

// The API stops answering and comes back on the same address with its state.
func TestEndpointRestart(t *testing.T) {
	sim := New()
	seed := sim.SeedDemo()
	ep, err := sim.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ep.Close() })
	url := ep.URL()
	get := func() (int, error) {
		req, _ := http.NewRequestWithContext(t.Context(), "GET", url+"/api/v2/shared-hosting/"+seed.AccountV2ID, nil)
		req.Header.Set("Authorization", "Bearer "+seed.APIKey)
		resp, err := (&http.Client{Transport: &http.Transport{}}).Do(req)
		if err != nil {
			return 0, err
		}
		resp.Body.Close()
		return resp.StatusCode, nil
	}
	if st, err := get(); err != nil || st != 200 {
		t.Fatalf("before: %d %v", st, err)
	}
	if err := ep.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := get(); err == nil {
		t.Fatal("a stopped endpoint answered")
	}
	sim.RemoveHostingAccount(seed.AccountV2ID) // state changes while it is down
	if err := ep.Start(); err != nil {
		t.Fatal(err)
	}
	if ep.URL() != url {
		t.Fatalf("restarted on %s, was %s", ep.URL(), url)
	}
	if st, err := get(); err != nil || st != 404 {
		t.Fatalf("after: %d %v", st, err)
	}
	if n := sim.Count(RouteV2HostingAccount); n != 2 {
		t.Errorf("logged %d requests across the restart, want 2", n)
	}
}

func TestSetLatencyDelaysEveryAnswer(t *testing.T) {
	e := newEnv(t)
	e.sim.SetLatency(30 * time.Millisecond)
	start := time.Now()
	e.v2("GET", "/api/v2/shared-hosting", "").wantStatus(t, 200, "")
	if d := time.Since(start); d < 30*time.Millisecond {
		t.Errorf("answered after %s, want at least the 30ms latency", d)
	}
	e.sim.SetLatency(0)
}
