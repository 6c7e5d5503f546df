package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/purchase"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

// sharedHostingPlanModel is hostup_shared_hosting_plan's state.
type sharedHostingPlanModel struct {
	purchase.Fields
	AccountID             types.String `tfsdk:"account_id"`
	ProductSlug           types.String `tfsdk:"product_slug"`
	ProductID             types.String `tfsdk:"product_id"`
	AllowDowngrade        types.Bool   `tfsdk:"allow_downgrade"`
	CancelExistingInvoice types.Bool   `tfsdk:"cancel_existing_invoice"`
	Domain                types.String `tfsdk:"domain"`
	ServiceStatus         types.String `tfsdk:"service_status"`
	CurrentProduct        types.Object `tfsdk:"current_product"`
}

// FromAPI takes a v2 account's plan from its upgrade options, and its
// status from the account.
func (m *sharedHostingPlanModel) FromAPI(opts *client.UpgradeOptions, acct *client.SharedHostingAccount) {
	m.ProductSlug = types.StringValue(opts.CurrentPackage.ProductSlug)
	m.Domain = types.StringValue(opts.Domain)
	m.ServiceStatus = types.StringValue(acct.ServiceStatus)
	m.CurrentProduct = productValue(opts.CurrentPackage.ProductSlug, opts.CurrentPackage.Name)
}

// FromV1 takes a v1 account's plan from its billing-cycle answer, which
// reports no service status.
func (m *sharedHostingPlanModel) FromV1(info *client.BillingCycleInfo) {
	m.ProductID = types.StringValue(info.ProductID)
	m.Domain = types.StringValue(info.AccountDetails.Domain)
	m.ServiceStatus = types.StringNull()
	m.CurrentProduct = productValue(info.ProductID, info.AccountDetails.Name)
}

// describeTarget names the plan asked for, in the account's generation's
// terms; it may be unknown at plan time.
func (m *sharedHostingPlanModel) describeTarget() string {
	target := m.ProductSlug
	if target.IsNull() {
		target = m.ProductID
	}
	if target.IsUnknown() {
		return "a product known only after apply"
	}
	return target.ValueString()
}

// ToAPI is the v2 change the model asks for.
func (m *sharedHostingPlanModel) ToAPI() client.SharedHostingUpgrade {
	return client.SharedHostingUpgrade{ProductSlug: m.ProductSlug.ValueString(), CancelExistingInvoice: m.CancelExistingInvoice.ValueBool()}
}

func (m *sharedHostingPlanModel) Purchase() *purchase.Fields { return &m.Fields }

func (m *sharedHostingPlanModel) Guards() purchase.Guards {
	return purchase.Guards{MaxAmount: m.MaxAmount, AllowDowngrade: m.AllowDowngrade, CancelExistingInvoice: m.CancelExistingInvoice}
}

func (m *sharedHostingPlanModel) Describe() string {
	return "hosting account " + m.AccountID.ValueString()
}

func (m *sharedHostingPlanModel) Imported() bool { return m.CurrentProduct.IsNull() }

// current_product names a plan: its slug (v2) or product id (v1), and its name.

var productAttrTypes = map[string]attr.Type{"id": types.StringType, "name": types.StringType}

func productSchema() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "The plan the account is on (after the pending change, in a plan): `id` is the product " +
			"slug on v2 accounts and the product id on v1 accounts.",
		Computed: true,
		Attributes: map[string]schema.Attribute{
			"id":   schema.StringAttribute{Computed: true, MarkdownDescription: "Product slug (v2) or product id (v1)."},
			"name": schema.StringAttribute{Computed: true, MarkdownDescription: "Product name, e.g. `Business`."},
		},
	}
}

func productValue(id, name string) types.Object {
	return types.ObjectValueMust(productAttrTypes, map[string]attr.Value{"id": types.StringValue(id), "name": tfvalue.NonEmpty(name)})
}
