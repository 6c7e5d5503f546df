package purchase

import (
	"context"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The plan skeleton compares attributes by name, as the descriptor lists
// them, so that no resource restates which of its attributes decide what.

// sameValues reports whether plan and state agree on every named
// attribute. With nullMatches, a null state value matches any plan value
// (an attribute an import could not fill).
func sameValues(ctx context.Context, names []string, plan tfsdk.Plan, state tfsdk.State, nullMatches bool, diags diagnostics) bool {
	for _, name := range names {
		var p, s attr.Value
		diags.Append(plan.GetAttribute(ctx, path.Root(name), &p)...)
		diags.Append(state.GetAttribute(ctx, path.Root(name), &s)...)
		if p == nil || s == nil {
			return false
		}
		if nullMatches && s.IsNull() {
			continue
		}
		if !p.Equal(s) {
			return false
		}
	}
	return true
}

// firstUnknown names the first input, in the order given, whose value (or,
// for a map, one of whose elements) is unknown in the plan.
func firstUnknown(ctx context.Context, names []string, plan tfsdk.Plan, diags diagnostics) (path.Path, bool) {
	for _, name := range names {
		var v attr.Value
		diags.Append(plan.GetAttribute(ctx, path.Root(name), &v)...)
		if v == nil {
			continue
		}
		if v.IsUnknown() {
			return path.Root(name), true
		}
		if m, ok := v.(types.Map); ok {
			elems := m.Elements()
			for _, k := range slices.Sorted(maps.Keys(elems)) {
				if elems[k].IsUnknown() {
					return path.Root(name).AtMapKey(k), true
				}
			}
		}
	}
	return path.Empty(), false
}

// keepComputed copies computed-only attributes from state into the plan
// (with onlyUnknown, those the plan leaves unknown): with nothing to buy,
// nothing HostUp reports changes.
func keepComputed(ctx context.Context, s schema.Schema, state tfsdk.State, plan *tfsdk.Plan, onlyUnknown bool, diags diagnostics) {
	for _, name := range slices.Sorted(maps.Keys(s.Attributes)) {
		a := s.Attributes[name]
		if !a.IsComputed() || a.IsOptional() || a.IsRequired() {
			continue
		}
		var planned, v attr.Value
		diags.Append(plan.GetAttribute(ctx, path.Root(name), &planned)...)
		if onlyUnknown && planned != nil && !planned.IsUnknown() {
			continue
		}
		diags.Append(state.GetAttribute(ctx, path.Root(name), &v)...)
		diags.Append(plan.SetAttribute(ctx, path.Root(name), v)...)
	}
}
