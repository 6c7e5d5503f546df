package purchase

import (
	"context"
	"fmt"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

// maxAmountCeiling is the largest max_amount accepted. Terraform numbers have
// arbitrary exponents; a bound checked before any arithmetic keeps a value
// such as 1e10000000 from turning into millions of digits.
var maxAmountCeiling = client.MustAmount("1000000000")

var maxAmountCeilingFloat, _, _ = big.ParseFloat(maxAmountCeiling.String(), 10, 512, big.ToNearestEven)

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
	limit, err = tfvalue.ToAmount(n)
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

// maxAmountValidator checks max_amount's range before any arithmetic.
type maxAmountValidator struct{}

func (maxAmountValidator) Description(context.Context) string {
	return "must be between 0 and " + maxAmountCeiling.String()
}

func (v maxAmountValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (maxAmountValidator) ValidateNumber(_ context.Context, req validator.NumberRequest, resp *validator.NumberResponse) {
	if err := checkMaxAmountRange(req.ConfigValue); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid max_amount", err.Error())
	}
}
