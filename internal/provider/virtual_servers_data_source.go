package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
)

// NewVirtualServersDataSource is the hostup_virtual_servers data source.
func NewVirtualServersDataSource() datasource.DataSource {
	return &virtualServersDataSource{dataSourceBase{typeName: "virtual_servers"}}
}

// virtualServersDataSource lists the v2 VPSs of the API key's customer:
// where the vps_ ids and current plans that hostup_vps_size takes come from.
type virtualServersDataSource struct{ dataSourceBase }

func (d *virtualServersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Every VPS the API key can see, with its v2 id (`vps_…`), the id `hostup_vps_size` and " +
			"`hostup_vps_upgrade_options` take, and its current plan, price and specs. Reads all pages of " +
			"`GET /api/v2/vps` (one request per 100 servers), and nothing per server; `name` and `primary_ip` are " +
			"sent to HostUp, which filters the list." +
			scopesNote("hostup_virtual_servers"),
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				MarkdownDescription: "Only the servers whose hostname contains this, ignoring case (e.g. `web`).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"primary_ip": schema.StringAttribute{
				MarkdownDescription: "Only the server whose primary IP address is exactly this (e.g. `203.0.113.10`).",
				Optional:            true,
				Validators:          []validator.String{ipAddressValidator},
			},
			"servers": computedList("The servers, in HostUp's order.", map[string]schema.Attribute{
				"id":            computedString("v2 VPS id (`vps_…`)."),
				"hostname":      computedString("Hostname."),
				"status":        computedString("Service status, e.g. `active`."),
				"product_slug":  computedString("Slug of the current plan, e.g. `vps-l`: the value `hostup_vps_size.product_slug` takes to keep it."),
				"plan_name":     computedString("Name of the current plan, e.g. `VPS L`."),
				"billing_cycle": computedString("Billing cycle, e.g. `monthly`."),
				"amount":        computedNumber("Recurring price per `billing_cycle`, configurable options included, exact; null when HostUp does not say."),
				"currency_code": computedString("ISO currency code."),
				"cpu":           computedInt("vCPUs."),
				"ram_mb":        computedInt("Memory in MB."),
				"disk_gb":       computedInt("Disk in GB, additional storage included."),
				"bandwidth_gb":  computedInt("Monthly bandwidth in GB."),
				"primary_ip":    computedString("Primary IP address; null when HostUp does not say."),
			}),
		},
	}
}

func (d *virtualServersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	model, ok := readConfig[virtualServersModel](ctx, req, &resp.Diagnostics)
	if !ok {
		return
	}
	filter := client.VPSFilter{Name: model.Name.ValueString(), PrimaryIP: model.PrimaryIP.ValueString()}
	servers, err := d.client.ListVPSes(ctx, filter)
	if err != nil {
		apierror.Add(&resp.Diagnostics, "Could not list the VPSs", err, apierror.Target{})
		return
	}
	model.FromAPI(servers)
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}
