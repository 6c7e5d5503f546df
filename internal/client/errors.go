package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// APIError is an error answer from HostUp, from either API generation.
//
// v1 answers {error, message, code: "UPPER_SNAKE", requestId, timestamp}
// (plus retryAfter on 429); v2 answers RFC 7807 problem details with a
// lower_snake code and field errors. Both become this one type so that callers
// branch on StatusCode and Code alone.
type APIError struct {
	Method     string
	Path       string
	StatusCode int
	// Code is the API's stable machine-readable code ("existing_invoice_blocking",
	// "NOT_FOUND"); empty when the body was not a HostUp error document.
	Code ErrorCode
	// Title is the v2 title or the v1 "error" field.
	Title string
	// Message is the v2 detail or the v1 message.
	Message     string
	RequestID   string
	FieldErrors []FieldError
	// RetryAfter is the wait the API asked for (Retry-After header or the v1
	// body's retryAfter); zero when it did not say.
	RetryAfter time.Duration
	// Extensions holds v2 problem extensions, such as the blocking invoice.
	Extensions map[string]any
}

// FieldError is one v2 field-level validation error.
type FieldError struct {
	// Pointer is a JSON pointer into the request body, e.g. "/productSlug".
	Pointer string `json:"pointer"`
	Detail  string `json:"detail"`
	Code    string `json:"code"`
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "HostUp API %s %s: %d", e.Method, e.Path, e.StatusCode)
	if e.Code != "" {
		fmt.Fprintf(&b, " %s", e.Code)
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	for _, fe := range e.FieldErrors {
		fmt.Fprintf(&b, "; %s: %s", fe.Pointer, fe.Detail)
	}
	if e.RequestID != "" {
		fmt.Fprintf(&b, " (request id %s)", e.RequestID)
	}
	return b.String()
}

// IsNotFound reports whether HostUp said the object does not exist (or is
// not the caller's, which HostUp answers the same way): a 404 with HostUp's
// own not-found code. Any other 404 (a proxy's page, a path no endpoint
// serves because the endpoint's path prefix is wrong) says nothing about the
// object, so it is not taken for "gone": that would drop a live purchase
// from state.
func IsNotFound(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound &&
		HasCode(err, ErrorCodeNotFound, ErrorCodeVPSNotFound)
}

// errorDocument is the union of the v1 and v2 error bodies.
type errorDocument struct {
	// v2 problem details
	Type       string         `json:"type"`
	Title      string         `json:"title"`
	Detail     string         `json:"detail"`
	Instance   string         `json:"instance"`
	Errors     []FieldError   `json:"errors"`
	Extensions map[string]any `json:"extensions"`
	// v1
	Error      string          `json:"error"`
	Message    string          `json:"message"`
	RetryAfter json.RawMessage `json:"retryAfter"`
	// both
	Code      string `json:"code"`
	RequestID string `json:"requestId"`
}

// maxErrorBodyText bounds how much of a non-JSON error body is quoted.
const maxErrorBodyText = 512

// newAPIError builds the error for a non-2xx response from its body.
func newAPIError(method, path string, resp *http.Response, body []byte) *APIError {
	e := &APIError{
		Method:     method,
		Path:       path,
		StatusCode: resp.StatusCode,
		RequestID:  resp.Header.Get("X-Request-Id"),
		RetryAfter: parseRetryAfter(resp.Header.Get("Retry-After")),
	}
	doc, ok := decodeErrorDocument(body)
	if !ok {
		e.Title = http.StatusText(resp.StatusCode)
		e.Message = strings.TrimSpace(truncate(string(body), maxErrorBodyText))
		return e
	}
	e.Code = ErrorCode(doc.Code)
	e.Title = firstNonEmpty(doc.Title, doc.Error, http.StatusText(resp.StatusCode))
	e.Message = firstNonEmpty(doc.Detail, doc.Message)
	e.RequestID = firstNonEmpty(doc.RequestID, e.RequestID)
	e.FieldErrors = doc.Errors
	e.Extensions = doc.Extensions
	if e.RetryAfter == 0 && len(doc.RetryAfter) > 0 {
		e.RetryAfter = parseRetryAfter(strings.Trim(string(doc.RetryAfter), `"`))
	}
	return e
}

