package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

// virtualServersModel is hostup_virtual_servers's state.
type virtualServersModel struct {
	Name      types.String         `tfsdk:"name"`
	PrimaryIP types.String         `tfsdk:"primary_ip"`
	Servers   []virtualServerModel `tfsdk:"servers"`
}

// virtualServerModel is one VPS of the list.
type virtualServerModel struct {
	ID           types.String `tfsdk:"id"`
	Hostname     types.String `tfsdk:"hostname"`
	Status       types.String `tfsdk:"status"`
	ProductSlug  types.String `tfsdk:"product_slug"`
	PlanName     types.String `tfsdk:"plan_name"`
	BillingCycle types.String `tfsdk:"billing_cycle"`
	Amount       types.Number `tfsdk:"amount"`
	CurrencyCode types.String `tfsdk:"currency_code"`
	CPU          types.Int64  `tfsdk:"cpu"`
	RAMMB        types.Int64  `tfsdk:"ram_mb"`
	DiskGB       types.Int64  `tfsdk:"disk_gb"`
	BandwidthGB  types.Int64  `tfsdk:"bandwidth_gb"`
	PrimaryIP    types.String `tfsdk:"primary_ip"`
}

// FromAPI takes the servers as the VPS list has them, in its order.
func (m *virtualServersModel) FromAPI(servers []client.VPS) {
	m.Servers = make([]virtualServerModel, len(servers))
	for i, v := range servers {
		m.Servers[i].FromAPI(v)
	}
}

// FromAPI takes one server of the list; what HostUp leaves out (the primary
// IP, which HostUp documents only as a filter) is null.
func (m *virtualServerModel) FromAPI(v client.VPS) {
	m.ID, m.Hostname, m.Status = types.StringValue(v.ID), tfvalue.NonEmpty(v.Hostname), tfvalue.NonEmpty(v.Status)
	m.ProductSlug, m.PlanName = tfvalue.NonEmpty(v.Plan.ProductSlug), tfvalue.NonEmpty(v.Plan.Name)
	m.Amount = tfvalue.OptionalAmount(v.Billing.Amount)
	m.CurrencyCode, m.BillingCycle = tfvalue.NonEmpty(v.Billing.CurrencyCode), tfvalue.NonEmpty(v.Billing.BillingCycle)
	m.CPU, m.RAMMB = tfvalue.NonZero(v.Specs.CPU), tfvalue.NonZero(v.Specs.RAMMB)
	m.DiskGB, m.BandwidthGB = tfvalue.NonZero(v.Specs.DiskGB), tfvalue.NonZero(v.Specs.BandwidthGB)
	m.PrimaryIP = tfvalue.NonEmpty(v.PrimaryIP)
}
