package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
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

// subjectAttribute names what a paid resource manages (an account, a VM): it
// is checked at validate time, and another value is another subject, which
// Terraform plans as a replacement.
func subjectAttribute(description string, v validator.String) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Required: true, Validators: []validator.String{v},
		PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}}
}

// slugAttribute names a v2 plan by its catalogue slug.
func slugAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Optional: true,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)}}
}

// productIDAttribute names a v1 plan or package by its numeric product id.
func productIDAttribute(description, example string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Optional: true,
		Validators: []validator.String{stringvalidator.RegexMatches(v1IDPattern, "must be a numeric product id such as "+example)}}
}
