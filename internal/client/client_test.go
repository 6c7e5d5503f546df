package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// stubServer answers every request with the next canned response and counts
// requests; the last response repeats.
type stubServer struct {
	*httptest.Server
	requests atomic.Int32
	mu       sync.Mutex
	seen     []*http.Request
}

type stubResponse struct {
	status  int
	headers map[string]string
	body    string
}

func newStub(t *testing.T, responses ...stubResponse) *stubServer {
	t.Helper()
	s := &stubServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(s.requests.Add(1)) - 1
		s.mu.Lock()
		s.seen = append(s.seen, r.Clone(context.Background()))
		s.mu.Unlock()
		resp := responses[min(n, len(responses)-1)]
		for k, v := range resp.headers {
			w.Header().Set(k, v)
		}
		w.WriteHeader(resp.status)
		_, _ = io.WriteString(w, resp.body)
	}))
	t.Cleanup(s.Close)
	return s
}

// recordingSleep replaces the client's waits: it records them instead of
// sleeping, so retry tests are exact and instant.
type recordingSleep struct{ waits []time.Duration }

func (r *recordingSleep) sleep(ctx context.Context, d time.Duration) error {
	r.waits = append(r.waits, d)
	return ctx.Err()
}

func newTestClient(t *testing.T, endpoint string, opts ...Option) (*Client, *recordingSleep) {
	t.Helper()
	c, err := New("test-key", append([]Option{WithEndpoint(endpoint)}, opts...)...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	rec := &recordingSleep{}
	c.sleep = rec.sleep
	return c, rec
}

const v1BillingCycleOK = `{"success":true,"timestamp":"2026-02-10T00:00:00.000Z","requestId":"2121ae20-bd9d-41e9-aeeb-5dd1dd1a24ba",
"data":{"current":"a","currentName":"Annually","cycles":[{"id":"m","name":"Monthly","price":"79.00","isCurrent":false,"billingCycle":"Monthly"},
{"id":"a","name":"Annually","price":"708.00","isCurrent":true,"billingCycle":"Annually"}],"productId":"1912","accountId":"20000",
"accountDetails":{"domain":"example.com","name":"Start (cpanel)","total":"708.00"}}}`

func TestV1ErrorShape(t *testing.T) {
	srv := newStub(t, stubResponse{status: 404, body: `{"error":"Not Found","message":"Hosting account 29999 not found","code":"NOT_FOUND","requestId":"0b5c1f9e-1111-4222-8333-944445555666","timestamp":"2026-02-10T00:00:00.000Z"}`})
	c, _ := newTestClient(t, srv.URL)

	_, err := c.GetHostingBillingCycle(context.Background(), 29999)
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("want *APIError, got %T %v", err, err)
	}
	if apiErr.StatusCode != 404 || apiErr.Code != "NOT_FOUND" || apiErr.Title != "Not Found" ||
		apiErr.Message != "Hosting account 29999 not found" || apiErr.RequestID != "0b5c1f9e-1111-4222-8333-944445555666" {
		t.Errorf("unexpected error fields: %+v", apiErr)
	}
	if !IsNotFound(err) || !HasCode(err, "not_found") {
		t.Errorf("IsNotFound/HasCode should match v1 codes case-insensitively")
	}
	if srv.requests.Load() != 1 {
		t.Errorf("a 404 must not be retried; got %d requests", srv.requests.Load())
	}
}

