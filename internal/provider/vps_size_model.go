package provider

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
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

var vpsSpecsAttrTypes = map[string]attr.Type{
	"product_name": types.StringType, "cpu": types.Int64Type, "ram_mb": types.Int64Type,
	"disk_gb": types.Int64Type, "bandwidth_gb": types.Int64Type,
}

// vpsOptionKeys are the v2 configurable options.
var vpsOptionKeys = []string{"additionalStorageGb", "backupSlots", "bandwidthGb", "ipv4Count", "ipv6", "snapshotSlots"}

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

func specsValue(name string, cpu, ramMB, diskGB, bandwidthGB int64) types.Object {
	return types.ObjectValueMust(vpsSpecsAttrTypes, map[string]attr.Value{
		"product_name": types.StringValue(name), "cpu": types.Int64Value(cpu), "ram_mb": types.Int64Value(ramMB),
		"disk_gb": types.Int64Value(diskGB), "bandwidth_gb": types.Int64Value(bandwidthGB),
	})
}

// recordReported takes, of the inputs m manages, the values HostUp reports
// in current. Inputs m does not manage stay unset. v1 reports no option
// quantities: resources keep what was bought.
func (m *vpsSizeModel) recordReported(current *vpsSizeModel) {
	if !m.Package.IsNull() {
		m.Package = current.Package
	}
	if !m.BillingCycle.IsNull() {
		m.BillingCycle = current.BillingCycle
	}
	if !m.ProductSlug.IsNull() {
		m.ProductSlug = current.ProductSlug
	}
	if managed := int64Map(m.Options); managed != nil {
		reported := int64Map(current.Options)
		for k := range managed {
			if v, ok := reported[k]; ok {
				managed[k] = v
			}
		}
		m.Options = optionsMap(managed)
	}
}

func (m *vpsSizeModel) Purchase() *purchase.Fields { return &m.Fields }

func (m *vpsSizeModel) Guards() purchase.Guards {
	return purchase.Guards{MaxAmount: m.MaxAmount, AllowDowngrade: m.AllowDowngrade, CancelExistingInvoice: m.CancelExistingInvoice}
}

func (m *vpsSizeModel) Describe() string { return "VM " + m.VMID.ValueString() }

func (m *vpsSizeModel) Imported() bool { return m.Specs.IsNull() }

// vpsOptionValues lists a VPS's options by v2 key, ipv6 as 0 or 1.
func vpsOptionValues(o client.VPSOptions) map[string]int64 {
	ipv6 := int64(0)
	if o.IPv6 {
		ipv6 = 1
	}
	return map[string]int64{"bandwidthGb": int64(o.BandwidthGB), "backupSlots": int64(o.BackupSlots),
		"snapshotSlots": int64(o.SnapshotSlots), "ipv4Count": int64(o.IPv4Count), "ipv6": ipv6,
		"additionalStorageGb": int64(o.AdditionalStorageGB)}
}

func optionsMap(values map[string]int64) types.Map {
	elems := make(map[string]attr.Value, len(values))
	for k, v := range values {
		elems[k] = types.Int64Value(v)
	}
	return types.MapValueMust(types.Int64Type, elems)
}

// int64Map reads a known map of quantities; nil when null or unknown.
func int64Map(m types.Map) map[string]int64 {
	if m.IsNull() || m.IsUnknown() {
		return nil
	}
	out := make(map[string]int64, len(m.Elements()))
	for k, v := range m.Elements() {
		if n, ok := v.(types.Int64); ok && !n.IsUnknown() && !n.IsNull() {
			out[k] = n.ValueInt64()
		}
	}
	return out
}

// describeQuantities prints option quantities in a stable order.
func describeQuantities(q map[string]int64) string {
	parts := make([]string, 0, len(q))
	for _, k := range slices.Sorted(maps.Keys(q)) {
		parts = append(parts, fmt.Sprintf("%s = %d", k, q[k]))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// pendingSizeKey is the private-state key of a bought change HostUp has not
// carried out yet (HostUp schedules VM changes).
const pendingSizeKey = "pending_size"

// pendingSize is a bought change, as the configuration named it.
type pendingSize struct {
	Package     string           `json:"package,omitempty"`
	ProductSlug string           `json:"product_slug,omitempty"`
	Options     map[string]int64 `json:"options,omitempty"`
	OrderID     string           `json:"order_id,omitempty"`
}

func (m *vpsSizeModel) pendingSize() pendingSize {
	p := pendingSize{Package: m.Package.ValueString(), ProductSlug: m.ProductSlug.ValueString(), Options: int64Map(m.Options)}
	if !m.LastOrder.IsNull() && !m.LastOrder.IsUnknown() {
		if id, ok := m.LastOrder.Attributes()["order_id"].(types.String); ok {
			p.OrderID = id.ValueString()
		}
	}
	return p
}

func (p pendingSize) encode() []byte {
	b, _ := json.Marshal(p) // a struct of strings and integers always encodes
	return b
}

func decodePendingSize(b []byte) (pendingSize, bool) {
	var p pendingSize
	if len(b) == 0 || json.Unmarshal(b, &p) != nil {
		return p, false
	}
	return p, true
}

// reportedBy reports whether HostUp shows the bought change in place.
func (p pendingSize) reportedBy(current *vpsSizeModel) bool {
	if p.Package != "" && current.Package.ValueString() != p.Package {
		return false
	}
	if p.ProductSlug != "" && current.ProductSlug.ValueString() != p.ProductSlug {
		return false
	}
	reported := int64Map(current.Options)
	for k, v := range p.Options {
		if got, ok := reported[k]; !ok || got != v {
			return false
		}
	}
	return true
}
