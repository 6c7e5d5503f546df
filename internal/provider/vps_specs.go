package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// What a VPS runs with, as HostUp reports it: its package's name, vCPUs,
// memory, disk and bandwidth.

var vpsSpecsAttrTypes = map[string]attr.Type{
	"product_name": types.StringType, "cpu": types.Int64Type, "ram_mb": types.Int64Type,
	"disk_gb": types.Int64Type, "bandwidth_gb": types.Int64Type,
}

// specsSchema is specs, what the VM runs with; after a change, once HostUp
// has carried it out (HostUp schedules VM changes).
func specsSchema() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: "What the VM runs with, as HostUp reports it; after a change, once HostUp has carried it out.",
		Computed:            true,
		Attributes: map[string]schema.Attribute{
			"product_name": schema.StringAttribute{Computed: true, MarkdownDescription: "Package name, e.g. `VPS L`."},
			"cpu":          schema.Int64Attribute{Computed: true, MarkdownDescription: "vCPUs."},
			"ram_mb":       schema.Int64Attribute{Computed: true, MarkdownDescription: "Memory in MB."},
			"disk_gb":      schema.Int64Attribute{Computed: true, MarkdownDescription: "Disk in GB, additional storage included."},
			"bandwidth_gb": schema.Int64Attribute{Computed: true, MarkdownDescription: "Bandwidth limit in GB."},
		},
	}
}

func specsValue(name string, cpu, ramMB, diskGB, bandwidthGB int64) types.Object {
	return types.ObjectValueMust(vpsSpecsAttrTypes, map[string]attr.Value{
		"product_name": types.StringValue(name), "cpu": types.Int64Value(cpu), "ram_mb": types.Int64Value(ramMB),
		"disk_gb": types.Int64Value(diskGB), "bandwidth_gb": types.Int64Value(bandwidthGB),
	})
}
