package client

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// rateGate paces every request of one Client by what HostUp says of its
// budget: X-RateLimit-Limit (requests per window), X-RateLimit-Remaining and
// X-RateLimit-Reset (when the window ends), and Retry-After on a 429. Once
// the window's budget is spent, requests wait for the reset instead of being
// sent to collect a 429 each. A server that sends none of these headers is
// never waited for.
//
// Per-request retries alone cannot keep a plan of hundreds of resources
// within the limit: each would wait its own Retry-After (whole seconds) and
// then crowd the next window. The gate is shared by every request of the
// client, which the provider shares across its resources.
type rateGate struct {
	mu    sync.Mutex
	clock func() time.Time
	// limit is the budget of one window; 0 until HostUp reported it.
	limit int
	// reset ends the current window; zero while unknown.
	reset time.Time
	// remaining is what may still be sent before reset.
	remaining int
	// inFlight counts requests sent and not yet answered.
	inFlight int
}

// maxGateWait bounds a wait that HostUp's headers ask for, so that a
// server clock far off (a reset hours away) cannot stall the provider; the
// 429 and its own retry rules take over then.
//
// A 429 itself is waited out by the call that got it (Retry-After, see
// retryDecision); its X-RateLimit-* headers hold every other request back
// until the reset.
const maxGateWait = time.Minute

// resetPrecision is the precision of X-RateLimit-Reset.
const resetPrecision = time.Millisecond

func newRateGate() *rateGate { return &rateGate{clock: time.Now} }

// acquire waits until a request may be sent, and counts it as sent. A retry
// that has just waited what HostUp asked for (waited) is not held back again.
func (g *rateGate) acquire(ctx context.Context, waited bool) error {
	for {
		g.mu.Lock()
		wait := g.waitLocked(g.clock())
		if wait <= 0 || waited {
			if g.limit > 0 && !g.reset.IsZero() {
				g.remaining--
			}
			g.inFlight++
			g.mu.Unlock()
			return nil
		}
		g.mu.Unlock()
		if err := sleepContext(ctx, wait); err != nil {
			return err
		}
	}
}

// waitLocked says how long a request must wait at now; it opens the next
// window once the current one has ended. Callers hold g.mu.
func (g *rateGate) waitLocked(now time.Time) time.Duration {
	if g.limit <= 0 || g.reset.IsZero() {
		return 0
	}
	if !now.Before(g.reset) {
		// A new window: its end is known from the first answer in it.
		g.remaining = g.limit
		g.reset = time.Time{}
		return 0
	}
	if g.remaining > 0 {
		return 0
	}
	return min(g.reset.Sub(now), maxGateWait)
}

// release records the answer to a request acquire let through: its
// X-RateLimit-* headers, if any. h is nil when no answer came.
func (g *rateGate) release(h http.Header) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.inFlight--
	if h == nil {
		return
	}
	now := g.clock()
	limit, limitOK := headerInt(h, "X-RateLimit-Limit")
	remaining, remainingOK := headerInt(h, "X-RateLimit-Remaining")
	reset, resetOK := headerTime(h, "X-RateLimit-Reset")
	// The header has millisecond precision, so HostUp's window may end up to
	// a millisecond after the time it names: wait that out too, rather than
	// send the first request of the next window into the old one.
	reset = reset.Add(resetPrecision)
	if resetOK && (!reset.After(now) || reset.Sub(now) > maxGateWait) {
		resetOK = false
	}
	if limitOK && limit > 0 {
		g.limit = limit
	}
	if resetOK && remainingOK && g.limit > 0 {
		// Requests still in flight may not be counted in remaining yet:
		// counting them again wastes at most a few requests of a window, and
		// never sends one into a 429.
		budget := max(remaining-g.inFlight, 0)
		switch {
		case g.reset.IsZero() || reset.After(g.reset):
			g.reset, g.remaining = reset, budget
		case reset.Equal(g.reset):
			g.remaining = min(g.remaining, budget)
		}
	}
}

func headerInt(h http.Header, name string) (int, bool) {
	v := strings.TrimSpace(h.Get(name))
	if v == "" {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	return n, err == nil && n >= 0
}

// headerTime reads X-RateLimit-Reset: an RFC 3339 time, or Unix seconds.
func headerTime(h http.Header, name string) (time.Time, bool) {
	v := strings.TrimSpace(h.Get(name))
	if v == "" {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
		return t, true
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil && secs > 0 {
		return time.Unix(secs, 0), true
	}
	return time.Time{}, false
}
