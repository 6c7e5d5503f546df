package provider

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// Configurable options of a VPS, as quantities by key: how HostUp reports
// them, how configurations name them, and how messages describe them.

// vpsOptionKeys are the v2 configurable options.
var vpsOptionKeys = []string{"additionalStorageGb", "backupSlots", "bandwidthGb", "ipv4Count", "ipv6", "snapshotSlots"}

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

// quantityChange is what a change of quantities changes: each quantity
// that differs from what is in place, and what it lowers
// ("backupSlots 7 → 0"). A quantity not in place yet is a change, never a
// lowering.
type quantityChange struct {
	changed map[string]int64
	lowers  []string
}

func diffQuantities(current, wanted map[string]int64) quantityChange {
	d := quantityChange{changed: map[string]int64{}}
	for _, k := range slices.Sorted(maps.Keys(wanted)) {
		had, ok := current[k]
		if ok && had == wanted[k] {
			continue
		}
		d.changed[k] = wanted[k]
		if ok && wanted[k] < had {
			d.lowers = append(d.lowers, fmt.Sprintf("%s %d → %d", k, had, wanted[k]))
		}
	}
	return d
}

// describe names what the change moves from and to.
func (d quantityChange) describe(current map[string]int64) (from, to string) {
	was := map[string]int64{}
	for k := range d.changed {
		was[k] = current[k]
	}
	return describeQuantities(was), describeQuantities(d.changed)
}
