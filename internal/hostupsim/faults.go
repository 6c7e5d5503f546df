package hostupsim

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// Fault makes matching requests misbehave, to exercise a client's retry and
// recovery paths. Faults apply in the order injected; each request takes at
// most one (the first that matches) and only requests to a known route match.
type Fault struct {
	// Route is a Route… constant; "" matches every route.
	Route string
	// Times is how many matching requests the fault applies to: 0 means 1,
	// -1 means until ClearFaults.
	Times int
	// Latency delays handling and answer (real time, not the simulated
	// clock). The request is handled after the full delay even if the client
	// gave up meanwhile, as a backend that does not notice would.
	Latency time.Duration
	// Status, when non-zero, answers with that status and an error body of the
	// route's generation instead of running the handler. One exception, as the
	// API documents it: a v2 502 upstream_renewal_regeneration_failed means the
	// change was committed, so the handler runs first (state changes apply) and
	// its success answer is replaced by the 502; a failing handler answers as
	// it would have.
	Status int
	// Code is the error code for the body; empty picks the status's default
	// (429 rate_limited/RATE_LIMITED, 500 internal_error/INTERNAL_ERROR,
	// 502 upstream_renewal_regeneration_failed, 503 upstream_unavailable, ...).
	Code string
	// RetryAfter, with a 429, sets Retry-After (whole seconds, rounded up,
	// at least 1), the X-RateLimit-* headers and the v1 body's retryAfter.
	RetryAfter time.Duration
	// DropAfterHandler runs the real handler (its state changes apply), then
	// closes the connection without writing a response. Status is ignored.
	DropAfterHandler bool
	// OnlyCommits limits the fault to POSTs that are not previews (v2
	// "dryRun": true, v1 VM upgrade "send": false), so that a test can fail
	// the purchase itself while the previews before it succeed.
	OnlyCommits bool
	// RedirectStatus, when a 3xx, answers with it and Location instead of
	// running the handler, as a misconfigured proxy or a moved endpoint would.
	RedirectStatus int
	// Location is the redirect target: another host or another path.
	Location string
	// MalformedBody and TruncatedBody run the handler (its state changes
	// apply) and then replace a success answer with a body that is not JSON,
	// or with its first half: a commit that is bought but whose answer cannot
	// be read. Error answers are left as they are.
	MalformedBody bool
	TruncatedBody bool
	// OmitField, likewise after the handler ran, removes one top-level field
	// from a v2 success body, as an API answering without it would.
	OmitField string
	// Hold, when set, stops each matching request before its handler runs
	// until the Hold is released, so that a test can make another change while
	// a commit is in flight (see NewHold).
	Hold *Hold
}

// matches reports whether the fault applies to c.
func (f *Fault) matches(c *call) bool {
	if f.Route != "" && f.Route != c.route.pattern {
		return false
	}
	if f.OnlyCommits {
		return c.r.Method == http.MethodPost && commits(c.body)
	}
	return true
}

// defaultRateLimit is the request budget a 429 fault reports in
// X-RateLimit-Limit while no rate limit is set (see SetRateLimit).
const defaultRateLimit = 60

// commits reports whether a POST body asks for a change to be carried out:
// v1's VM upgrade says so with "send" (send: false is an estimate), v2 with
// the absence of "dryRun": true.
func commits(body map[string]any) bool {
	if send, ok := body["send"]; ok {
		b, _ := send.(bool)
		return b
	}
	dryRun, _ := body["dryRun"].(bool)
	return !dryRun
}

// InjectFault adds a fault. It panics on a Route that is not a Route… constant.
func (s *Server) InjectFault(f Fault) {
	must(checkFaultRoute(f.Route))
	s.mu.Lock()
	defer s.mu.Unlock()
	if f.Times == 0 {
		f.Times = 1
	}
	s.faults = append(s.faults, &f)
}

// ClearFaults removes every fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

func checkFaultRoute(pattern string) error {
	if pattern != "" && !slices.ContainsFunc(routes, func(rt route) bool { return rt.pattern == pattern }) {
		return fmt.Errorf("hostupsim: unknown route %q (want a Route… pattern such as %q)", pattern, RouteV2HostingUpgrade)
	}
	return nil
}

