package hostupsim

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Server is the simulated HostUp API. Its zero value is not usable; call New.
// All methods are safe for concurrent use: one mutex guards all state, and
// requests are handled one at a time under it (latency faults sleep outside it).
type Server struct {
	mu  sync.Mutex
	now time.Time

	keys              map[string]map[string]bool // API key -> scopes
	products          map[string]*Product        // by v1 id
	productSlugs      map[string]string          // slug -> v1 id
	unavailableReason map[string]string          // v1 id -> reason
	accounts          map[int64]*HostingAccount  // by v1 id
	accountV2         map[string]int64           // v2 id -> v1 id
	vms               map[int64]*VM
	vmV2              map[string]int64      // v2 id -> v1 id
	vpsOptions        map[string]*vpsOption // by v1 option id
	vmChanges         []*vmChange           // ordered VM upgrades not yet carried out
	vmUpgradeDelay    time.Duration         // see VMUpgradeDelay
	drafts            map[int64]*vmDraft    // v1 upgrade estimates by draft id
	vmVersions        map[int64]int64       // VM id -> changes so far
	draftSeq          int64
	orders            []*Order
	ordersMade        int64 // orders ever recorded, removed ones included
	invoices          []*Invoice
	storageTiers      map[string][]*StorageTier // account v2 id -> its tiers
	storageGates      map[string]*apiError      // account v2 id -> why canAddStorage is closed

	faults  []*Fault
	limiter rateLimiter
	// lean answers with documented fields only (see SetLean).
	lean bool
	// latency delays every answer (see SetLatency).
	latency atomic.Int64
	log     []RequestRecord
	reqSeq  uint64 // request ids
	idSeq   uint64 // entity ids (acct_, ord_, inv_)
}

// startTime is the simulated clock's initial reading, the date of the
// endpoint pages' examples.
var startTime = time.Date(2026, time.February, 10, 0, 0, 0, 0, time.UTC)

// New returns a server with the default catalogue, no keys and no accounts,
// its clock at 2026-02-10T00:00:00Z.
func New() *Server {
	s := &Server{
		now:               startTime,
		keys:              map[string]map[string]bool{},
		products:          map[string]*Product{},
		productSlugs:      map[string]string{},
		unavailableReason: map[string]string{},
		accounts:          map[int64]*HostingAccount{},
		accountV2:         map[string]int64{},
		vms:               map[int64]*VM{},
		storageTiers:      map[string][]*StorageTier{},
		storageGates:      map[string]*apiError{},
		vmV2:              map[string]int64{},
		vpsOptions:        defaultVPSOptions(),
		vmUpgradeDelay:    VMUpgradeDelay,
		drafts:            map[int64]*vmDraft{},
		vmVersions:        map[int64]int64{},
		draftSeq:          firstDraftID - 1,
	}
	for _, p := range defaultCatalogue() {
		must(s.addProduct(p))
	}
	return s
}

// call is one API request on its way through the server.
type call struct {
	r         *http.Request
	gen       generation
	route     *route    // nil when the path or method matched no route
	routeErr  *apiError // the 404/405 answer when route is nil
	params    map[string]string
	body      map[string]any // decoded JSON object of a POST, else nil
	bodyErr   error          // why a POST body is not a JSON object
	auth      string         // header the caller authenticated with, for the log
	requestID string         // in the call's generation's format
	limited   *apiError      // the 429 when the rate limit was spent
	rateHdr   http.Header    // X-RateLimit-* while a rate limit is set
}

// response is an encoded answer, built under the lock and written after it.
type response struct {
	status int
	header http.Header
	body   []byte
}

// ServeHTTP serves the API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Read the body before taking the lock so a slow client cannot stall others.
	raw, readErr := readBody(r)
	c, f := s.begin(r, raw, readErr)
	if d := time.Duration(s.latency.Load()); d > 0 {
		time.Sleep(d)
	}
	if f != nil && f.Hold != nil {
		f.Hold.wait()
	}
	if f != nil && f.Latency > 0 {
		// HostUp takes this long to act, whether or not the client is still
		// waiting: a commit the client timed out on is carried out later,
		// which is what makes a timeout's outcome unknown.
		time.Sleep(f.Latency)
	}
	res := s.finish(c, f)
	if f != nil && f.DropAfterHandler {
		dropConnection(w)
		return
	}
	maps.Copy(w.Header(), res.header)
	w.WriteHeader(res.status)
	_, _ = w.Write(res.body) // a write error means the client went away; nothing to do
}

// begin routes r, decodes its body and picks the fault that applies to it.
func (s *Server) begin(r *http.Request, raw []byte, readErr error) (*call, *Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := &call{r: r, gen: generationOf(r.URL.Path)}
	c.route, c.params, c.routeErr = match(r.Method, r.URL.Path)
	if c.route != nil {
		c.gen = c.route.gen
	}
	v1ID, v2ID := s.nextRequestIDs()
	c.requestID = v1ID
	if c.gen == genV2 {
		c.requestID = v2ID
	}
	c.auth = authHeaderUsed(r, c.gen)
	if r.Method == http.MethodPost {
		c.body, c.bodyErr = decodeObject(raw, readErr)
	}
	c.limited, c.rateHdr = s.limiter.take(c.gen)
	if c.limited != nil {
		// Refused before anything else: it takes no fault.
		return c, nil
	}
	return c, s.takeFault(c)
}

