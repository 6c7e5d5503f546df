package client

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Amount is an exact decimal amount of money as the API sends it.
//
// v1 sends decimal strings ("708.00", "-645.43") and sometimes numbers; v2
// sends JSON numbers. Both are parsed from their text, never through float64,
// so 311.26 stays 311.26.
//
// An Amount remembers whether it was given: one decoded from an answer that
// lacked the field (or gave null) is not set. Where the amount decides money
// a missing one is an error (see the answers' validate methods) rather than
// a silent 0; elsewhere callers check IsSet.
type Amount struct {
	decimal.Decimal
	set bool
}

// NewAmount parses a decimal string such as "238.03".
func NewAmount(s string) (Amount, error) {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return Amount{}, fmt.Errorf("invalid amount %q: %w", s, err)
	}
	return Amount{Decimal: d, set: true}, nil
}

// MustAmount is NewAmount for constants in tests and examples.
func MustAmount(s string) Amount {
	a, err := NewAmount(s)
	if err != nil {
		panic(err)
	}
	return a
}

// UnmarshalJSON accepts a JSON string or a JSON number. JSON null leaves the
// amount as it was, not set in a fresh answer: null says as little as an
// absent field, and an answer that must carry the amount is refused for
// lacking it.
func (a *Amount) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) {
		return nil
	}
	text := string(b)
	if len(b) > 0 && b[0] == '"' {
		if err := json.Unmarshal(b, &text); err != nil {
			return err
		}
	}
	d, err := decimal.NewFromString(text)
	if err != nil {
		return fmt.Errorf("invalid amount %s: %w", b, err)
	}
	a.Decimal = d
	a.set = true
	return nil
}

// MarshalJSON writes the amount as a JSON number with its exact digits.
func (a Amount) MarshalJSON() ([]byte, error) {
	return []byte(a.String()), nil
}

// IsSet reports whether the amount was given (parsed, or present in the
// answer it was decoded from).
func (a Amount) IsSet() bool { return a.set }

// requireAmounts returns an error naming the first of the named amounts that
// the answer lacked. Names are the JSON paths, as HostUp's pages write them.
func requireAmounts(amounts map[string]Amount) error {
	var missing []string
	for name, a := range amounts {
		if !a.set {
			missing = append(missing, name)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	slices.Sort(missing)
	return fmt.Errorf("the answer lacks the required amount %s", strings.Join(missing, ", "))
}
