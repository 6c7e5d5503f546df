package hostupsim

import (
	"fmt"
	"net/http"
	"strings"
)

// generation is the API generation a path belongs to; it decides the auth
// header, the id formats and the shape of every body.
type generation int

const (
	genV1 generation = iota + 1 // /api/...: X-API-Key, envelope, UPPER_SNAKE codes
	genV2                       // /api/v2/...: Bearer, bare bodies, RFC 7807 problems
)

func generationOf(path string) generation {
	if path == "/api/v2" || strings.HasPrefix(path, "/api/v2/") {
		return genV2
	}
	return genV1
}

// fieldError is one entry of a v2 problem's errors[].
type fieldError struct {
	Pointer string `json:"pointer"`
	Detail  string `json:"detail"`
	Code    string `json:"code"`
}

// apiError is an error answer, independent of generation until rendered.
// Handlers set the code in their own generation's spelling; an empty code is
// filled in from the status (see defaultCode).
type apiError struct {
	status     int
	code       string
	detail     string
	fields     []fieldError   // v2 errors[]; folded into the message on v1
	extensions map[string]any // v2 extensions; not shown on v1
	header     http.Header    // extra response headers (Allow, Retry-After, ...)
	retryAfter int            // seconds, for the v1 429 body
}

func (e *apiError) Error() string { return fmt.Sprintf("%d %s: %s", e.status, e.code, e.detail) }

func newError(status int, code, format string, args ...any) *apiError {
	return &apiError{status: status, code: code, detail: fmt.Sprintf(format, args...)}
}

// invalidField is a v2 400 invalid_request naming one offending field.
func invalidField(pointer, code, detail string) *apiError {
	e := newError(http.StatusBadRequest, "invalid_request", "The request failed validation.")
	e.fields = []fieldError{{Pointer: pointer, Detail: detail, Code: code}}
	return e
}

func notFound(what, id string) *apiError {
	return newError(http.StatusNotFound, "", "%s %s not found.", capitalize(what), id)
}

func (e *apiError) withExtension(key string, v any) *apiError {
	if e.extensions == nil {
		e.extensions = map[string]any{}
	}
	e.extensions[key] = v
	return e
}

func (e *apiError) withHeader(key, value string) *apiError {
	if e.header == nil {
		e.header = http.Header{}
	}
	e.header.Set(key, value)
	return e
}

// defaultCode spells the code for a status when the error did not name one.
func defaultCode(gen generation, status int) string {
	if gen == genV2 {
		switch status {
		case http.StatusBadRequest:
			return "invalid_request"
		case http.StatusBadGateway:
			// The documented 502: the change was committed but the renewal
			// invoice could not be regenerated.
			return "upstream_renewal_regeneration_failed"
		case http.StatusServiceUnavailable:
			return "upstream_unavailable"
		case http.StatusGatewayTimeout:
			return "upstream_timeout"
		}
		return strings.ToLower(defaultCode(genV1, status))
	}
	switch status {
	case http.StatusBadRequest:
		return "VALIDATION_ERROR"
	case http.StatusTooManyRequests:
		return "RATE_LIMITED"
	case http.StatusInternalServerError:
		return "INTERNAL_ERROR"
	}
	text := http.StatusText(status)
	if text == "" {
		return "ERROR"
	}
	return strings.ToUpper(strings.NewReplacer(" ", "_", "-", "_", "'", "").Replace(text))
}

// v1ErrorJSON is the v1 error body.
type v1ErrorJSON struct {
	Error      string `json:"error"` // the HTTP reason phrase
	Message    string `json:"message"`
	Code       string `json:"code"`
	RequestID  string `json:"requestId"`
	Timestamp  string `json:"timestamp"`
	RetryAfter *int   `json:"retryAfter,omitempty"`
}

// v2ProblemJSON is the v2 RFC 7807 problem document.
type v2ProblemJSON struct {
	Type       string         `json:"type"`
	Title      string         `json:"title"`
	Status     int            `json:"status"`
	Detail     string         `json:"detail"`
	Code       string         `json:"code"`
	Instance   string         `json:"instance"`
	RequestID  string         `json:"requestId"`
	Timestamp  string         `json:"timestamp"`
	Errors     []fieldError   `json:"errors,omitempty"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// errorBody renders e in the call's generation and returns the body and its
// content type.
func (c *call) errorBody(e *apiError, now string) (body any, contentType string) {
	code := e.code
	if code == "" {
		code = defaultCode(c.gen, e.status)
	}
	if c.gen == genV1 {
		msg := e.detail
		for _, f := range e.fields {
			msg += " " + f.Detail
		}
		b := v1ErrorJSON{Error: http.StatusText(e.status), Message: msg, Code: code, RequestID: c.requestID, Timestamp: now}
		if e.status == http.StatusTooManyRequests {
			b.RetryAfter = &e.retryAfter
		}
		return b, "application/json"
	}
	title := http.StatusText(e.status)
	if code == "invalid_request" {
		title = "Validation failed"
	}
	return v2ProblemJSON{
		Type: "https://developer.hostup.se/errors/" + code, Title: title, Status: e.status, Detail: e.detail,
		Code: code, Instance: c.r.URL.Path, RequestID: c.requestID, Timestamp: now,
		Errors: e.fields, Extensions: e.extensions,
	}, "application/problem+json"
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
