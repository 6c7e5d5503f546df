package purchase

import (
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Fields are the attributes every paid resource shares. Each resource's
// model embeds them.
type Fields struct {
	MaxAmount   types.Number `tfsdk:"max_amount"`
	PriceChange types.Object `tfsdk:"price_change"`
	PriceStatus types.String `tfsdk:"price_status"`
	LastOrder   types.Object `tfsdk:"last_order"`
}

// pending reports whether the plan holds a purchase: ModifyPlan marks one by
// leaving last_order unknown.
func (f *Fields) pending() bool { return f.LastOrder.IsUnknown() }

// Settled is the state of a change that has taken effect: nothing pending.
func (f *Fields) Settled() {
	f.PriceChange = types.ObjectNull(priceChangeAttrTypes)
	f.PriceStatus = types.StringNull()
	if f.LastOrder.IsUnknown() {
		f.LastOrder = types.ObjectNull(orderAttrTypes)
	}
}

// Guards are the user's limits on a change. A resource without one of them
// leaves it null.
type Guards struct {
	MaxAmount             types.Number
	AllowDowngrade        types.Bool
	CancelExistingInvoice types.Bool
}

// cancelsInvoices reports whether the user let HostUp cancel blocking invoices.
func (g Guards) cancelsInvoices() bool { return g.CancelExistingInvoice.ValueBool() }

// Values of price_status: where price_change comes from.
const (
	// StatusPreviewed: price_change is HostUp's preview of this change.
	StatusPreviewed = "previewed"
	// StatusNoPreview: HostUp has no preview for this change (v1 hosting);
	// the plan warns, and the apply buys at HostUp's price.
	StatusNoPreview = "not_previewable"
	// StatusUnpriced: an input of the change is unknown until apply and no
	// max_amount bounds it. The apply-time plan, which can price it, reports
	// "previewed" instead, and Terraform refuses the apply as an inconsistent
	// final plan: nothing unpriced is ever bought.
	StatusUnpriced = "unpriced"
)

// PriceStatusSchema is price_status, the same on every paid resource;
// source says where a known price comes from.
func PriceStatusSchema(source string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "Where `price_change` comes from: `" + StatusPreviewed + "` (" + source + "), `" +
			StatusNoPreview + "` (HostUp has no preview for this change; the plan warns), or `" + StatusUnpriced + "` (an " +
			"input of the change is unknown until apply and no `max_amount` bounds it: applying such a plan stops before " +
			"anything is bought). Unknown in the plan when an input is unknown and `max_amount` bounds the change. Null " +
			"when nothing is pending.",
		Computed: true,
	}
}

// MaxAmountSchema is max_amount; note ends the description with what is
// particular to one resource.
func MaxAmountSchema(note string) schema.NumberAttribute {
	return schema.NumberAttribute{
		MarkdownDescription: "Spend guard: the plan fails when the amount due now for the change exceeds this (in the " +
			"currency HostUp prices the change in). Checked again at apply, before anything is bought. When an input of " +
			"the change is only known after apply, the change is bought only if `max_amount` bounds it. From 0 to " +
			maxAmountCeiling.String() + "." + note,
		Optional:   true,
		Validators: []validator.Number{maxAmountValidator{}},
	}
}
