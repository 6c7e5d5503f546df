package hostupsim

import (
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"
)

// Money is an amount in minor units (öre). Prices are held and combined as
// integers so that the simulator never shows float artifacts and the same state
// always yields the same price.
type Money int64

// MustMoney parses a decimal amount such as "708.00", "-645.43" or "100".
// It panics on anything else; it is meant for literals in tests and seeds.
func MustMoney(s string) Money {
	m, err := parseMoney(s)
	if err != nil {
		panic(err)
	}
	return m
}

// parseMoney accepts an optional minus sign, digits and at most two decimals.
// Exponents and more precision are refused rather than rounded: an amount that
// cannot be represented exactly is a mistake in the caller.
func parseMoney(s string) (Money, error) {
	digits, neg := strings.CutPrefix(s, "-")
	whole, frac, hasDot := strings.Cut(digits, ".")
	if !isDigits(whole) || (hasDot && (!isDigits(frac) || len(frac) > 2)) {
		return 0, fmt.Errorf("hostupsim: invalid money amount %q (want e.g. \"708.00\")", s)
	}
	frac += strings.Repeat("0", 2-len(frac))
	v, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("hostupsim: money amount %q out of range", s)
	}
	if neg {
		v = -v
	}
	return Money(v), nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// String formats the amount with exactly two decimals, as v1 prints prices.
func (m Money) String() string {
	abs := uint64(m)
	sign := ""
	if m < 0 {
		abs = -abs // two's complement negation is exact even for the minimum value
		sign = "-"
	}
	return fmt.Sprintf("%s%d.%02d", sign, abs/100, abs%100)
}

// number formats the amount as a JSON number with at most two decimals and no
// trailing zeros (708, 311.2, 311.26), the way v2 writes amounts.
func (m Money) number() string {
	s := m.String()
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// MarshalText writes the amount as "708.00"; the admin API and logs use it.
func (m Money) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText parses "708.00".
func (m *Money) UnmarshalText(b []byte) error {
	v, err := parseMoney(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// UnmarshalJSON accepts both "238.03" and 238.03, parsing the literal text so
// that a JSON number never passes through float64.
func (m *Money) UnmarshalJSON(b []byte) error {
	s := string(b)
	if unq, err := strconv.Unquote(s); err == nil {
		s = unq
	}
	return m.UnmarshalText([]byte(s))
}

// v2Amount renders Money as a JSON number (v2 bodies carry amounts as numbers).
type v2Amount Money

func (a v2Amount) MarshalJSON() ([]byte, error) { return []byte(Money(a).number()), nil }

// prorate returns diff × remaining / period, rounded half away from zero to
// whole öre (ROUND_HALF_UP in the BigDecimal sense, so that a downgrade credit
// mirrors the upgrade charge exactly). remaining is clamped to [0, period].
func prorate(diff Money, remaining, period time.Duration) Money {
	if period <= 0 || remaining <= 0 {
		return 0
	}
	remaining = min(remaining, period)
	num := new(big.Int).Mul(big.NewInt(int64(diff)), big.NewInt(int64(remaining)))
	den := big.NewInt(int64(period))
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	if new(big.Int).Mul(new(big.Int).Abs(r), big.NewInt(2)).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(int64(num.Sign())))
	}
	if !q.IsInt64() {
		panic(errors.New("hostupsim: prorated amount overflows"))
	}
	return Money(q.Int64())
}
