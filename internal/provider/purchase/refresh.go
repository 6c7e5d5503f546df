package purchase

import (
	"context"
	"maps"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/defaults"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// What state takes from HostUp's answers is the same for every paid
// resource, decided by the part each attribute plays: HostUp reports the
// computed attributes; of the targets, state takes HostUp's values only for
// what the configuration manages; the rest is the configuration's.

// engineAttributes are the engine's own attributes, which HostUp does not
// report.
var engineAttributes = []string{"max_amount", "price_change", "price_status", "last_order"}

// computedOnly lists the attributes HostUp reports: computed, not
// configurable, and not the engine's own.
func computedOnly(s schema.Schema) []string {
	var names []string
	for _, name := range slices.Sorted(maps.Keys(s.Attributes)) {
		a := s.Attributes[name]
		if a.IsComputed() && !a.IsOptional() && !a.IsRequired() && !slices.Contains(engineAttributes, name) {
			names = append(names, name)
		}
	}
	return names
}

// takeReported copies, from reported into state, what HostUp reports:
// every computed attribute, and the targets state manages (when adopt, also
// the ones an import adopts). It reports whether a managed target differed.
func (r *Resource[M, P]) takeReported(ctx context.Context, state *tfsdk.State, reported tfsdk.State, adopt bool, diags diagnostics) bool {
	for _, name := range computedOnly(r.schema()) {
		copyAttribute(ctx, name, reported, state, diags)
	}
	return r.takeTargets(ctx, state, reported, adopt, diags)
}

// refreshFrom is what a refresh leaves in state once HostUp has reported
// the subject and nothing bought is still to be carried out: what HostUp
// reports (with the targets an import adopts, when imported), nothing
// pending, and each flag's default where state has none. A list resource's
// resource object is built by it too, as an import and a refresh would
// leave it.
func (r *Resource[M, P]) refreshFrom(ctx context.Context, state *tfsdk.State, reported tfsdk.State, imported bool, diags diagnostics) {
	r.takeReported(ctx, state, reported, imported, diags)
	settle(ctx, state, diags)
	r.applyDefaults(ctx, state, diags)
}

// takeTargets copies the managed targets from reported into state, and
// reports whether one differed. A map manages only the keys it names.
func (r *Resource[M, P]) takeTargets(ctx context.Context, state *tfsdk.State, reported tfsdk.State, adopt bool, diags diagnostics) bool {
	differed := false
	for _, name := range r.desc.Targets {
		var have, now attr.Value
		diags.Append(state.GetAttribute(ctx, path.Root(name), &have)...)
		diags.Append(reported.GetAttribute(ctx, path.Root(name), &now)...)
		if have == nil || now == nil || now.IsUnknown() {
			continue
		}
		if have.IsNull() {
			if adopt && slices.Contains(r.desc.Adopts, name) && !now.IsNull() {
				diags.Append(state.SetAttribute(ctx, path.Root(name), now)...)
			}
			continue
		}
		if m, ok := have.(types.Map); ok {
			now = managedKeys(m, now)
		}
		if !now.Equal(have) {
			differed = true
			diags.Append(state.SetAttribute(ctx, path.Root(name), now)...)
		}
	}
	return differed
}

// managedKeys is the reported map narrowed to the keys state names; a key
// HostUp does not report keeps state's value.
func managedKeys(have types.Map, now attr.Value) attr.Value {
	reported, ok := now.(types.Map)
	if !ok || reported.IsNull() {
		return have
	}
	out := make(map[string]attr.Value, len(have.Elements()))
	for k, v := range have.Elements() {
		out[k] = v
		if rv, ok := reported.Elements()[k]; ok {
			out[k] = rv
		}
	}
	return types.MapValueMust(have.ElementType(context.Background()), out)
}

// applyDefaults gives each flag with a default its default where state has
// none: an imported resource has no configuration yet.
func (r *Resource[M, P]) applyDefaults(ctx context.Context, state *tfsdk.State, diags diagnostics) {
	for _, name := range slices.Sorted(maps.Keys(r.schema().Attributes)) {
		a, ok := r.schema().Attributes[name].(schema.BoolAttribute)
		if !ok || a.Default == nil {
			continue
		}
		var v types.Bool
		diags.Append(state.GetAttribute(ctx, path.Root(name), &v)...)
		if !v.IsNull() {
			continue
		}
		var resp defaults.BoolResponse
		a.Default.DefaultBool(ctx, defaults.BoolRequest{Path: path.Root(name)}, &resp)
		diags.Append(resp.Diagnostics...)
		diags.Append(state.SetAttribute(ctx, path.Root(name), resp.PlanValue)...)
	}
}

// settle clears what is pending: HostUp reports the change in place.
func settle(ctx context.Context, state *tfsdk.State, diags diagnostics) {
	diags.Append(state.SetAttribute(ctx, path.Root("price_change"), types.ObjectNull(priceChangeAttrTypes))...)
	diags.Append(state.SetAttribute(ctx, path.Root("price_status"), types.StringNull())...)
}

// nullUnknowns turns every value still unknown after an apply into null:
// state holds no unknowns, and what HostUp did not report is not known.
func (r *Resource[M, P]) nullUnknowns(ctx context.Context, state *tfsdk.State, diags diagnostics) {
	for _, name := range slices.Sorted(maps.Keys(r.schema().Attributes)) {
		var v attr.Value
		diags.Append(state.GetAttribute(ctx, path.Root(name), &v)...)
		if v == nil || !v.IsUnknown() {
			continue
		}
		null, err := v.Type(ctx).ValueFromTerraform(ctx, tftypes.NewValue(v.Type(ctx).TerraformType(ctx), nil))
		if err != nil {
			diags.AddError("Could not record state", err.Error())
			continue
		}
		diags.Append(state.SetAttribute(ctx, path.Root(name), null)...)
	}
}

func hasUnknown(ctx context.Context, names []string, state tfsdk.State, diags diagnostics) bool {
	for _, name := range names {
		var v attr.Value
		diags.Append(state.GetAttribute(ctx, path.Root(name), &v)...)
		if v != nil && v.IsUnknown() {
			return true
		}
	}
	return false
}

func copyAttribute(ctx context.Context, name string, from tfsdk.State, to *tfsdk.State, diags diagnostics) {
	var v attr.Value
	diags.Append(from.GetAttribute(ctx, path.Root(name), &v)...)
	if v != nil {
		diags.Append(to.SetAttribute(ctx, path.Root(name), v)...)
	}
}

// stateOf is m as a state of the resource's schema, to compare and copy
// attributes by name.
func (r *Resource[M, P]) stateOf(ctx context.Context, like tfsdk.State, m *M, diags diagnostics) tfsdk.State {
	s := tfsdk.State{Schema: like.Schema, Raw: like.Raw.Copy()}
	diags.Append(s.Set(ctx, m)...)
	return s
}

// recordPurchase records, for a purchase resource, the order HostUp's
// answer names (its status is read back with the rest of what is unknown),
// or a purchase whose answer was lost as such, so that nothing buys it
// again until the user has looked. plan takes what state now holds.
func (r *Resource[M, P]) recordPurchase(ctx context.Context, state *tfsdk.State, plan *M, outcome Outcome, sentAt time.Time, diags diagnostics) {
	a := r.desc.Purchase
	if a == nil || (outcome != Bought && outcome != Uncertain) {
		return
	}
	var o Order
	diags.Append(state.GetAttribute(ctx, path.Root("last_order"), &o)...)
	if outcome == Uncertain {
		o = NewOrder("", "")
		diags.Append(state.SetAttribute(ctx, path.Root(a.Status), OutcomeUnknown)...)
	}
	for name, v := range map[string]types.String{a.OrderID: o.OrderID, a.InvoiceID: o.InvoiceID, a.PaymentURL: o.PaymentURL,
		a.SentAt: types.StringValue(sentAt.Format(time.RFC3339))} {
		diags.Append(state.SetAttribute(ctx, path.Root(name), v)...)
	}
	diags.Append(state.Get(ctx, plan)...)
}
