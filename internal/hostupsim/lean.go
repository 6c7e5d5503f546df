package hostupsim

import (
	"bytes"
	"encoding/json"
	"regexp"
)

// Lean mode answers with what HostUp documents and nothing more, so that a
// client that needs more than the contract promises fails against the
// simulator rather than against the real service.
//
// The rule, applied to every success answer (errors, paths, auth and scopes
// are unchanged):
//
//   - Only documented keys are kept. A key is documented when an endpoint
//     page's schema or example answer, or HostUp's developer documentation
//     of the endpoint, names it. An object named without a shape (the
//     upgrade options' currentPackage, an action gate such as canCommit, a
//     change's paymentInvoice) gets only the keys its documented siblings
//     use: {productSlug, name} for a plan, {allowed, reason, code} for a
//     gate, the paymentInvoice example's keys for an invoice. A list
//     documented as slugs (the VPS plans) is a list of bare slugs.
//   - A value documented as "string | number", or typed two ways (v1 ids:
//     integers in general, strings on the pages), or given no type at all,
//     is sent as the other JSON type than full mode sends: numbers become
//     strings with the same digits, numeric strings become numbers. v1 money
//     counts as either (v1 sends decimal strings and sometimes numbers); v2
//     money is documented as numbers and stays one. Booleans, opaque v2 ids
//     ("acct_…") and strings that are not numbers keep their type.
//
// Which keys and values that means, route by route, is leanShapes.

// SetLean turns lean mode on or off (see above). Off, the default, answers
// with every field the simulator knows.
func (s *Server) SetLean(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lean = on
}

// Lean reports whether lean mode is on.
func (s *Server) Lean() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lean
}

// shape describes the documented form of a JSON value.
type shape struct {
	// fields are an object's documented keys; any other key is dropped.
	fields map[string]*shape
	// anyKey, for an object whose keys are data ({"m": "600.00"}), is the
	// shape of every value.
	anyKey *shape
	// elem is the shape of an array's elements; nil keeps them as they are.
	elem *shape
	// either marks a value documented as string or number, or untyped.
	either bool
	// asField documents an object as the bare value of one of its fields.
	asField string
}

// A shape with none of the above keeps its value as it is: a string, a
// boolean, a number of one documented type, null, or an array of those.

func obj(fields map[string]*shape) *shape { return &shape{fields: fields} }

func arrayOf(elem *shape) *shape { return &shape{elem: elem} }

func keyedBy(value *shape) *shape { return &shape{anyKey: value} }

var (
	kept   = &shape{}
	either = &shape{either: true}
)

// leanBody rewrites an encoded success body of route to its lean form. A
// route without a shape, or a body that is not JSON, is left as it is.
func leanBody(route string, body []byte) []byte {
	sh := leanShapes[route]
	if sh == nil {
		return body
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber() // numbers keep their digits
	var v any
	if dec.Decode(&v) != nil {
		return body
	}
	return encodeJSON(sh.apply(v))
}

// numeric is what a numeric string must look like to become a JSON number
// with the same digits.
var numeric = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?$`)

func (sh *shape) apply(v any) any {
	switch x := v.(type) {
	case map[string]any:
		if sh.asField != "" {
			return x[sh.asField]
		}
		if sh.fields == nil && sh.anyKey == nil {
			return x
		}
		out := make(map[string]any, len(x))
		for k, val := range x {
			if sub := sh.field(k); sub != nil {
				out[k] = sub.apply(val)
			}
		}
		return out
	case []any:
		if sh.elem == nil {
			return x
		}
		out := make([]any, len(x))
		for i, el := range x {
			out[i] = sh.elem.apply(el)
		}
		return out
	case json.Number:
		if sh.either {
			return string(x)
		}
	case string:
		if sh.either && numeric.MatchString(x) {
			return json.Number(x)
		}
	}
	return v
}

func (sh *shape) field(key string) *shape {
	if sub, ok := sh.fields[key]; ok {
		return sub
	}
	return sh.anyKey
}
