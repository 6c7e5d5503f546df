package client

import (
	"context"
	"sync"
)

// The read cache: with WithReadCache, a successful GET answer is kept for the
// life of the Client, so that one provider process reads each account once
// per plan however many steps (refresh, plan, data sources) need it, and
// identical GETs in flight at the same time share one request.
//
// Nothing that decides money comes from it:
//   - only GETs are cached; previews and estimates are POSTs and always sent;
//   - any request that may change something (every non-GET that is not a
//     preview) drops the whole cache, and a GET that was in flight across such
//     a request is not stored. The whole cache, not the account's entries:
//     one account answers under both its v1 and its v2 id, and nothing in a
//     path relates the two;
//   - a context marked WithFreshReads neither reads nor joins the cache, for
//     the reads that check a purchase (the re-preview under the lock, the
//     confirmation of an uncertain outcome).

// WithReadCache makes the client keep successful GET answers for its
// lifetime (see above). Without it every call is sent.
func WithReadCache() Option {
	return func(c *Client) { c.cache = newReadCache() }
}

type freshReadsKey struct{}

// WithFreshReads marks ctx so that the client's GETs bypass its read cache
// and are sent to HostUp. Their answers still refresh the cache.
func WithFreshReads(ctx context.Context) context.Context {
	return context.WithValue(ctx, freshReadsKey{}, true)
}

func wantsFreshReads(ctx context.Context) bool {
	fresh, _ := ctx.Value(freshReadsKey{}).(bool)
	return fresh
}

type previewKey struct{}

// asPreview marks a POST that changes nothing (a dry run, an estimate), so
// that it leaves the read cache as it is.
func asPreview(ctx context.Context) context.Context {
	return context.WithValue(ctx, previewKey{}, true)
}

func isPreview(ctx context.Context) bool {
	preview, _ := ctx.Value(previewKey{}).(bool)
	return preview
}

// cachedAnswer is a 2xx answer as received.
type cachedAnswer struct {
	status int
	body   []byte
}

// readFlight is one GET in flight that identical GETs wait for.
type readFlight struct {
	done   chan struct{}
	answer cachedAnswer
	err    error
}

type readCache struct {
	mu sync.Mutex
	// generation counts invalidations: an answer is stored only if none
	// happened while its request was in flight.
	generation uint64
	answers    map[string]cachedAnswer
	inFlight   map[string]*readFlight
	// derived holds values built from cached answers (an index of the
	// account list), dropped with them.
	derived map[string]any
}

func newReadCache() *readCache {
	return &readCache{answers: map[string]cachedAnswer{}, inFlight: map[string]*readFlight{}, derived: map[string]any{}}
}

// derive returns the value build makes from cached answers, building it once
// per cache generation. A fresh-reads context always builds.
func (rc *readCache) derive(ctx context.Context, key string, build func() (any, error)) (any, error) {
	rc.mu.Lock()
	v, ok := rc.derived[key]
	gen := rc.generation
	rc.mu.Unlock()
	if ok && !wantsFreshReads(ctx) {
		return v, nil
	}
	v, err := build()
	if err != nil {
		return nil, err
	}
	rc.mu.Lock()
	if gen == rc.generation {
		rc.derived[key] = v
	}
	rc.mu.Unlock()
	return v, nil
}

// get answers a GET for key: from the cache, by joining an identical GET in
// flight, or by calling send. Only a 2xx answer (err == nil) is shared and
// stored; an error reaches the callers that joined this flight, and the next
// call sends again.
func (rc *readCache) get(ctx context.Context, key string, send func() (cachedAnswer, error)) (cachedAnswer, error) {
	if wantsFreshReads(ctx) {
		rc.mu.Lock()
		gen := rc.generation
		rc.mu.Unlock()
		answer, err := send()
		if err == nil {
			rc.store(gen, key, answer)
		}
		return answer, err
	}
	rc.mu.Lock()
	if answer, ok := rc.answers[key]; ok {
		rc.mu.Unlock()
		return answer, nil
	}
	if f, ok := rc.inFlight[key]; ok {
		rc.mu.Unlock()
		select {
		case <-f.done:
			return f.answer, f.err
		case <-ctx.Done():
			return cachedAnswer{}, ctx.Err()
		}
	}
	f := &readFlight{done: make(chan struct{})}
	rc.inFlight[key] = f
	gen := rc.generation
	rc.mu.Unlock()

	f.answer, f.err = send()
	rc.mu.Lock()
	if rc.inFlight[key] == f {
		delete(rc.inFlight, key)
	}
	if f.err == nil && gen == rc.generation {
		rc.answers[key] = f.answer
	}
	rc.mu.Unlock()
	close(f.done)
	return f.answer, f.err
}

func (rc *readCache) store(gen uint64, key string, answer cachedAnswer) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if gen == rc.generation {
		rc.answers[key] = answer
	}
}

// invalidate drops every answer, and keeps GETs now in flight from being
// stored or shared with later callers: they may predate the change.
func (rc *readCache) invalidate() {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.generation++
	clear(rc.answers)
	clear(rc.inFlight)
	clear(rc.derived)
}
