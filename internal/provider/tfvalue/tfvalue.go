// Package tfvalue converts HostUp's answers into Terraform values: exact
// amounts, and strings where HostUp's "nothing" is an empty string.
package tfvalue

import (
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// numberPrecision matches Terraform's own number precision, so that a price
// such as 238.03 round-trips through state without binary rounding showing.
const numberPrecision = 512

// Amount converts an exact API amount to a Terraform number.
func Amount(a client.Amount) types.Number {
	f, _, err := big.ParseFloat(a.String(), 10, numberPrecision, big.ToNearestEven)
	if err != nil {
		// An Amount always prints as a decimal, so this cannot happen.
		panic("hostup: unprintable amount " + a.String())
	}
	return types.NumberValue(f)
}

// OptionalAmount is Amount, or null when HostUp's answer left the amount out.
func OptionalAmount(a client.Amount) types.Number {
	if !a.IsSet() {
		return types.NumberNull()
	}
	return Amount(a)
}

// ToAmount converts a Terraform number to an exact decimal, through its
// shortest decimal text. Callers bound the number's range first.
func ToAmount(n types.Number) (client.Amount, error) {
	return client.NewAmount(n.ValueBigFloat().Text('f', -1))
}

// NumberText prints a number for messages; "unknown" when it is not known.
func NumberText(n types.Number) string {
	if n.IsNull() || n.IsUnknown() {
		return "unknown"
	}
	return n.ValueBigFloat().Text('f', -1)
}

// NonEmpty is s, or null when s is empty.
func NonEmpty(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// NonZero is n, or null when n is 0: where 0 cannot be a real value (a
// server's CPUs, memory or disk, an option's largest value), it is HostUp
// leaving the number out, which decodes as 0.
func NonZero[N ~int64](n N) types.Int64 {
	if n == 0 {
		return types.Int64Null()
	}
	return types.Int64Value(int64(n))
}

// Pointer is *s, or null when s is nil or empty.
func Pointer(s *string) types.String {
	if s == nil {
		return types.StringNull()
	}
	return NonEmpty(*s)
}

// Text is the value of a known, non-empty string, or "none".
func Text(s types.String) string {
	if s.IsNull() || s.IsUnknown() || s.ValueString() == "" {
		return "none"
	}
	return s.ValueString()
}
