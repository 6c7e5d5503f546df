package client

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"github.com/shopspring/decimal"
)

// HostUp types many ids and numbers as "string | number", or gives them no
// type at all: v1 order ids come as 34889 or "34889", v1 VM sizes and ids
// have no documented type, and an invoice number is shown as "202600001".
// FlexString and FlexInt decode either form, so that the client holds the
// documented contract rather than one server's habit.

// FlexString is a JSON string or number, kept as its text: 34889 and
// "34889" both become "34889". JSON null leaves it as it was (empty in a
// fresh answer).
type FlexString string

// UnmarshalJSON accepts a JSON string, a JSON number or null.
func (f *FlexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = FlexString(s)
		return nil
	case isJSONNumber(b):
		*f = FlexString(b)
		return nil
	}
	return fmt.Errorf("%s is neither a string nor a number", b)
}

// String returns the text.
func (f FlexString) String() string { return string(f) }

// FlexInt is a whole number sent as a JSON number (400) or as a string
// holding one ("400"). A number with a zero fraction (400.0) is accepted; a
// fraction, a value beyond int64 or any other string is an error, never a
// rounded value. JSON null leaves it as it was (0 in a fresh answer).
type FlexInt int64

// UnmarshalJSON accepts an integer, a string holding one, or null.
func (f *FlexInt) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	text := string(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		return nil
	case len(b) > 0 && b[0] == '"':
		if err := json.Unmarshal(b, &text); err != nil {
			return err
		}
	case !isJSONNumber(b):
		return fmt.Errorf("%s is neither an integer nor a string holding one", b)
	}
	n, err := parseWhole(text)
	if err != nil {
		return fmt.Errorf("%s is not a whole number: %w", b, err)
	}
	*f = FlexInt(n)
	return nil
}

// Int64 returns the value.
func (f FlexInt) Int64() int64 { return int64(f) }

// parseWhole parses an integer, also written as a decimal with a zero
// fraction or an exponent ("400.0", "4e2"), exactly.
func parseWhole(text string) (int64, error) {
	if n, err := strconv.ParseInt(text, 10, 64); err == nil {
		return n, nil
	}
	d, err := decimal.NewFromString(text)
	if err != nil {
		return 0, err
	}
	if !d.IsInteger() {
		return 0, fmt.Errorf("it has a fraction")
	}
	// A large exponent is out of range whatever its digits; comparing it
	// would first write out all of its zeros.
	if d.Exponent() > 19 && !d.IsZero() {
		return 0, fmt.Errorf("it is out of range")
	}
	if d.LessThan(decimal.NewFromInt(math.MinInt64)) || d.GreaterThan(decimal.NewFromInt(math.MaxInt64)) {
		return 0, fmt.Errorf("it is out of range")
	}
	return d.IntPart(), nil
}

// isJSONNumber reports whether b, a valid JSON value, is a number.
func isJSONNumber(b []byte) bool {
	return len(b) > 0 && (b[0] == '-' || (b[0] >= '0' && b[0] <= '9'))
}
