package provider

import (
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