// decodeErrorDocument reads an error body. One field of an unexpected type
// (an extensions that is not an object, say) must not cost the code the
// caller branches on, so when the whole document does not decode, each field
// is decoded on its own and the ones that fit are kept. It reports false when
// the body is not a JSON object at all.
func decodeErrorDocument(body []byte) (errorDocument, bool) {
	var doc errorDocument
	if json.Unmarshal(body, &doc) == nil {
		return doc, true
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(body, &obj) != nil {
		return errorDocument{}, false
	}
	doc = errorDocument{}
	v := reflect.ValueOf(&doc).Elem()
	for i := range v.NumField() {
		decodeOneField(body, v.Type().Field(i), v.Field(i))
	}
	return doc, true
}

// decodeOneField decodes the body's field f alone into dst, through a struct
// that has only that field, so that the matching rules (case, duplicates)
// stay encoding/json's. A field that does not fit is left zero.
func decodeOneField(body []byte, f reflect.StructField, dst reflect.Value) {
	one := reflect.New(reflect.StructOf([]reflect.StructField{{Name: "F", Type: f.Type, Tag: f.Tag}}))
	if json.Unmarshal(body, one.Interface()) == nil {
		dst.Set(one.Elem().Field(0))
	}
}

// parseRetryAfter reads delay-seconds or an HTTP date; zero when absent or
// unreadable.
func parseRetryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil && secs > 0 {
		return time.Duration(secs * float64(time.Second))
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := time.Until(t); d > 0 {
			return d
		}
	}
	return 0
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// RequestError is a request that got no HTTP answer: it could not be sent, the
// connection dropped, or it timed out.
type RequestError struct {
	Method string
	Path   string
	// MayHaveReachedServer is false only when the connection was never made
	// (e.g. connection refused), so the server cannot have acted on it.
	MayHaveReachedServer bool
	Err                  error
}

func (e *RequestError) Error() string {
	return fmt.Sprintf("HostUp API %s %s: %v", e.Method, e.Path, e.Err)
}

func (e *RequestError) Unwrap() error { return e.Err }

// OutcomeUnknown reports whether a failed committing request may nevertheless
// have been carried out: the request may have reached the server and no
// definite answer came back (dropped connection, timeout, a success answer
// that cannot be read) or the server failed with a 5xx. HostUp has no
// idempotency key, so the caller must re-read the object before deciding
// anything, and never resend blindly.
func OutcomeUnknown(err error) bool {
	var reqErr *RequestError
	if errors.As(err, &reqErr) {
		return reqErr.MayHaveReachedServer
	}
	var decErr *DecodeError
	if errors.As(err, &decErr) {
		return decErr.Method != http.MethodGet
	}
	var redirErr *RedirectError
	if errors.As(err, &redirErr) {
		return redirErr.mayHaveActed()
	}
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode >= 500
}

// DecodeError is a 2xx answer whose body cannot be read as the expected
// answer: malformed or truncated JSON, a v1 envelope without success and
// data, or an answer that lacks an amount it must carry. For a committing
// request the 2xx means HostUp did act, so OutcomeUnknown is true.
type DecodeError struct {
	Method     string
	Path       string
	StatusCode int
	Err        error
}

func (e *DecodeError) Error() string {
	msg := fmt.Sprintf("HostUp API %s %s: answered %d with a body that cannot be read: %v", e.Method, e.Path, e.StatusCode, e.Err)
	if e.Method != http.MethodGet {
		msg += "; HostUp may have carried out the request"
	}
	return msg
}

func (e *DecodeError) Unwrap() error { return e.Err }

// RedirectError is a 3xx answer. The client follows no redirect: following
// one would send the API key to wherever Location points (in clear text if it
// is plain http) and would send a committing POST a second time.
type RedirectError struct {
	Method     string
	Path       string
	StatusCode int
	// Location is the redirect target as the server sent it; empty when absent.
	Location string
}

func (e *RedirectError) Error() string {
	loc := e.Location
	if loc == "" {
		loc = "(no Location header)"
	}
	return fmt.Sprintf("HostUp API %s %s: answered %d %s redirecting to %s; the provider follows no redirects, "+
		"so that the API key and purchases are sent only to the configured endpoint. Check the endpoint setting.",
		e.Method, e.Path, e.StatusCode, http.StatusText(e.StatusCode), loc)
}

// mayHaveActed: 307 and 308 tell the client to repeat the request elsewhere,
// so the server did not act on it; any other redirect of a committing
// request (303 See Other is what a server sends after handling a POST) may
// follow a change that was made.
func (e *RedirectError) mayHaveActed() bool {
	return e.Method != http.MethodGet && e.StatusCode != http.StatusTemporaryRedirect &&
		e.StatusCode != http.StatusPermanentRedirect
}

// TimedOut reports whether a request failed because a time limit ran out:
// the HTTP client's request_timeout or the caller's deadline. Which of the two
// fires first is a matter of scheduling, so callers describe both alike.
func TimedOut(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var netErr net.Error
	return errors.As(err, &netErr) && netErr.Timeout()
}
