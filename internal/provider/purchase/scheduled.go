package purchase

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// HostUp carries some purchases out later: it schedules VM changes. Until
// HostUp reports a bought change, Read keeps what was bought, so that the
// next plan does not buy it again; once HostUp reports it, or its order is
// cancelled or failed, Read takes HostUp's values again.

// scheduledKey is the private-state key of a bought change not yet carried out.
const scheduledKey = "scheduled_change"

// scheduledChange is what was bought, as the configuration named it.
type scheduledChange struct {
	Targets map[string]json.RawMessage `json:"targets"`
	OrderID string                     `json:"order_id,omitempty"`
}

// markScheduled records the bought targets state holds.
func (r *Resource[M, P]) markScheduled(ctx context.Context, state tfsdk.State, private Private, diags diagnostics) {
	s := scheduledChange{Targets: map[string]json.RawMessage{}}
	for _, name := range r.desc.Targets {
		var v attr.Value
		diags.Append(state.GetAttribute(ctx, path.Root(name), &v)...)
		if b, ok := encodeValue(v); ok {
			s.Targets[name] = b
		}
	}
	var order types.String
	diags.Append(state.GetAttribute(ctx, path.Root("last_order").AtName("order_id"), &order)...)
	s.OrderID = order.ValueString()
	b, err := json.Marshal(s)
	if err != nil {
		diags.AddError("Could not record the scheduled change", err.Error())
		return
	}
	diags.Append(private.SetKey(ctx, scheduledKey, b)...)
}

// stillScheduled reports whether a change bought earlier is still to be
// carried out: HostUp does not report it yet, and its order (where one can
// be looked up) is neither cancelled nor failed. Otherwise it forgets it.
func (r *Resource[M, P]) stillScheduled(ctx context.Context, private Private, reported tfsdk.State, diags diagnostics) bool {
	b, d := private.GetKey(ctx, scheduledKey)
	diags.Append(d...)
	var s scheduledChange
	if len(b) == 0 || json.Unmarshal(b, &s) != nil {
		return false
	}
	if !s.reportedIn(ctx, reported, diags) && r.orderOpen(ctx, s.OrderID) {
		return true
	}
	diags.Append(private.SetKey(ctx, scheduledKey, nil)...)
	return false
}

func (s scheduledChange) reportedIn(ctx context.Context, reported tfsdk.State, diags diagnostics) bool {
	for name, want := range s.Targets {
		var v attr.Value
		diags.Append(reported.GetAttribute(ctx, path.Root(name), &v)...)
		got, ok := encodeValue(v)
		if !ok || !contains(got, want) {
			return false
		}
	}
	return true
}

// orderOpen reports whether an order may still be carried out. Only v2
// orders can be looked up; any other counts as open.
func (r *Resource[M, P]) orderOpen(ctx context.Context, orderID string) bool {
	if !strings.HasPrefix(orderID, "ord_") {
		return true
	}
	order, err := r.client.GetOrder(ctx, orderID)
	return err != nil || !order.Status.Settled()
}

// encodeValue writes a known target value as JSON: a string, a number, a
// bool, or a map of them.
func encodeValue(v attr.Value) (json.RawMessage, bool) {
	if v == nil || v.IsNull() || v.IsUnknown() {
		return nil, false
	}
	var out any
	switch t := v.(type) {
	case types.String:
		out = t.ValueString()
	case types.Int64:
		out = t.ValueInt64()
	case types.Bool:
		out = t.ValueBool()
	case types.Map:
		m := map[string]json.RawMessage{}
		for k, e := range t.Elements() {
			if b, ok := encodeValue(e); ok {
				m[k] = b
			}
		}
		out = m
	default:
		return nil, false
	}
	b, err := json.Marshal(out)
	return b, err == nil
}

// contains reports whether got holds want: equal values, or for maps every
// key of want with an equal value.
func contains(got, want json.RawMessage) bool {
	var gm, wm map[string]json.RawMessage
	if json.Unmarshal(want, &wm) != nil || json.Unmarshal(got, &gm) != nil {
		return bytes.Equal(got, want)
	}
	for k, w := range wm {
		if g, ok := gm[k]; !ok || !bytes.Equal(g, w) {
			return false
		}
	}
	return true
}
