package hostupsim

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// env is a seeded simulator behind a real HTTP server.
type env struct {
	t    *testing.T
	sim  *Server
	seed DemoSeed
	url  string
}

func newEnv(t *testing.T) *env {
	t.Helper()
	sim := New()
	seed := sim.SeedDemo()
	ts := httptest.NewServer(sim)
	t.Cleanup(ts.Close)
	return &env{t: t, sim: sim, seed: seed, url: ts.URL}
}

// result is a decoded answer.
type result struct {
	status int
	header http.Header
	raw    []byte
	body   map[string]any
}

// send makes a request with exactly the given headers ("Name: value").
func (e *env) send(method, path, body string, headers ...string) result {
	e.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(e.t.Context(), method, e.url+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ": ")
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	res := result{status: resp.StatusCode, header: resp.Header, raw: raw}
	if err := json.Unmarshal(raw, &res.body); err != nil {
		e.t.Fatalf("%s %s: body is not a JSON object: %v\n%s", method, path, err, raw)
	}
	return res
}

// v1 calls a v1 route with the demo key in X-API-Key.
func (e *env) v1(method, path, body string) result {
	e.t.Helper()
	return e.send(method, path, body, "X-API-Key: "+e.seed.APIKey, "Content-Type: application/json")
}

// v2 calls a v2 route with the demo key as a Bearer token.
func (e *env) v2(method, path, body string) result {
	e.t.Helper()
	return e.send(method, path, body, "Authorization: Bearer "+e.seed.APIKey, "Content-Type: application/json")
}

func (e *env) upgradePath() string {
	return "/api/v2/shared-hosting/" + e.seed.AccountV2ID + "/actions/upgrade"
}

// wantStatus fails unless r has the status and, when code is given, the error code.
func (r result) wantStatus(t *testing.T, status int, code string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d\n%s", r.status, status, r.raw)
	}
	if code != "" && r.body["code"] != code {
		t.Fatalf("code = %v, want %s\n%s", r.body["code"], code, r.raw)
	}
}

// pointer returns errors[0].pointer and errors[0].code of a v2 problem.
func (r result) firstFieldError(t *testing.T) (pointer, code string) {
	t.Helper()
	errs, _ := r.body["errors"].([]any)
	if len(errs) == 0 {
		t.Fatalf("no errors[] in %s", r.raw)
	}
	fe := errs[0].(map[string]any)
	return fe["pointer"].(string), fe["code"].(string)
}

// get walks a decoded body along a dotted path ("data.upgradedTo.name").
func get(v any, path string) any {
	for _, k := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

func loadJSON(t *testing.T, name string) map[string]any {
	t.Helper()
	raw, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// shapeDiff lists where got differs from the page example want in keys or
// JSON types. Keys got has beyond the example are differences unless listed
// in extra (dotted paths of fields the page's schema documents).
func shapeDiff(path string, want, got any, extra ...string) []string {
	if reflect.TypeOf(want) != reflect.TypeOf(got) {
		return []string{fmt.Sprintf("%s: type %T, want %T", path, got, want)}
	}
	var diffs []string
	switch w := want.(type) {
	case map[string]any:
		g := got.(map[string]any)
		for k, wv := range w {
			gv, ok := g[k]
			if !ok {
				diffs = append(diffs, fmt.Sprintf("%s: missing", join(path, k)))
				continue
			}
			diffs = append(diffs, shapeDiff(join(path, k), wv, gv, extra...)...)
		}
		for k := range g {
			if _, ok := w[k]; !ok && !slices.Contains(extra, join(path, k)) {
				diffs = append(diffs, fmt.Sprintf("%s: not in the page's example", join(path, k)))
			}
		}
	case []any:
		g := got.([]any)
		if len(w) > 0 && len(g) > 0 {
			diffs = append(diffs, shapeDiff(path+"[0]", w[0], g[0], extra...)...)
		}
	}
	return diffs
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func wantSameShape(t *testing.T, want, got any, extra ...string) {
	t.Helper()
	if d := shapeDiff("", want, got, extra...); len(d) > 0 {
		slices.Sort(d)
		t.Errorf("shape differs from the page example:\n  %s", strings.Join(d, "\n  "))
	}
}