// finish answers the call and logs it. The unlock is deferred so that a
// panicking handler (which net/http recovers from) cannot wedge the server.
func (s *Server) finish(c *call, f *Fault) response {
	s.mu.Lock()
	defer s.mu.Unlock()
	res := s.respond(c, f)
	for k, v := range c.rateHdr {
		if res.header.Get(k) == "" {
			res.header[k] = v
		}
	}
	s.record(c, res.status, f != nil && f.DropAfterHandler)
	return res
}

// respond runs the call through faults, auth, body checks and its handler.
// Callers hold s.mu.
func (s *Server) respond(c *call, f *Fault) response {
	switch {
	case c.limited != nil:
		return s.render(c, nil, c.limited)
	case c.route == nil:
		return s.render(c, nil, c.routeErr)
	case f.redirects():
		return redirect(c, f)
	}
	s.applyDueVMChanges()
	if f.answersBeforeHandler(c.gen) {
		return s.render(c, nil, s.faultError(c, f))
	}
	v, err := s.run(c)
	if err == nil && f.answersAfterCommit(c.gen) {
		err = s.faultError(c, f)
	}
	return f.spoil(s.render(c, v, err))
}

func (s *Server) run(c *call) (any, error) {
	if err := s.authorize(c); err != nil {
		return nil, err
	}
	if c.route.method == http.MethodPost {
		if err := c.checkBody(); err != nil {
			return nil, err
		}
	}
	return c.route.handle(s, c)
}

// v1Envelope wraps every v1 success body.
type v1Envelope struct {
	Success   bool   `json:"success"`
	Timestamp string `json:"timestamp"`
	RequestID string `json:"requestId"`
	Data      any    `json:"data"`
}

// render encodes a success body or an error in the call's generation.
// Callers hold s.mu.
func (s *Server) render(c *call, v any, err error) response {
	now := isoTime(s.now)
	h := http.Header{}
	h.Set("X-Request-Id", c.requestID)
	if err != nil {
		var ae *apiError
		if !errors.As(err, &ae) {
			ae = newError(http.StatusInternalServerError, "", "Internal error.")
		}
		maps.Copy(h, ae.header)
		body, contentType := c.errorBody(ae, now)
		h.Set("Content-Type", contentType)
		return response{status: ae.status, header: h, body: encodeJSON(body)}
	}
	status := http.StatusOK
	if cr, ok := v.(created); ok {
		status, v = http.StatusCreated, cr.body
	}
	if c.gen == genV1 {
		v = v1Envelope{Success: true, Timestamp: now, RequestID: c.requestID, Data: v}
	}
	body := encodeJSON(v)
	if s.lean && c.route != nil {
		body = leanBody(c.route.pattern, body)
	}
	h.Set("Content-Type", "application/json")
	return response{status: status, header: h, body: body}
}

// created is what a handler returns for a 201 answer with that body.
type created struct{ body any }

// encodeJSON writes compact JSON without HTML escaping, so that URLs such as
// "/billing?invoice=1&x=2" read as the real API writes them.
func encodeJSON(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(fmt.Sprintf("hostupsim: encoding response: %v", err)) // a bug in a body struct
	}
	return buf.Bytes()
}

// isoTime formats t as the API does: UTC with milliseconds and a Z.
func isoTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// authorize checks the generation's auth header, the key and the route's scope.
func (s *Server) authorize(c *call) error {
	key, err := credential(c.r, c.gen)
	if err != nil {
		return err
	}
	scopes, ok := s.keys[key]
	if !ok {
		return unauthorized(c.gen, "The API key is not valid.")
	}
	if !scopes[c.route.scope] {
		return newError(http.StatusForbidden, "", "This API key lacks the required scope %s.", c.route.scope).
			withExtension("requiredScope", c.route.scope)
	}
	return nil
}

// credential extracts the key from the header of the call's generation. The
// other generation's header is refused with a message that says so: v1 takes
// only X-API-Key and v2 only Authorization: Bearer.
func credential(r *http.Request, gen generation) (string, error) {
	apiKey := r.Header.Get("X-API-Key")
	authz := r.Header.Get("Authorization")
	if gen == genV1 {
		switch {
		case apiKey != "":
			return apiKey, nil
		case authz != "":
			return "", unauthorized(gen, "v1 endpoints authenticate with the X-API-Key header; Authorization is not accepted.")
		}
		return "", unauthorized(gen, "Missing X-API-Key header.")
	}
	if token, ok := bearerToken(authz); ok {
		return token, nil
	}
	switch {
	case authz != "":
		return "", unauthorized(gen, "The Authorization header must be \"Bearer <API key>\".")
	case apiKey != "":
		return "", unauthorized(gen, "v2 endpoints authenticate with Authorization: Bearer <API key>; X-API-Key is not accepted.")
	}
	return "", unauthorized(gen, "Missing Authorization: Bearer <API key> header.")
}

func bearerToken(authz string) (string, bool) {
	scheme, token, ok := strings.Cut(authz, " ")
	token = strings.TrimSpace(token)
	return token, ok && strings.EqualFold(scheme, "Bearer") && token != ""
}

func unauthorized(gen generation, detail string) *apiError {
	e := newError(http.StatusUnauthorized, "", "%s", detail)
	if gen == genV2 {
		_ = e.withHeader("WWW-Authenticate", `Bearer realm="HostUp API"`)
	}
	return e
}

// authHeaderUsed names the auth header a request carried, for the log:
// the generation's own header first, else the other one.
func authHeaderUsed(r *http.Request, gen generation) string {
	headers := [][2]string{{"X-API-Key", "x-api-key"}, {"Authorization", "bearer"}}
	if gen == genV2 {
		slices.Reverse(headers)
	}
	for _, h := range headers {
		if r.Header.Get(h[0]) != "" {
			return h[1]
		}
	}
	return ""
}
