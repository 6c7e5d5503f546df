package hostupsim

import (
	"net/http"
	"strconv"
	"time"
)

// rateLimiter is a fixed-window request budget over real time (a client
// waits Retry-After in real time, so the simulated clock would never let it
// through). A window opens with the first request after the previous one
// ended; once limit requests have been taken in it, the rest of the window is
// answered 429.
type rateLimiter struct {
	limit  int // requests per window; 0 means no limit
	window time.Duration
	clock  func() time.Time // time.Now; tests replace it
	start  time.Time        // the current window's start
	used   int
}

// SetRateLimit limits the API to perSecond requests per second, as HostUp
// does: over budget, a request is answered 429 rate_limited with Retry-After
// and X-RateLimit-Limit, -Remaining and -Reset, and every answer carries the
// X-RateLimit-* headers. Zero or less turns the limit off.
func (s *Server) SetRateLimit(perSecond int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	clock := s.limiter.clock
	if clock == nil {
		clock = time.Now
	}
	s.limiter = rateLimiter{limit: max(perSecond, 0), window: time.Second, clock: clock}
}

// reportedRateLimit is the X-RateLimit-Limit value. Callers hold s.mu.
func (s *Server) reportedRateLimit() int {
	if s.limiter.limit > 0 {
		return s.limiter.limit
	}
	return defaultRateLimit
}

// take spends one request of the budget. It returns the 429 when the budget
// is spent, and the X-RateLimit-* headers for the answer; both nil when no
// limit is set. Callers hold s.mu.
func (l *rateLimiter) take(gen generation) (*apiError, http.Header) {
	if l.limit <= 0 {
		return nil, nil
	}
	now := l.clock()
	if l.start.IsZero() || !now.Before(l.start.Add(l.window)) {
		l.start, l.used = now, 0
	}
	reset := l.start.Add(l.window)
	h := http.Header{}
	h.Set("X-RateLimit-Limit", strconv.Itoa(l.limit))
	h.Set("X-RateLimit-Reset", isoTime(reset))
	if l.used < l.limit {
		l.used++
		h.Set("X-RateLimit-Remaining", strconv.Itoa(l.limit-l.used))
		return nil, h
	}
	h.Set("X-RateLimit-Remaining", "0")
	// Whole seconds, rounded up, at least 1: what the header can say.
	secs := max(1, int((reset.Sub(now)+time.Second-1)/time.Second))
	h.Set("Retry-After", strconv.Itoa(secs))
	e := newError(http.StatusTooManyRequests, defaultCode(gen, http.StatusTooManyRequests), "Too many requests. Retry after %d s.", secs)
	e.retryAfter = secs
	e.header = h
	return e, h
}
