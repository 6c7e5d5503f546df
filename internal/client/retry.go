package client

import (
	"errors"
	"net/http"
	"time"
)

// retryDecision says whether to try again after err, and after how long.
//
// HostUp has no idempotency key, so the rule is about whether the server can
// have acted on the request:
//   - 429: it refused without acting, whatever the method; wait as told.
//   - the connection was never made: nothing reached the server.
//   - anything else is retried only for GET (reads change nothing): 502, 503,
//     504 and requests that got no answer.
//
// A POST that may have reached the server is never resent here; the caller
// re-reads the object instead (see OutcomeUnknown).
//
// Retries are bounded by count (maxRetries) and by the total time waited
// (maxRetryWait): a Retry-After that would overrun the budget ends the call at
// once with the 429, instead of sleeping and failing anyway.
func (c *Client) retryDecision(method string, err error, attempt int, waited time.Duration) (time.Duration, bool) {
	if attempt >= c.maxRetries {
		return 0, false
	}
	wait := c.backoff << attempt // 1s, 2s, 4s, …
	var apiErr *APIError
	var reqErr *RequestError
	switch {
	case errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusTooManyRequests:
		if apiErr.RetryAfter > 0 {
			wait = apiErr.RetryAfter
		}
	case errors.As(err, &reqErr) && !reqErr.MayHaveReachedServer:
	case method == http.MethodGet && isTransient(err):
	default:
		return 0, false
	}
	if waited+wait > c.maxRetryWait {
		return 0, false
	}
	return wait, true
}

func isTransient(err error) bool {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		switch apiErr.StatusCode {
		case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
			return true
		}
		return false
	}
	var reqErr *RequestError
	return errors.As(err, &reqErr)
}
