package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
)

// The opt-ins that more than one paid resource offers, described once.

// cancelExistingInvoiceSchema is cancel_existing_invoice; note ends its
// description with what is particular to one resource.
func cancelExistingInvoiceSchema(note string) schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: "When unpaid invoices block the change, let HostUp cancel them (and the orders they bill) as " +
			"part of the change. Default `false`: the plan fails and names the invoice. With `true` the plan names each " +
			"invoice it cancels in `price_change.invoices_to_cancel`, and the apply cancels exactly those; an invoice " +
			"bought earlier in the same run is never cancelled." + note,
		Optional: true,
		Computed: true,
		Default:  booldefault.StaticBool(false),
	}
}

// allowDowngradeSchema is allow_downgrade; note says what a downgrade is.
func allowDowngradeSchema(note string) schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: "Allow a change that lowers the plan, size or an option. Default `false`: a downgrade fails " +
			"the plan, naming what it lowers." + note,
		Optional: true,
		Computed: true,
		Default:  booldefault.StaticBool(false),
	}
}
