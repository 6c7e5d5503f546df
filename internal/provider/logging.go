package provider

import (
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// loggingTransport logs every HostUp request through tflog (TF_LOG=DEBUG):
// method, path, status, duration and HostUp's request id. It never logs
// headers or bodies: headers carry the API key, and some bodies (the VM
// upgrade's raw.draft) carry customer records.
type loggingTransport struct {
	next   http.RoundTripper
	apiKey string
}

func newLoggingTransport(next http.RoundTripper, apiKey string) http.RoundTripper {
	return &loggingTransport{next: next, apiKey: apiKey}
}

func (t *loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	// Masking is belt and braces: should a URL or an error text ever contain
	// the key, the log shows asterisks.
	ctx := tflog.MaskAllFieldValuesStrings(req.Context(), t.apiKey)
	ctx = tflog.MaskMessageStrings(ctx, t.apiKey)
	fields := map[string]any{"method": req.Method, "path": req.URL.Path}
	tflog.Debug(ctx, "HostUp API request", fields)

	start := time.Now()
	resp, err := t.next.RoundTrip(req)
	fields["duration_ms"] = time.Since(start).Milliseconds()
	if err != nil {
		fields["error"] = err.Error()
		tflog.Debug(ctx, "HostUp API request failed", fields)
		return resp, err
	}
	fields["status"] = resp.StatusCode
	fields["request_id"] = resp.Header.Get("X-Request-Id")
	tflog.Debug(ctx, "HostUp API response", fields)
	return resp, nil
}
