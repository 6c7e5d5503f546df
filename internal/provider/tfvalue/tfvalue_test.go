package tfvalue

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

func TestAmountRoundTripIsExact(t *testing.T) {
	for _, s := range []string{"238.03", "-165.63", "0.1", "1188", "311.26", "0"} {
		n := Amount(client.MustAmount(s))
		back, err := ToAmount(n)
		if err != nil {
			t.Fatal(err)
		}
		if back.String() != s {
			t.Errorf("%s -> %s -> %s", s, n.ValueBigFloat().Text('f', -1), back)
		}
	}
}

func TestOptionalValues(t *testing.T) {
	if !OptionalAmount(client.Amount{}).IsNull() {
		t.Error("an amount HostUp left out must be null, not 0")
	}
	if !NonEmpty("").IsNull() || !Pointer(nil).IsNull() || Pointer(new(string)).IsNull() == false {
		t.Error("empty and absent strings must be null")
	}
	if !NonZero(client.FlexInt(0)).IsNull() || NonZero(client.FlexInt(4)).ValueInt64() != 4 {
		t.Error("NonZero")
	}
	if Text(types.StringNull()) != "none" || Text(types.StringValue("ord_1")) != "ord_1" {
		t.Error("Text")
	}
}
