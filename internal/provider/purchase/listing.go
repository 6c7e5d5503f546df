package purchase

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// A list resource (`terraform query`) finds the subjects of a paid resource
// type. `terraform query -generate-config-out` writes configuration from the
// resource object of each result, and that configuration must adopt the
// subject without buying anything, its next plan empty: so the object is
// what an import of the subject followed by a refresh leaves in state, and
// the refresh's own rules build it.

// Listed is the list result of one subject: its identity, the display name
// a person recognises it by and, when req asks for the resource object, the
// state an import of the subject followed by a refresh would hold. read
// reads the subject, as HostUp reported it, into a model whose attributes
// are all null until then; it sets the identity attributes, and the rest
// when req asks for the resource object.
func (r *Resource[M, P]) Listed(ctx context.Context, req list.ListRequest, displayName string, read func(m *M)) list.ListResult {
	result := req.NewListResult(ctx)
	result.DisplayName = displayName
	diags := &result.Diagnostics

	m := r.nullModel(ctx, diags)
	if diags.HasError() {
		return result
	}
	read(m)
	// What an import starts from: the identity, every other attribute null.
	state := tfsdk.State{Schema: req.ResourceSchema, Raw: result.Resource.Raw}
	reported := r.stateOf(ctx, state, m, diags)
	for _, a := range r.desc.Identity {
		copyAttribute(ctx, a.Name, reported, &state, diags)
	}
	if req.IncludeResource {
		r.refreshFrom(ctx, &state, reported, true, diags)
		result.Resource.Raw = state.Raw
	}
	r.setIdentity(ctx, &state, result.Identity, diags)
	return result
}

// nullModel is a model of the resource with every attribute null, typed as
// the schema says, as the state of a resource being imported holds it
// before HostUp is read.
func (r *Resource[M, P]) nullModel(ctx context.Context, diags diagnostics) *M {
	s := r.schema()
	typ, ok := s.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		diags.AddError("Could not list resources", "This is a bug in the HostUp provider: a resource schema is not an object. Please report it.")
		return nil
	}
	nulls := make(map[string]tftypes.Value, len(typ.AttributeTypes))
	for name, t := range typ.AttributeTypes {
		nulls[name] = tftypes.NewValue(t, nil)
	}
	m := new(M)
	diags.Append(tfsdk.State{Schema: s, Raw: tftypes.NewValue(typ, nulls)}.Get(ctx, m)...)
	return m
}
