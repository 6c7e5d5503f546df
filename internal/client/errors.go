package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
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
	Code string
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

// HasCode reports whether err is an *APIError with one of the given codes.
// Codes compare case-insensitively, since v1 spells them UPPER_SNAKE and v2
// lower_snake.
func HasCode(err error, codes ...string) bool {
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	for _, c := range codes {
		if strings.EqualFold(apiErr.Code, c) {
			return true
		}
	}
	return false
}

// IsNotFound reports whether the API said the object does not exist (or is
// not the caller's, which HostUp answers the same way).
func IsNotFound(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound
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
	var doc errorDocument
	if err := json.Unmarshal(body, &doc); err != nil {
		e.Title = http.StatusText(resp.StatusCode)
		e.Message = strings.TrimSpace(truncate(string(body), maxErrorBodyText))
		return e
	}
	e.Code = doc.Code
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
// definite answer came back (dropped connection, timeout) or the server failed
// with a 5xx. HostUp has no idempotency key, so the caller must re-read the
// object before deciding anything, and never resend blindly.
func OutcomeUnknown(err error) bool {
	var reqErr *RequestError
	if errors.As(err, &reqErr) {
		return reqErr.MayHaveReachedServer
	}
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode >= 500
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
