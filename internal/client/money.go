package client

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"
)

// Amount is an exact decimal amount of money as the API sends it.
//
// v1 sends decimal strings ("708.00", "-645.43") and sometimes numbers; v2
// sends JSON numbers. Both are parsed from their text, never through float64,
// so 311.26 stays 311.26.
type Amount struct {
	decimal.Decimal
}

// NewAmount parses a decimal string such as "238.03".
func NewAmount(s string) (Amount, error) {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return Amount{}, fmt.Errorf("invalid amount %q: %w", s, err)
	}
	return Amount{d}, nil
}

// MustAmount is NewAmount for constants in tests and examples.
func MustAmount(s string) Amount {
	a, err := NewAmount(s)
	if err != nil {
		panic(err)
	}
	return a
}

// UnmarshalJSON accepts a JSON string or a JSON number.
func (a *Amount) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) {
		return fmt.Errorf("amount is null")
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
	return nil
}

// MarshalJSON writes the amount as a JSON number with its exact digits.
func (a Amount) MarshalJSON() ([]byte, error) {
	return []byte(a.String()), nil
}