func TestV2ProblemDetailsShape(t *testing.T) {
	body := `{"type":"https://developer.hostup.se/errors/invalid_request","title":"Validation failed","status":400,
"detail":"The request body failed validation.","code":"invalid_request","instance":"/api/v2/shared-hosting/acct_1/actions/upgrade",
"requestId":"req_01hxa3b4c5d6e7f8g9h0j1k2m3","timestamp":"2026-04-27T12:34:56.000Z",
"errors":[{"pointer":"/productSlug","detail":"Unknown product.","code":"unknown_product"}],"extensions":{"hint":"x"}}`
	srv := newStub(t, stubResponse{status: 400, headers: map[string]string{"Content-Type": "application/problem+json"}, body: body})
	c, _ := newTestClient(t, srv.URL)

	_, err := c.PreviewSharedHostingUpgrade(context.Background(), "acct_1", SharedHostingUpgrade{ProductSlug: "nope"})
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("want *APIError, got %T %v", err, err)
	}
	if apiErr.StatusCode != 400 || apiErr.Code != "invalid_request" || apiErr.Title != "Validation failed" ||
		apiErr.Message != "The request body failed validation." || apiErr.RequestID != "req_01hxa3b4c5d6e7f8g9h0j1k2m3" {
		t.Errorf("unexpected error fields: %+v", apiErr)
	}
	if len(apiErr.FieldErrors) != 1 || apiErr.FieldErrors[0] != (FieldError{Pointer: "/productSlug", Detail: "Unknown product.", Code: "unknown_product"}) {
		t.Errorf("field errors: %+v", apiErr.FieldErrors)
	}
	if apiErr.Extensions["hint"] != "x" {
		t.Errorf("extensions: %+v", apiErr.Extensions)
	}
	for _, want := range []string{"400", "invalid_request", "/productSlug", "req_01hxa3b4c5d6e7f8g9h0j1k2m3"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error text %q lacks %q", err, want)
		}
	}
}

func TestNonJSONErrorBody(t *testing.T) {
	srv := newStub(t, stubResponse{status: 418, headers: map[string]string{"X-Request-Id": "hdr-id"}, body: "<html>teapot</html>"})
	c, _ := newTestClient(t, srv.URL)
	_, err := c.GetVMBillingCycle(context.Background(), 10000)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 418 || apiErr.Message != "<html>teapot</html>" || apiErr.RequestID != "hdr-id" {
		t.Fatalf("unexpected: %#v", err)
	}
}

func TestAuthHeaderPerGeneration(t *testing.T) {
	srv := newStub(t,
		stubResponse{status: 200, body: v1BillingCycleOK},
		stubResponse{status: 200, body: `{"id":"acct_1","name":"n","primaryDomain":"d","domains":[],"customName":null,"serviceStatus":"active","billing":{"amount":708,"currencyCode":"SEK","billingCycle":"annually"},"createdAt":"x","nextDueAt":null,"expiresAt":null}`},
	)
	c, _ := newTestClient(t, srv.URL, WithUserAgent("terraform-provider-hostup/1.2.3"))
	if _, err := c.GetHostingBillingCycle(context.Background(), 20000); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetSharedHostingAccount(context.Background(), "acct_1"); err != nil {
		t.Fatal(err)
	}
	v1, v2 := srv.seen[0], srv.seen[1]
	if v1.Header.Get("X-API-Key") != "test-key" || v1.Header.Get("Authorization") != "" {
		t.Errorf("v1 must authenticate with X-API-Key only: %v", v1.Header)
	}
	if v2.Header.Get("Authorization") != "Bearer test-key" || v2.Header.Get("X-API-Key") != "" {
		t.Errorf("v2 must authenticate with a bearer token only: %v", v2.Header)
	}
	if ua := v1.Header.Get("User-Agent"); ua != "terraform-provider-hostup/1.2.3" {
		t.Errorf("User-Agent = %q", ua)
	}
}

