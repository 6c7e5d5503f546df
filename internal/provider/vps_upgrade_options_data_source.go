package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

var (
	_ datasource.DataSource              = (*vpsUpgradeOptionsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*vpsUpgradeOptionsDataSource)(nil)
)

// NewVPSUpgradeOptionsDataSource is the hostup_vps_upgrade_options data source.
func NewVPSUpgradeOptionsDataSource() datasource.DataSource {
	return &vpsUpgradeOptionsDataSource{}
}

// vpsUpgradeOptionsDataSource shows what a VM runs and, on v2, what it can
// change to: the plans and configurable options with their prices.
type vpsUpgradeOptionsDataSource struct {
	client *client.Client
}

type vpsUpgradeOptionsModel struct {
	VMID               types.String           `tfsdk:"vm_id"`
	Hostname           types.String           `tfsdk:"hostname"`
	CanChange          types.Bool             `tfsdk:"can_change"`
	CannotChangeReason types.String           `tfsdk:"cannot_change_reason"`
	Current            *vpsCurrentModel       `tfsdk:"current"`
	Plans              []vpsPlanOptionModel   `tfsdk:"plans"`
	Options            []vpsConfigOptionModel `tfsdk:"options"`
}

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

type vpsPlanOptionModel struct {
	ProductSlug  types.String `tfsdk:"product_slug"`
	Name         types.String `tfsdk:"name"`
	Type         types.String `tfsdk:"type"`
	Amount       types.Number `tfsdk:"amount"`
	CurrencyCode types.String `tfsdk:"currency_code"`
	BillingCycle types.String `tfsdk:"billing_cycle"`
	Available    types.Bool   `tfsdk:"available"`
	Reason       types.String `tfsdk:"reason"`
}

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

func (d *vpsUpgradeOptionsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_vps_upgrade_options"
}

func (d *vpsUpgradeOptionsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computedString := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	computedInt := func(desc string) schema.Int64Attribute {
		return schema.Int64Attribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "What a VPS runs now and what it can change to. With a v2 id (`vps_…`) HostUp lists the " +
			"plans (`plans`) and configurable options (`options`, by key) with their prices. With a v1 VM id (an integer) " +
			"only the current package, price and specs are available: HostUp's v1 API has no public endpoint that lists " +
			"other packages or the configurable-option ids (such as `2231`) that `hostup_vps_size.resources` takes, so " +
			"`plans`, `options` and `can_change` are null for v1 ids. What a change costs *now* (prorated) is the " +
			"resource's `price_change`, not this data source's recurring prices." +
			scopesNote("hostup_vps_upgrade_options"),
		Attributes: map[string]schema.Attribute{
			"vm_id": schema.StringAttribute{
				MarkdownDescription: "The VM's v1 id (an integer such as `10000`) or v2 id (`vps_…`).",
				Required:            true,
				Validators:          []validator.String{vmIDValidator},
			},
			"hostname":             computedString("The server's hostname."),
			"can_change":           schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether HostUp allows a change now (v2 only)."},
			"cannot_change_reason": computedString("HostUp's reason when `can_change` is false (e.g. an upgrade still being carried out)."),
			"current": schema.SingleNestedAttribute{
				Computed: true, MarkdownDescription: "The current package and what it runs with, configurable options included.",
				Attributes: map[string]schema.Attribute{
					"package":       computedString("The package: its product id (`1937`) for a v1 id, its slug (`vps-l`) for a v2 id."),
					"name":          computedString("Package name, e.g. `VPS L`."),
					"amount":        schema.NumberAttribute{Computed: true, MarkdownDescription: "Recurring price per `billing_cycle`, options included, exact."},
					"currency_code": computedString("ISO currency code; null for a v1 id (v1's VM details do not name the currency)."),
					"billing_cycle": computedString("`monthly` or `annually`."),
					"cpu":           computedInt("vCPUs."),
					"ram_mb":        computedInt("Memory in MB."),
					"disk_gb":       computedInt("Disk in GB, additional storage included."),
					"bandwidth_gb":  computedInt("Monthly bandwidth in GB."),
				},
			},
			"plans": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "Every other plan, in HostUp's order (smallest first), priced with the server's options (v2 only).",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"product_slug":  computedString("Plan slug, e.g. `vps-xl`."),
					"name":          computedString("Plan name."),
					"type":          computedString("`upgrade` or `downgrade` relative to the current plan."),
					"amount":        schema.NumberAttribute{Computed: true, MarkdownDescription: "Recurring price per `billing_cycle`, exact."},
					"currency_code": computedString("ISO currency code."),
					"billing_cycle": computedString("The server's billing cycle."),
					"available":     schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether HostUp offers this plan to the server now."},
					"reason":        computedString("Why the plan is not available, if it is not."),
				}},
			},
			"options": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The configurable options, by v2 key (v2 only).",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"key":           computedString("Option key, e.g. `bandwidthGb`, `backupSlots`, `ipv6`."),
					"name":          computedString("Option name."),
					"type":          computedString("`quantity`, or `boolean` (values 0 and 1)."),
					"min":           computedInt("Smallest value."),
					"max":           computedInt("Largest value."),
					"current":       computedInt("The server's value now."),
					"price":         schema.NumberAttribute{Computed: true, MarkdownDescription: "Price per unit and `billing_cycle`, exact."},
					"currency_code": computedString("ISO currency code."),
					"billing_cycle": computedString("The server's billing cycle."),
				}},
			},
		},
	}
}

