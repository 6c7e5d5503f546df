package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/purchase"
)

// vpsSizeModel is hostup_vps_size's state.
type vpsSizeModel struct {
	purchase.Fields
	VMID                  types.String `tfsdk:"vm_id"`
	Package               types.String `tfsdk:"package"`
	Resources             types.Map    `tfsdk:"resources"`
	BillingCycle          types.String `tfsdk:"billing_cycle"`
	ProductSlug           types.String `tfsdk:"product_slug"`
	Options               types.Map    `tfsdk:"options"`
	AllowDowngrade        types.Bool   `tfsdk:"allow_downgrade"`
	CancelExistingInvoice types.Bool   `tfsdk:"cancel_existing_invoice"`
	Specs                 types.Object `tfsdk:"specs"`
}

// FromAPI reads what HostUp reports of a v2 VPS: its plan, options and specs.
func (m *vpsSizeModel) FromAPI(v *client.VPS) {
	m.ProductSlug = types.StringValue(v.Plan.ProductSlug)
	m.Options = optionsMap(vpsOptionValues(v.Options))
	m.Specs = specsValue(v.Plan.Name, int64(v.Specs.CPU), int64(v.Specs.RAMMB), int64(v.Specs.DiskGB), int64(v.Specs.BandwidthGB))
}

// FromV1 reads what HostUp reports of a v1 VM: its package, cycle and
// specs. v1 reports no option quantities.
func (m *vpsSizeModel) FromV1(d *client.VMDetails) {
	m.Package = types.StringValue(d.ProductID)
	m.BillingCycle = types.StringValue(d.BillingCycle)
	m.Specs = specsValue(d.ProductName, int64(d.CPU), int64(d.RAMMB), int64(d.DiskGB), int64(d.BandwidthLimit))
}

func (m *vpsSizeModel) Purchase() *purchase.Fields { return &m.Fields }

func (m *vpsSizeModel) Guards() purchase.Guards {
	return purchase.Guards{MaxAmount: m.MaxAmount, AllowDowngrade: m.AllowDowngrade, CancelExistingInvoice: m.CancelExistingInvoice}
}

func (m *vpsSizeModel) Describe() string { return "VM " + m.VMID.ValueString() }

func (m *vpsSizeModel) Imported() bool { return m.Specs.IsNull() }