func TestAmountsAreExact(t *testing.T) {
	srv := newStub(t, stubResponse{status: 200, body: v1BillingCycleOK})
	c, _ := newTestClient(t, srv.URL)
	info, err := c.GetHostingBillingCycle(context.Background(), 20000)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Cycles[1].Price.String(); got != "708" {
		t.Errorf("price = %s", got)
	}
	for _, tc := range []struct{ json, want string }{
		{`"-645.43"`, "-645.43"}, {`311.26`, "311.26"}, {`0.1`, "0.1"}, {`"79.00"`, "79"}, {`100`, "100"},
	} {
		var a Amount
		if err := a.UnmarshalJSON([]byte(tc.json)); err != nil {
			t.Fatalf("%s: %v", tc.json, err)
		}
		if a.String() != tc.want {
			t.Errorf("%s -> %s, want %s", tc.json, a, tc.want)
		}
	}
	sum := MustAmount("0.1").Add(MustAmount("0.2").Decimal)
	if sum.String() != "0.3" {
		t.Errorf("0.1+0.2 = %s: amounts must be decimal, not float", sum)
	}
	var bad Amount
	if err := bad.UnmarshalJSON([]byte(`"12,50"`)); err == nil {
		t.Error("a malformed amount must be an error")
	}
}

func TestRetry429HonoursRetryAfter(t *testing.T) {
	srv := newStub(t,
		stubResponse{status: 429, headers: map[string]string{"Retry-After": "7"}, body: `{"error":"Too Many Requests","message":"slow down","code":"RATE_LIMITED","requestId":"r1","timestamp":"t","retryAfter":7}`},
		stubResponse{status: 429, headers: map[string]string{"Retry-After": "3"}, body: `{"type":"t","title":"Too Many Requests","status":429,"code":"rate_limited","requestId":"r2"}`},
		stubResponse{status: 200, body: v1BillingCycleOK},
	)
	c, rec := newTestClient(t, srv.URL)
	if _, err := c.GetHostingBillingCycle(context.Background(), 20000); err != nil {
		t.Fatal(err)
	}
	if got := srv.requests.Load(); got != 3 {
		t.Errorf("requests = %d, want 3", got)
	}
	if fmt.Sprint(rec.waits) != "[7s 3s]" {
		t.Errorf("waits = %v, want the Retry-After values [7s 3s]", rec.waits)
	}
}

func TestRetry429BodyRetryAfterWithoutHeader(t *testing.T) {
	srv := newStub(t,
		stubResponse{status: 429, body: `{"error":"Too Many Requests","message":"slow down","code":"RATE_LIMITED","requestId":"r1","timestamp":"t","retryAfter":5}`},
		stubResponse{status: 200, body: v1BillingCycleOK},
	)
	c, rec := newTestClient(t, srv.URL)
	if _, err := c.GetHostingBillingCycle(context.Background(), 20000); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(rec.waits) != "[5s]" {
		t.Errorf("waits = %v, want [5s] from the v1 body", rec.waits)
	}
}

func TestRetry429IsBoundedByCount(t *testing.T) {
	srv := newStub(t, stubResponse{status: 429, headers: map[string]string{"Retry-After": "1"}, body: `{"code":"rate_limited","status":429}`})
	c, rec := newTestClient(t, srv.URL, WithRetry(3, time.Hour))
	_, err := c.GetSharedHostingAccount(context.Background(), "acct_1")
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 429 || apiErr.RetryAfter != time.Second {
		t.Fatalf("want the last 429, got %v", err)
	}
	if got := srv.requests.Load(); got != 4 {
		t.Errorf("requests = %d, want 1 + 3 retries", got)
	}
	if len(rec.waits) != 3 {
		t.Errorf("waits = %v", rec.waits)
	}
}

func TestRetry429IsBoundedByTime(t *testing.T) {
	srv := newStub(t, stubResponse{status: 429, headers: map[string]string{"Retry-After": "90"}, body: `{"code":"rate_limited","status":429}`})
	c, rec := newTestClient(t, srv.URL, WithRetry(10, 2*time.Minute))
	_, err := c.GetSharedHostingAccount(context.Background(), "acct_1")
	if !HasCode(err, "rate_limited") {
		t.Fatalf("want rate_limited, got %v", err)
	}
	// 90 s fits the 2 min budget once; a second 90 s wait would not.
	if fmt.Sprint(rec.waits) != "[1m30s]" || srv.requests.Load() != 2 {
		t.Errorf("waits = %v, requests = %d; want one 90s wait and 2 requests", rec.waits, srv.requests.Load())
	}
}