func (d *vpsUpgradeOptionsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFromProviderData(req.ProviderData, &resp.Diagnostics)
}

func (d *vpsUpgradeOptionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model vpsUpgradeOptionsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	vm, err := parseVMID(model.VMID.ValueString())
	if err != nil { // the validator has refused it already
		resp.Diagnostics.AddAttributeError(path.Root("vm_id"), "Invalid VM id", err.Error())
		return
	}
	target := apierror.At(path.Root("vm_id"), vmLookup)
	if !vm.isV2() {
		details, err := d.client.GetVMDetails(ctx, vm.v1)
		if err != nil {
			apierror.Add(&resp.Diagnostics, "Could not read VM "+vm.String(), err, target)
			return
		}
		model.fromVMDetails(details)
	} else {
		vps, err := d.client.GetVPS(ctx, vm.v2)
		if err != nil {
			apierror.Add(&resp.Diagnostics, "Could not read VPS "+vm.String(), err, target)
			return
		}
		opts, err := d.client.GetVPSUpgradeOptions(ctx, vm.v2)
		if err != nil {
			apierror.Add(&resp.Diagnostics, "Could not read what VPS "+vm.String()+" can change to", err, target)
			return
		}
		model.fromVPS(vps, opts)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}

// fromVMDetails fills the computed attributes from v1's VM details; v1 lists
// neither plans nor options.
func (m *vpsUpgradeOptionsModel) fromVMDetails(d *client.VMDetails) {
	m.Hostname = types.StringValue(d.Hostname)
	m.CanChange = types.BoolNull()
	m.CannotChangeReason = types.StringNull()
	m.Current = &vpsCurrentModel{
		Package:      types.StringValue(d.ProductID),
		Name:         types.StringValue(d.ProductName),
		Amount:       tfvalue.Amount(d.Price),
		CurrencyCode: types.StringNull(),
		BillingCycle: types.StringValue(d.BillingCycle),
		CPU:          types.Int64Value(int64(d.CPU)),
		RAMMB:        types.Int64Value(int64(d.RAMMB)),
		DiskGB:       types.Int64Value(int64(d.DiskGB)),
		BandwidthGB:  types.Int64Value(int64(d.BandwidthLimit)),
	}
	m.Plans, m.Options = nil, nil
}

// fromVPS fills the computed attributes from v2's VPS and upgrade options.
func (m *vpsUpgradeOptionsModel) fromVPS(v *client.VPS, opts *client.VPSUpgradeOptions) {
	m.Hostname = types.StringValue(v.Hostname)
	m.CanChange = types.BoolValue(opts.Actions.CanUpgrade.Allowed)
	m.CannotChangeReason = types.StringPointerValue(opts.Actions.CanUpgrade.Reason)
	cur := opts.CurrentPlan
	m.Current = &vpsCurrentModel{
		Package:      types.StringValue(cur.ProductSlug),
		Name:         types.StringValue(cur.Name),
		Amount:       tfvalue.Amount(cur.Billing.Amount),
		CurrencyCode: types.StringValue(cur.Billing.CurrencyCode),
		BillingCycle: types.StringValue(cur.Billing.BillingCycle),
		CPU:          types.Int64Value(int64(v.Specs.CPU)),
		RAMMB:        types.Int64Value(int64(v.Specs.RAMMB)),
		DiskGB:       types.Int64Value(int64(v.Specs.DiskGB)),
		BandwidthGB:  types.Int64Value(int64(v.Specs.BandwidthGB)),
	}
	m.Plans = make([]vpsPlanOptionModel, 0, len(opts.AvailablePlans))
	for _, p := range opts.AvailablePlans {
		m.Plans = append(m.Plans, vpsPlanOptionModel{
			ProductSlug:  types.StringValue(p.ProductSlug),
			Name:         types.StringValue(p.Name),
			Type:         types.StringValue(p.Type),
			Amount:       tfvalue.Amount(p.Billing.Amount),
			CurrencyCode: types.StringValue(p.Billing.CurrencyCode),
			BillingCycle: types.StringValue(p.Billing.BillingCycle),
			Available:    types.BoolValue(p.Available),
			Reason:       types.StringPointerValue(p.Reason),
		})
	}
	m.Options = make([]vpsConfigOptionModel, 0, len(opts.ConfigurableOptions))
	for _, o := range opts.ConfigurableOptions {
		m.Options = append(m.Options, vpsConfigOptionModel{
			Key:          types.StringValue(o.Key),
			Name:         types.StringValue(o.Name),
			Type:         types.StringValue(o.Type),
			Min:          types.Int64Value(int64(o.Min)),
			Max:          types.Int64Value(int64(o.Max)),
			Current:      types.Int64Value(int64(o.Current)),
			Price:        tfvalue.Amount(o.Price.Amount),
			CurrencyCode: types.StringValue(o.Price.CurrencyCode),
			BillingCycle: types.StringValue(o.Price.BillingCycle),
		})
	}
}
