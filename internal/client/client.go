// Package client is a typed client for the HostUp API (https://cloud.hostup.se),
// both its v1 routes (/api/..., X-API-Key, {success, data} envelope) and its v2
// routes (/api/v2/..., bearer token, RFC 7807 errors).
//
// It knows nothing of Terraform: the provider converts its types.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// DefaultEndpoint is HostUp's production API.
const DefaultEndpoint = "https://cloud.hostup.se"

// Defaults, in one place.
const (
	DefaultRequestTimeout = 60 * time.Second
	DefaultMaxRetries     = 4
	// DefaultMaxRetryWait bounds the total time spent waiting between tries of
	// one call, whatever Retry-After asks for.
	DefaultMaxRetryWait = 2 * time.Minute
	defaultBackoff      = time.Second
	defaultUserAgent    = "terraform-provider-hostup/dev"
	// maxResponseBody guards against a runaway body; HostUp answers are small.
	maxResponseBody = 8 << 20
)

// Client calls the HostUp API. It is safe for concurrent use.
type Client struct {
	baseURL      *url.URL
	apiKey       string
	httpClient   *http.Client
	userAgent    string
	maxRetries   int
	maxRetryWait time.Duration
	backoff      time.Duration
	// sleep waits between tries; tests replace it to observe the waits.
	sleep func(ctx context.Context, d time.Duration) error
	// gate paces every request by HostUp's rate-limit headers.
	gate *rateGate
	// cache keeps GET answers; nil unless WithReadCache.
	cache *readCache
}

// Option configures a Client.
type Option func(*Client)

// WithEndpoint sets the API base URL (scheme and host, optionally a path prefix).
func WithEndpoint(endpoint string) Option {
	return func(c *Client) { c.baseURL, _ = url.Parse(endpoint) }
}

// WithHTTPClient sets the HTTP client, e.g. one with a logging transport.
// Its Timeout bounds each try. The client uses a copy of it that follows no
// redirect, whatever its CheckRedirect says; hc itself is left unchanged.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) { c.httpClient = hc }
}

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option {
	return func(c *Client) { c.userAgent = ua }
}

// WithRetry bounds retries: at most maxRetries further tries, and at most
// maxWait spent waiting between tries of one call.
func WithRetry(maxRetries int, maxWait time.Duration) Option {
	return func(c *Client) {
		c.maxRetries = maxRetries
		c.maxRetryWait = maxWait
	}
}

// New returns a client for apiKey. The endpoint must be HTTPS unless it points
// at a loopback address (the simulator, a local proxy).
func New(apiKey string, opts ...Option) (*Client, error) {
	c := &Client{
		apiKey:       apiKey,
		httpClient:   &http.Client{Timeout: DefaultRequestTimeout},
		userAgent:    defaultUserAgent,
		maxRetries:   DefaultMaxRetries,
		maxRetryWait: DefaultMaxRetryWait,
		backoff:      defaultBackoff,
		sleep:        sleepContext,
		gate:         newRateGate(),
	}
	c.baseURL, _ = url.Parse(DefaultEndpoint)
	for _, opt := range opts {
		opt(c)
	}
	if c.apiKey == "" {
		return nil, errors.New("an API key is required")
	}
	if err := checkAPIKey(c.apiKey); err != nil {
		return nil, err
	}
	if c.baseURL == nil {
		return nil, errors.New("invalid endpoint")
	}
	if err := ValidateEndpoint(c.baseURL.String()); err != nil {
		return nil, err
	}
	if c.maxRetries < 0 {
		return nil, errors.New("max retries must not be negative")
	}
	c.httpClient = withoutRedirects(c.httpClient)
	return c, nil
}

