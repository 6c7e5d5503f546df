package client

import (
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"
)

// The gate itself, on a clock of the test's: it spends the budget HostUp
// reports, counts requests still in flight against it, waits for the reset
// (and the header's millisecond beyond it), then opens the next window.
func TestRateGateFollowsTheHeaders(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	g := newRateGate()
	g.clock = func() time.Time { return now }
	headers := func(remaining int, reset time.Time) http.Header {
		h := http.Header{}
		h.Set("X-RateLimit-Limit", "10")
		h.Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
		h.Set("X-RateLimit-Reset", reset.Format("2006-01-02T15:04:05.000Z"))
		return h
	}
	reset := now.Add(800 * time.Millisecond)

	// Three requests go out; the first answer says 2 remain. Two are still
	// in flight, so nothing more may be sent in this window.
	for range 3 {
		if err := g.acquire(context.Background(), false); err != nil {
			t.Fatal(err)
		}
	}
	g.release(headers(2, reset))
	if w := g.waitLocked(now); w != 800*time.Millisecond+resetPrecision {
		t.Fatalf("wait %s with the budget spent by requests in flight, want %s", w, 800*time.Millisecond+resetPrecision)
	}
	// At the named reset the window may still be open, to the millisecond.
	now = reset
	if w := g.waitLocked(now); w != resetPrecision {
		t.Fatalf("wait %s at the named reset, want %s", w, resetPrecision)
	}
	// Past it, the next window opens with the whole budget.
	now = reset.Add(resetPrecision)
	if w := g.waitLocked(now); w != 0 || g.remaining != 10 {
		t.Fatalf("after the reset: wait %s, remaining %d; want 0 and 10", w, g.remaining)
	}
	// A server that sends no rate-limit headers is never waited for.
	free := newRateGate()
	free.release(http.Header{})
	if w := free.waitLocked(now); w != 0 {
		t.Errorf("waited %s without headers", w)
	}
}
