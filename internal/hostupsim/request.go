package hostupsim

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// maxBody bounds request bodies; the API's bodies are a few fields.
const maxBody = 1 << 20

var errBodyTooLarge = errors.New("the request body is larger than 1 MiB")

func readBody(r *http.Request) ([]byte, error) {
	if r.Body == nil {
		return nil, nil
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err == nil && len(raw) > maxBody {
		err = errBodyTooLarge
	}
	return raw, err
}

// decodeObject decodes a body that must be exactly one JSON object.
func decodeObject(raw []byte, readErr error) (map[string]any, error) {
	if readErr != nil {
		return nil, readErr
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, errors.New("the request body is empty")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("the request body is not valid JSON: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("the request body has data after the JSON object")
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New("the request body must be a JSON object")
	}
	return obj, nil
}

// checkBody enforces what every POST needs: a JSON content type and a JSON
// object body.
func (c *call) checkBody() error {
	mediaType, _, err := mime.ParseMediaType(c.r.Header.Get("Content-Type"))
	if err != nil || mediaType != "application/json" {
		return newError(http.StatusUnsupportedMediaType, "", "Content-Type must be application/json.")
	}
	switch {
	case errors.Is(c.bodyErr, errBodyTooLarge):
		return newError(http.StatusRequestEntityTooLarge, "", "%s.", capitalize(c.bodyErr.Error()))
	case c.bodyErr != nil:
		e := newError(http.StatusBadRequest, "", "Invalid request body.")
		e.fields = []fieldError{{Pointer: "", Detail: capitalize(c.bodyErr.Error()) + ".", Code: "invalid_json"}}
		return e
	}
	return nil
}

// v1PathID parses a v1 path id: a positive integer in canonical form.
func (c *call) v1PathID(name string) (int64, error) {
	raw := c.params[name]
	n, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || n < 1 || strconv.FormatInt(n, 10) != raw {
		return 0, newError(http.StatusBadRequest, "VALIDATION_ERROR", "%s must be a positive integer, got %q.", name, raw)
	}
	return n, nil
}

// v2PathID checks a v2 path id: the given prefix followed by lowercase
// letters and digits.
func (c *call) v2PathID(name, prefix string) (string, error) {
	raw := c.params[name]
	rest, ok := strings.CutPrefix(raw, prefix)
	if !ok || rest == "" || strings.Trim(rest, "0123456789abcdefghijklmnopqrstuvwxyz") != "" {
		return "", invalidField("/"+name, "invalid_format",
			fmt.Sprintf("%s must be an id that starts with %q, as returned by the API; got %q.", name, prefix, raw))
	}
	return raw, nil
}

// fieldKind is the JSON type a v2 body field must have.
type fieldKind int

const (
	stringField fieldKind = iota
	boolField
	objectField
)

func (k fieldKind) accepts(v any) bool {
	switch k {
	case stringField:
		_, ok := v.(string)
		return ok
	case boolField:
		_, ok := v.(bool)
		return ok
	case objectField:
		_, ok := v.(map[string]any)
		return ok
	}
	return false
}

func (k fieldKind) String() string {
	switch k {
	case boolField:
		return "a boolean"
	case objectField:
		return "an object"
	}
	return "a string"
}

type fieldSpec struct {
	name     string
	kind     fieldKind
	required bool
}

// checkV2Fields validates a v2 body against its fields the way v2 does:
// unknown fields, missing required fields and wrong JSON types are all
// reported at once, each with a JSON pointer.
func checkV2Fields(body map[string]any, specs ...fieldSpec) error {
	var errs []fieldError
	for _, k := range slices.Sorted(maps.Keys(body)) {
		if !slices.ContainsFunc(specs, func(f fieldSpec) bool { return f.name == k }) {
			errs = append(errs, fieldError{Pointer: "/" + k, Code: "unknown_field",
				Detail: fmt.Sprintf("`%s` is not a field of this request.", k)})
		}
	}
	for _, f := range specs {
		v, present := body[f.name]
		switch {
		case !present && f.required:
			errs = append(errs, fieldError{Pointer: "/" + f.name, Code: "missing_required",
				Detail: fmt.Sprintf("`%s` is required.", f.name)})
		case present && !f.kind.accepts(v):
			errs = append(errs, fieldError{Pointer: "/" + f.name, Code: "invalid_type",
				Detail: fmt.Sprintf("`%s` must be %s.", f.name, f.kind)})
		}
	}
	if errs == nil {
		return nil
	}
	e := newError(http.StatusBadRequest, "invalid_request", "The request body failed validation.")
	e.fields = errs
	return e
}