func TestRetryWaitIsCancelledByContext(t *testing.T) {
	srv := newStub(t, stubResponse{status: 429, headers: map[string]string{"Retry-After": "30"}, body: `{"code":"rate_limited","status":429}`})
	c, err := New("test-key", WithEndpoint(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	// The real 30 s wait, cancelled as soon as it starts.
	ctx, cancel := context.WithCancel(context.Background())
	c.sleep = func(ctx context.Context, d time.Duration) error {
		cancel()
		return sleepContext(ctx, d)
	}
	_, err = c.GetSharedHostingAccount(ctx, "acct_1")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
	if !HasCode(err, "rate_limited") {
		t.Errorf("the cancelled wait should still carry the 429: %v", err)
	}
	if got := srv.requests.Load(); got != 1 {
		t.Errorf("requests = %d, want 1", got)
	}
}

func TestPostIsNotRetriedAfter5xx(t *testing.T) {
	for _, status := range []int{500, 502, 503, 504} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			srv := newStub(t,
				stubResponse{status: status, body: `{"type":"t","title":"x","status":` + fmt.Sprint(status) + `,"code":"upstream_unavailable","requestId":"r"}`},
				stubResponse{status: 200, body: `{"upgraded":true}`},
			)
			c, rec := newTestClient(t, srv.URL)
			_, err := c.UpgradeSharedHosting(context.Background(), "acct_1", SharedHostingUpgrade{ProductSlug: "webbhotell-business"})
			if err == nil {
				t.Fatal("want the 5xx error")
			}
			if got := srv.requests.Load(); got != 1 {
				t.Errorf("a committing POST was sent %d times after a %d", got, status)
			}
			if len(rec.waits) != 0 {
				t.Errorf("waits = %v", rec.waits)
			}
			if !OutcomeUnknown(err) {
				t.Errorf("a %d on a POST must be reported as an unknown outcome", status)
			}
		})
	}
}

func TestGetIsRetriedAfter503(t *testing.T) {
	srv := newStub(t,
		stubResponse{status: 503, body: `{"code":"upstream_unavailable","status":503}`},
		stubResponse{status: 200, body: v1BillingCycleOK},
	)
	c, rec := newTestClient(t, srv.URL)
	if _, err := c.GetHostingBillingCycle(context.Background(), 20000); err != nil {
		t.Fatal(err)
	}
	if srv.requests.Load() != 2 || fmt.Sprint(rec.waits) != "[1s]" {
		t.Errorf("requests = %d waits = %v", srv.requests.Load(), rec.waits)
	}
}

func TestPostIsRetriedAfter429(t *testing.T) {
	srv := newStub(t,
		stubResponse{status: 429, headers: map[string]string{"Retry-After": "2"}, body: `{"code":"rate_limited","status":429}`},
		stubResponse{status: 200, body: `{"preview":true,"currentProduct":{"slug":"a","name":"A"},"newProduct":{"slug":"b","name":"B"},"priceChange":{"amount":238.03,"recurringAmount":1188,"currencyCode":"SEK","billingCycle":"annually"}}`},
	)
	c, rec := newTestClient(t, srv.URL)
	p, err := c.PreviewSharedHostingUpgrade(context.Background(), "acct_1", SharedHostingUpgrade{ProductSlug: "b"})
	if err != nil {
		t.Fatal(err)
	}
	if p.PriceChange.Amount.String() != "238.03" || srv.requests.Load() != 2 || fmt.Sprint(rec.waits) != "[2s]" {
		t.Errorf("amount %s requests %d waits %v", p.PriceChange.Amount, srv.requests.Load(), rec.waits)
	}
}

