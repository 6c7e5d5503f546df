package purchase

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// A list resource (`terraform query`) finds the subjects of a paid resource
// type. `terraform query -generate-config-out` writes configuration from the
// resource object of each result, and that configuration must adopt the
// subject without buying anything, its next plan empty: so the object is
// what an import of the subject followed by a refresh leaves in state, built
// by the import's and the refresh's own steps.

// Listed is the list result of one subject: its identity, the display name
// a person recognises it by and, when req asks for the resource object, the
// state an import of the subject followed by a refresh would hold.
// identity are the identity's values, in the order an import id names them.
// read reads the subject, as HostUp reported it, into a model that holds
// only the identity until then, as a refresh reads it; it is called only
// when req asks for the resource object, and may be nil otherwise.
func (r *Resource[M, P]) Listed(ctx context.Context, req list.ListRequest, identity []string, displayName string, read func(m *M)) list.ListResult {
	result := req.NewListResult(ctx)
	result.DisplayName = displayName
	diags := &result.Diagnostics
	if len(identity) != len(r.desc.Identity) {
		diags.AddError("Could not list "+r.desc.TypeName, fmt.Sprintf("This is a bug in the HostUp provider: a listed "+
			"subject has %d identity values, the resource %d. Please report it.", len(identity), len(r.desc.Identity)))
		return result
	}
	state := tfsdk.State{Schema: req.ResourceSchema, Raw: result.Resource.Raw}
	r.setImported(ctx, &state, result.Identity, identity, diags)
	if !req.IncludeResource || diags.HasError() {
		return result
	}
	m := r.decodeState(ctx, state, diags)
	if diags.HasError() {
		return result
	}
	read(m)
	r.refreshFrom(ctx, &state, r.stateOf(ctx, state, m, diags), true, diags)
	result.Resource.Raw = state.Raw
	return result
}
