package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
)

// NewVPSUpgradeOptionsDataSource is the hostup_vps_upgrade_options data source.
func NewVPSUpgradeOptionsDataSource() datasource.DataSource {
	return &vpsUpgradeOptionsDataSource{dataSourceBase{typeName: "vps_upgrade_options"}}
}

// vpsUpgradeOptionsDataSource shows what a VM runs and, on v2, what it can
// change to: the plans and configurable options with their prices.
type vpsUpgradeOptionsDataSource struct{ dataSourceBase }

func (d *vpsUpgradeOptionsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "What a VPS runs now and what it can change to. With a v2 id (`vps_…`) HostUp lists the " +
			"plans (`plans`) and configurable options (`options`, by key) with their prices. With a v1 VM id (an integer) " +
			"only the current package, price and specs are available: HostUp's v1 API has no public endpoint that lists " +
			"other packages or the configurable-option ids (such as `2231`) that `hostup_vps_size.resources` takes, so " +
			"`plans`, `options` and `can_change` are null for v1 ids. What a change costs *now* (prorated) is the " +
			"resource's `price_change`, not this data source's recurring prices. HostUp may list plans by slug alone, " +
			"and options without their name, largest value or price: those attributes are then null." +
			scopesNote("hostup_vps_upgrade_options"),
		Attributes: map[string]schema.Attribute{
			"vm_id": schema.StringAttribute{
				MarkdownDescription: "The VM's v1 id (an integer such as `10000`) or v2 id (`vps_…`).",
				Required:            true,
				Validators:          []validator.String{vmIDValidator},
			},
			"hostname":             computedString("The server's hostname."),
			"can_change":           computedBool("Whether HostUp allows a change now (v2 only); null when HostUp does not say."),
			"cannot_change_reason": computedString("HostUp's reason when `can_change` is false (e.g. an upgrade still being carried out)."),
			"current": computedObject("The current package and what it runs with, configurable options included.", map[string]schema.Attribute{
				"package":       computedString("The package: its product id (`1937`) for a v1 id, its slug (`vps-l`) for a v2 id."),
				"name":          computedString("Package name, e.g. `VPS L`."),
				"amount":        computedNumber("Recurring price per `billing_cycle`, options included, exact."),
				"currency_code": computedString("ISO currency code; null for a v1 id (v1's VM details do not name the currency)."),
				"billing_cycle": computedString("`monthly` or `annually`."),
				"cpu":           computedInt("vCPUs."),
				"ram_mb":        computedInt("Memory in MB."),
				"disk_gb":       computedInt("Disk in GB, additional storage included."),
				"bandwidth_gb":  computedInt("Monthly bandwidth in GB."),
			}),
			"plans": computedList("Every other plan, in HostUp's order (smallest first), priced with the server's options (v2 only).",
				planOptionAttributes("hostup_vps_size", "server")),
			"options": computedList("The configurable options, by v2 key (v2 only).", map[string]schema.Attribute{
				"key":           computedString("Option key, e.g. `bandwidthGb`, `backupSlots`, `ipv6`: the keys `hostup_vps_size.options` takes."),
				"name":          computedString("Option name."),
				"type":          computedString("`quantity`, or `boolean` (values 0 and 1)."),
				"min":           computedInt("Smallest value."),
				"max":           computedInt("Largest value; null when HostUp does not say."),
				"current":       computedInt("The server's value now."),
				"price":         computedNumber("Price per unit and `billing_cycle`, exact; null when HostUp does not say."),
				"currency_code": computedString("ISO currency code."),
				"billing_cycle": computedString("The server's billing cycle."),
			}),
		},
	}
}

func (d *vpsUpgradeOptionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	model, ok := readConfig[vpsUpgradeOptionsModel](ctx, req, &resp.Diagnostics)
	if !ok {
		return
	}
	vm, err := parseVMID(model.VMID.ValueString())
	if err != nil { // the validator has refused it already
		resp.Diagnostics.AddAttributeError(path.Root("vm_id"), "Invalid VM id", err.Error())
		return
	}
	target := vmErrors
	if !vm.isV2() {
		details, err := d.client.GetVMDetails(ctx, vm.v1)
		if err != nil {
			apierror.Add(&resp.Diagnostics, "Could not read VM "+vm.String(), err, target)
			return
		}
		model.FromV1(details)
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
		model.FromAPI(vps, opts)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}