// checkAPIKey refuses a key that cannot travel in an HTTP header: a control
// character (a line break or NUL picked up with a copied key) would be
// refused by the HTTP library on every try, and read as a network failure
// after all retries. The error names the character and its place but never
// the key.
func checkAPIKey(key string) error {
	for i, r := range []rune(key) {
		if unicode.IsControl(r) {
			return fmt.Errorf("the API key contains a control character (%U) at character %d of %d; "+
				"check how the key was copied (a trailing line break is common)", r, i+1, utf8.RuneCountInString(key))
		}
	}
	return nil
}

// withoutRedirects returns a shallow copy of hc (same transport, jar and
// timeout) that hands every 3xx answer back instead of following it: a
// redirect would carry the API key to another host, keep Authorization on a
// same-host one, and a 307/308 would send a committing POST again.
func withoutRedirects(hc *http.Client) *http.Client {
	if hc == nil {
		hc = &http.Client{Timeout: DefaultRequestTimeout}
	}
	noRedirects := *hc
	noRedirects.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &noRedirects
}

// ValidateEndpoint checks that an endpoint is an absolute HTTPS URL, or plain
// HTTP to a loopback host. The API key travels in a header, so anything else
// would send it in clear text.
func ValidateEndpoint(endpoint string) error {
	u, err := url.Parse(endpoint)
	if err != nil {
		return fmt.Errorf("invalid endpoint %q: %w", endpoint, err)
	}
	if u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return fmt.Errorf("invalid endpoint %q: want an absolute URL such as %s", endpoint, DefaultEndpoint)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("invalid endpoint %q: credentials, query and fragment are not allowed", endpoint)
	}
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		return fmt.Errorf("endpoint %q uses plain http: the API key would travel unencrypted; use https (plain http is accepted only for loopback addresses)", endpoint)
	}
	return nil
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// isV2 tells the API generation from the path: it decides the auth header and
// the body shapes.
func isV2(path string) bool { return strings.HasPrefix(path, "/api/v2/") }

// call performs one API call: it encodes in, retries what is safe to retry,
// and decodes a 2xx body into out (for v1, the envelope's data).
func (c *Client) call(ctx context.Context, method, path string, query url.Values, in, out any) error {
	var body []byte
	if in != nil {
		var err error
		if body, err = json.Marshal(in); err != nil {
			return fmt.Errorf("encoding %s %s: %w", method, path, err)
		}
	}
	u := c.baseURL.JoinPath(path)
	u.RawQuery = query.Encode()

	if method != http.MethodGet {
		if c.cache != nil && !isPreview(ctx) {
			// Before and after: a GET answered while this request is in
			// flight may show the state before the change.
			c.cache.invalidate()
			defer c.cache.invalidate()
		}
		return c.send(ctx, method, path, u.String(), body, out)
	}
	if c.cache == nil {
		return c.send(ctx, method, path, u.String(), nil, out)
	}
	answer, err := c.cache.get(ctx, u.String(), func() (cachedAnswer, error) {
		var a cachedAnswer
		err := c.sendRaw(ctx, method, path, u.String(), nil, &a)
		return a, err
	})
	if err != nil {
		return err
	}
	return decodeSuccess(method, path, answer.status, answer.body, out)
}

// send performs one call, retrying what is safe to retry, and decodes the
// 2xx answer into out.
func (c *Client) send(ctx context.Context, method, path, rawURL string, body []byte, out any) error {
	var answer cachedAnswer
	if err := c.sendRaw(ctx, method, path, rawURL, body, &answer); err != nil {
		return err
	}
	return decodeSuccess(method, path, answer.status, answer.body, out)
}

// sendRaw is send without decoding: it fills answer with the 2xx answer.
func (c *Client) sendRaw(ctx context.Context, method, path, rawURL string, body []byte, answer *cachedAnswer) error {
	waited := time.Duration(0)
	for attempt := 0; ; attempt++ {
		status, respBody, err := c.try(ctx, method, path, rawURL, body, attempt > 0)
		if err == nil {
			answer.status, answer.body = status, respBody
			return nil
		}
		wait, retry := c.retryDecision(method, err, attempt, waited)
		if !retry {
			return err
		}
		if sleepErr := c.sleep(ctx, wait); sleepErr != nil {
			// Cancelled while waiting: say so, and keep the answer that made
			// us wait reachable with errors.As.
			return fmt.Errorf("%w while waiting %s to retry: %w", sleepErr, wait, err)
		}
		waited += wait
	}
}

