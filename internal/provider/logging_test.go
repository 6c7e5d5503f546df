package provider

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

func TestLoggingTransportNeverLogsTheKey(t *testing.T) {
	const key = "secret-key-1234567890"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "req_42")
		w.WriteHeader(http.StatusTeapot)
		_, _ = w.Write([]byte(`{"echo":"` + r.Header.Get("X-API-Key") + `"}`))
	}))
	t.Cleanup(srv.Close)

	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(t.Context(), &logs)
	// A path that contains the key, as a misconfigured id might.
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/api/hosting/"+key, nil)
	req.Header.Set("X-API-Key", key)
	resp, err := (&http.Client{Transport: newLoggingTransport(http.DefaultTransport, key)}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()

	out := logs.String()
	if strings.Contains(out, key) {
		t.Errorf("the API key reached the log:\n%s", out)
	}
	for _, want := range []string{`"method":"GET"`, `"status":418`, `"request_id":"req_42"`, "HostUp API response"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "echo") {
		t.Errorf("response bodies must not be logged:\n%s", out)
	}
}