func TestPostIsRetriedWhenConnectionRefused(t *testing.T) {
	// A port nobody listens on: the connection is refused before anything is
	// sent, so resending cannot buy twice.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	c, rec := newTestClient(t, "http://"+addr, WithRetry(2, time.Minute))
	_, err = c.UpgradeSharedHosting(context.Background(), "acct_1", SharedHostingUpgrade{ProductSlug: "b"})
	var reqErr *RequestError
	if !errors.As(err, &reqErr) || reqErr.MayHaveReachedServer {
		t.Fatalf("want a RequestError that never reached the server, got %#v", err)
	}
	if len(rec.waits) != 2 {
		t.Errorf("waits = %v, want 2 retries", rec.waits)
	}
	if OutcomeUnknown(err) {
		t.Error("a refused connection is a known outcome: nothing was done")
	}
}

func TestPostIsNotRetriedAfterDroppedConnection(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	t.Cleanup(srv.Close)
	c, rec := newTestClient(t, srv.URL)
	_, err := c.UpgradeSharedHosting(context.Background(), "acct_1", SharedHostingUpgrade{ProductSlug: "b"})
	if !OutcomeUnknown(err) {
		t.Fatalf("a dropped connection after sending is an unknown outcome, got %v", err)
	}
	if requests.Load() != 1 || len(rec.waits) != 0 {
		t.Errorf("requests = %d waits = %v: a POST must not be resent", requests.Load(), rec.waits)
	}
}

func TestUpgradeBodies(t *testing.T) {
	srv := newStub(t, stubResponse{status: 200, body: `{"upgraded":true,"currentProduct":{"slug":"webbhotell-start","name":"Start"},"newProduct":{"slug":"webbhotell-business","name":"Business"},"orderId":"ord_1","paymentInvoice":{"id":"inv_1","number":"202600001","amount":100,"currencyCode":"SEK","dueAt":"2026-05-27T00:00:00.000Z","status":"unpaid","paymentUrl":"/billing?invoice=202600001"},"renewalInvoice":null}`})
	var bodies []string
	srv.Config.Handler = wrapBodyRecorder(srv.Config.Handler, &bodies)
	c, _ := newTestClient(t, srv.URL)

	res, err := c.UpgradeSharedHosting(context.Background(), "acct_1", SharedHostingUpgrade{ProductSlug: "webbhotell-business"})
	if err != nil {
		t.Fatal(err)
	}
	if *res.OrderID != "ord_1" || res.PaymentInvoice.Amount.String() != "100" || res.RenewalInvoice != nil {
		t.Errorf("result: %+v", res)
	}
	if _, err := c.UpgradeSharedHosting(context.Background(), "acct_1", SharedHostingUpgrade{ProductSlug: "webbhotell-business", CancelExistingInvoice: true}); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`{"productSlug":"webbhotell-business","dryRun":false}`,
		`{"productSlug":"webbhotell-business","dryRun":false,"cancelExistingInvoice":true}`,
	}
	if fmt.Sprint(bodies) != fmt.Sprint(want) {
		t.Errorf("bodies = %v, want %v (cancelExistingInvoice only when opted in)", bodies, want)
	}
}

func wrapBodyRecorder(next http.Handler, bodies *[]string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		*bodies = append(*bodies, string(b))
		r.Body = io.NopCloser(strings.NewReader(string(b)))
		next.ServeHTTP(w, r)
	})
}

func TestValidateEndpoint(t *testing.T) {
	for endpoint, ok := range map[string]bool{
		"https://cloud.hostup.se":         true,
		"https://proxy.example/hostup":    true,
		"http://127.0.0.1:8080":           true,
		"http://localhost:1":              true,
		"http://[::1]:8080":               true,
		"http://cloud.hostup.se":          false,
		"http://10.0.0.1":                 false,
		"ftp://cloud.hostup.se":           false,
		"cloud.hostup.se":                 false,
		"https://user:pw@cloud.hostup.se": false,
	} {
		if err := ValidateEndpoint(endpoint); (err == nil) != ok {
			t.Errorf("ValidateEndpoint(%q) = %v, want ok=%v", endpoint, err, ok)
		}
	}
	if _, err := New("", WithEndpoint("https://cloud.hostup.se")); err == nil {
		t.Error("New without a key must fail")
	}
}
