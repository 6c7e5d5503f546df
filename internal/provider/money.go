package provider

import (
	"fmt"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// numberPrecision matches Terraform's own number precision, so that a price
// such as 238.03 round-trips through state without binary rounding showing.
const numberPrecision = 512

// numberValue converts an exact API amount to a Terraform number.
func numberValue(a client.Amount) types.Number {
	f, _, err := big.ParseFloat(a.String(), 10, numberPrecision, big.ToNearestEven)
	if err != nil {
		// An Amount always prints as a decimal, so this cannot happen.
		panic("hostup: unprintable amount " + a.String())
	}
	return types.NumberValue(f)
}

// amountFromNumber converts a Terraform number (e.g. max_amount) to an exact
// decimal, through its shortest decimal text.
func amountFromNumber(n types.Number) (client.Amount, error) {
	return client.NewAmount(n.ValueBigFloat().Text('f', -1))
}

// maxAmountCeiling is the largest max_amount accepted. Terraform numbers have
// arbitrary exponents; a bound checked before any arithmetic keeps a value such
// as 1e10000000 from turning into millions of digits.
var maxAmountCeiling = client.MustAmount("1000000000")

var maxAmountCeilingFloat, _, _ = big.ParseFloat(maxAmountCeiling.String(), 10, numberPrecision, big.ToNearestEven)

// checkMaxAmountRange refuses a max_amount below 0 or above the ceiling,
// comparing binary floats only, which is cheap at any exponent.
func checkMaxAmountRange(n types.Number) error {
	if n.IsNull() || n.IsUnknown() {
		return nil
	}
	f := n.ValueBigFloat()
	switch {
	case f.Sign() < 0:
		return fmt.Errorf("max_amount is the most a change may cost now; it cannot be negative")
	case f.Cmp(maxAmountCeilingFloat) > 0:
		return fmt.Errorf("max_amount must be at most %s", maxAmountCeiling)
	}
	return nil
}

// maxAmountLimit is max_amount as an exact amount; set is false when it is
// null or unknown.
func maxAmountLimit(n types.Number) (limit client.Amount, set bool, err error) {
	if n.IsNull() || n.IsUnknown() {
		return client.Amount{}, false, nil
	}
	if err := checkMaxAmountRange(n); err != nil {
		return client.Amount{}, false, err
	}
	limit, err = amountFromNumber(n)
	return limit, err == nil, err
}

// maxAmountText prints max_amount for messages.
func maxAmountText(n types.Number) string {
	limit, set, err := maxAmountLimit(n)
	if !set || err != nil {
		return "unset"
	}
	return limit.String()
}