// do is call for the common case: one typed answer.
func do[T any](ctx context.Context, c *Client, method, path string, query url.Values, in any) (*T, error) {
	var out T
	if err := c.call(ctx, method, path, query, in, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// try sends one request and returns the status and body of a 2xx answer, or
// an *APIError / *RedirectError / *RequestError.
func (c *Client) try(ctx context.Context, method, path, rawURL string, body []byte, retried bool) (int, []byte, error) {
	var reader io.Reader
	if body != nil {
		reader = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, rawURL, reader)
	if err != nil {
		return 0, nil, fmt.Errorf("building %s %s: %w", method, path, err)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if isV2(path) {
		req.Header.Set("Authorization", "Bearer "+c.apiKey)
	} else {
		req.Header.Set("X-API-Key", c.apiKey)
	}

	if err := c.gate.acquire(ctx, retried); err != nil {
		return 0, nil, &RequestError{Method: method, Path: path, MayHaveReachedServer: false, Err: err}
	}
	resp, err := c.httpClient.Do(req)
	if err != nil {
		c.gate.release(nil)
		return 0, nil, &RequestError{Method: method, Path: path, MayHaveReachedServer: !neverConnected(err), Err: err}
	}
	defer resp.Body.Close()
	c.gate.release(resp.Header)
	respBody, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBody))
	if err != nil {
		// The server answered a status but the body broke off: for a POST the
		// change may well have been made.
		return 0, nil, &RequestError{Method: method, Path: path, MayHaveReachedServer: true, Err: fmt.Errorf("reading response: %w", err)}
	}
	if resp.StatusCode >= 300 && resp.StatusCode <= 399 {
		return 0, nil, &RedirectError{Method: method, Path: path, StatusCode: resp.StatusCode, Location: resp.Header.Get("Location")}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return 0, nil, newAPIError(method, path, resp, respBody)
	}
	return resp.StatusCode, respBody, nil
}

// neverConnected reports whether the request failed before a connection was
// made, so the server cannot have seen it.
func neverConnected(err error) bool {
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}

// v1Envelope is the v1 success wrapper.
type v1Envelope struct {
	Success   bool            `json:"success"`
	RequestID string          `json:"requestId"`
	Data      json.RawMessage `json:"data"`
}

// validator is an answer that checks what decoding alone cannot: that the
// amounts it must carry were present. A missing amount must never read as 0.
type validator interface {
	validate() error
}

// decodeSuccess decodes a 2xx body into out. Any failure is a *DecodeError:
// for a committing request HostUp acted although its answer is unreadable.
func decodeSuccess(method, path string, status int, body []byte, out any) error {
	if out == nil {
		return nil
	}
	fail := func(err error) error {
		return &DecodeError{Method: method, Path: path, StatusCode: status, Err: err}
	}
	if !isV2(path) {
		var env v1Envelope
		if err := json.Unmarshal(body, &env); err != nil {
			return fail(err)
		}
		if !env.Success || len(env.Data) == 0 || bytes.Equal(env.Data, []byte("null")) {
			return fail(fmt.Errorf("the v1 envelope has success=%t and no data (request id %s)", env.Success, env.RequestID))
		}
		body = env.Data
	}
	if bytes.Equal(bytes.TrimSpace(body), []byte("null")) {
		// Unmarshal would accept it and leave out zero.
		return fail(errors.New("the answer is null"))
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fail(err)
	}
	if v, ok := out.(validator); ok {
		if err := v.validate(); err != nil {
			return fail(err)
		}
	}
	return nil
}

func sleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