// takeFault consumes one use of the first fault matching c and returns a
// copy of it, or nil. Callers hold s.mu.
func (s *Server) takeFault(c *call) *Fault {
	if c.route == nil {
		return nil
	}
	for i, f := range s.faults {
		if !f.matches(c) {
			continue
		}
		taken := *f
		if f.Times > 0 {
			f.Times--
			if f.Times == 0 {
				s.faults = slices.Delete(s.faults, i, i+1)
			}
		}
		return &taken
	}
	return nil
}

func (f *Fault) code(gen generation) string {
	if f.Code != "" {
		return f.Code
	}
	return defaultCode(gen, f.Status)
}

// commitsFirst reports whether the fault stands for a failure that happens
// after the change was committed (see Fault.Status).
func (f *Fault) commitsFirst(gen generation) bool {
	return gen == genV2 && f.Status == http.StatusBadGateway && f.code(gen) == "upstream_renewal_regeneration_failed"
}

func (f *Fault) answersBeforeHandler(gen generation) bool {
	return f != nil && f.Status != 0 && !f.DropAfterHandler && !f.commitsFirst(gen)
}

func (f *Fault) redirects() bool {
	return f != nil && f.RedirectStatus >= 300 && f.RedirectStatus <= 399
}

// redirect is the answer of a Redirect fault: no body worth reading, as a
// proxy's redirect has none.
func redirect(c *call, f *Fault) response {
	h := http.Header{}
	h.Set("X-Request-Id", c.requestID)
	h.Set("Location", f.Location)
	return response{status: f.RedirectStatus, header: h}
}

// spoil replaces a success body as MalformedBody, TruncatedBody or OmitField asks.
func (f *Fault) spoil(res response) response {
	switch {
	case f == nil || res.status < 200 || res.status > 299:
	case f.MalformedBody:
		res.body = []byte("<html><body>502 Bad Gateway</body></html>")
		res.header.Set("Content-Type", "text/html")
	case f.TruncatedBody:
		res.body = res.body[:len(res.body)/2]
	case f.OmitField != "":
		var doc map[string]json.RawMessage
		if json.Unmarshal(res.body, &doc) == nil {
			delete(doc, f.OmitField)
			if b, err := json.Marshal(doc); err == nil {
				res.body = b
			}
		}
	}
	return res
}

func (f *Fault) answersAfterCommit(gen generation) bool {
	return f != nil && f.Status != 0 && !f.DropAfterHandler && f.commitsFirst(gen)
}

// faultError is the error answer a fault stands for. Callers hold s.mu.
func (s *Server) faultError(c *call, f *Fault) *apiError {
	e := newError(f.Status, f.code(c.gen), "Simulated failure: %s.", http.StatusText(f.Status))
	switch {
	case f.Status == http.StatusTooManyRequests:
		secs := max(1, int((f.RetryAfter+time.Second-1)/time.Second))
		e.detail = fmt.Sprintf("Too many requests. Retry after %d s.", secs)
		e.retryAfter = secs
		_ = e.withHeader("Retry-After", strconv.Itoa(secs)).
			withHeader("X-RateLimit-Limit", strconv.Itoa(s.reportedRateLimit())).
			withHeader("X-RateLimit-Remaining", "0").
			withHeader("X-RateLimit-Reset", isoTime(s.now.Add(time.Duration(secs)*time.Second)))
	case f.commitsFirst(c.gen):
		e.detail = "The change was committed, but the renewal invoice could not be regenerated."
	case f.Status == http.StatusServiceUnavailable:
		e.detail = "An upstream service is unavailable. Try again later."
	}
	return e
}

// dropConnection closes the client's connection without a response, as a
// crashed proxy would after the backend committed the request.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		// Not hijackable (HTTP/2, or a recorder in a unit test): abort the
		// handler instead, which net/http turns into a reset connection.
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}

// SetLatency delays the answer to every request by d (real time), as the
// round trip to HostUp would: requests are handled concurrently, so N
// requests in parallel take d, not N × d. A fault's Latency adds to it. Zero
// turns it off.
func (s *Server) SetLatency(d time.Duration) {
	s.latency.Store(int64(max(d, 0)))
}
