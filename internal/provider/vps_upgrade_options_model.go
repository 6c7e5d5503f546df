package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

// vpsUpgradeOptionsModel is hostup_vps_upgrade_options's state.
type vpsUpgradeOptionsModel struct {
	VMID               types.String           `tfsdk:"vm_id"`
	Hostname           types.String           `tfsdk:"hostname"`
	CanChange          types.Bool             `tfsdk:"can_change"`
	CannotChangeReason types.String           `tfsdk:"cannot_change_reason"`
	Current            *vpsCurrentModel       `tfsdk:"current"`
	Plans              []planOptionModel      `tfsdk:"plans"`
	Options            []vpsConfigOptionModel `tfsdk:"options"`
}

// vpsCurrentModel is what the server runs now.
type vpsCurrentModel struct {
	Package      types.String `tfsdk:"package"`
	Name         types.String `tfsdk:"name"`
	Amount       types.Number `tfsdk:"amount"`
	CurrencyCode types.String `tfsdk:"currency_code"`
	BillingCycle types.String `tfsdk:"billing_cycle"`
	CPU          types.Int64  `tfsdk:"cpu"`
	RAMMB        types.Int64  `tfsdk:"ram_mb"`
	DiskGB       types.Int64  `tfsdk:"disk_gb"`
	BandwidthGB  types.Int64  `tfsdk:"bandwidth_gb"`
}

// FromV1 takes the computed attributes from v1's VM details; v1 lists
// neither plans nor options, nor the currency.
func (m *vpsUpgradeOptionsModel) FromV1(d *client.VMDetails) {
	m.Hostname = tfvalue.NonEmpty(d.Hostname)
	m.CanChange = types.BoolNull()
	m.CannotChangeReason = types.StringNull()
	m.Current = &vpsCurrentModel{
		Package:      tfvalue.NonEmpty(d.ProductID),
		Name:         tfvalue.NonEmpty(d.ProductName),
		Amount:       tfvalue.OptionalAmount(d.Price),
		CurrencyCode: types.StringNull(),
		BillingCycle: tfvalue.NonEmpty(d.BillingCycle),
		CPU:          tfvalue.NonZero(d.CPU),
		RAMMB:        tfvalue.NonZero(d.RAMMB),
		DiskGB:       tfvalue.NonZero(d.DiskGB),
		BandwidthGB:  tfvalue.NonZero(d.BandwidthLimit),
	}
	m.Plans, m.Options = nil, nil
}

// FromAPI takes the computed attributes from v2's read of the VPS and its
// upgrade options. HostUp documents the options' answer as little more than
// the plans' slugs and each option's key, type and minimum, so what the
// server runs now (its plan, price, specs and option values) comes from the
// read of the VPS.
func (m *vpsUpgradeOptionsModel) FromAPI(v *client.VPS, opts *client.VPSUpgradeOptions) {
	m.Hostname = tfvalue.NonEmpty(v.Hostname)
	m.CanChange = gateAllowed(opts.Actions.CanUpgrade)
	m.CannotChangeReason = tfvalue.Pointer(opts.Actions.CanUpgrade.Reason)
	m.Current = &vpsCurrentModel{
		Package:      tfvalue.NonEmpty(v.Plan.ProductSlug),
		Name:         tfvalue.NonEmpty(v.Plan.Name),
		Amount:       tfvalue.OptionalAmount(v.Billing.Amount),
		CurrencyCode: tfvalue.NonEmpty(v.Billing.CurrencyCode),
		BillingCycle: tfvalue.NonEmpty(v.Billing.BillingCycle),
		CPU:          tfvalue.NonZero(v.Specs.CPU),
		RAMMB:        tfvalue.NonZero(v.Specs.RAMMB),
		DiskGB:       tfvalue.NonZero(v.Specs.DiskGB),
		BandwidthGB:  tfvalue.NonZero(v.Specs.BandwidthGB),
	}
	m.Plans = planOptionsFromAPI(opts.AvailablePlans)
	var values map[string]int64
	if v.Options.Reported {
		values = vpsOptionValues(v.Options)
	}
	m.Options = make([]vpsConfigOptionModel, len(opts.ConfigurableOptions))
	for i, o := range opts.ConfigurableOptions {
		m.Options[i].FromAPI(o, values)
	}
}

// vpsConfigOptionModel is one configurable option, by v2 key.
type vpsConfigOptionModel struct {
	Key          types.String `tfsdk:"key"`
	Name         types.String `tfsdk:"name"`
	Type         types.String `tfsdk:"type"`
	Min          types.Int64  `tfsdk:"min"`
	Max          types.Int64  `tfsdk:"max"`
	Current      types.Int64  `tfsdk:"current"`
	Price        types.Number `tfsdk:"price"`
	CurrencyCode types.String `tfsdk:"currency_code"`
	BillingCycle types.String `tfsdk:"billing_cycle"`
}

// FromAPI takes one option. Its value now is the server's (values, by key,
// from the read of the VPS; nil when that read had no options), else the
// option's own current value; null when neither says.
func (m *vpsConfigOptionModel) FromAPI(o client.VPSConfigOption, values map[string]int64) {
	m.Key = types.StringValue(o.Key)
	m.Name = tfvalue.NonEmpty(o.Name)
	m.Type = tfvalue.NonEmpty(o.Type)
	m.Min = types.Int64Value(o.Min.Int64())
	// Every option can be set to more than 0, so a largest value of 0 is
	// HostUp leaving it out.
	m.Max = tfvalue.NonZero(o.Max)
	m.Current = types.Int64Null()
	if value, ok := values[o.Key]; ok {
		m.Current = types.Int64Value(value)
	} else if o.CurrentReported {
		m.Current = types.Int64Value(int64(o.Current))
	}
	m.Price = tfvalue.OptionalAmount(o.Price.Amount)
	m.CurrencyCode = tfvalue.NonEmpty(o.Price.CurrencyCode)
	m.BillingCycle = tfvalue.NonEmpty(o.Price.BillingCycle)
}
