package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// HostUp's two API generations take different inputs for one change (a v1
// product id, a v2 slug). A resource whose subject has an id of either
// generation refuses, before any request, the inputs of the other.

// generationInput is an input only one generation takes.
type generationInput struct {
	attribute string
	// v2 says which generation takes it.
	v2 bool
	// whenTrue: a flag, refused only when set to true.
	whenTrue bool
	// summary and detail say why it is refused; detail's %s is the subject.
	summary, detail string
}

// generationInputs is a config validator of a resource's inputs by the
// generation of its subject's id.
type generationInputs struct {
	// subject is the id attribute; isV2 tells its generation, ok false when
	// it is not an id (its own validator says so).
	subject string
	isV2    func(id string) (v2, ok bool)
	inputs  []generationInput
}

var _ resource.ConfigValidator = generationInputs{}

func (v generationInputs) Description(context.Context) string {
	return "inputs of the other API generation than " + v.subject + "'s are refused"
}

func (v generationInputs) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v generationInputs) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var id types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(v.subject), &id)...)
	if id.IsNull() || id.IsUnknown() {
		return
	}
	v2, ok := v.isV2(id.ValueString())
	if !ok {
		return
	}
	for _, in := range v.inputs {
		var value attr.Value
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(in.attribute), &value)...)
		if in.v2 == v2 || value == nil || value.IsNull() || value.IsUnknown() {
			continue
		}
		if b, isBool := value.(types.Bool); in.whenTrue && isBool && !b.ValueBool() {
			continue
		}
		resp.Diagnostics.AddAttributeError(path.Root(in.attribute), in.summary, fmt.Sprintf(in.detail, id.ValueString()))
	}
}

func accountIsV2(id string) (bool, bool) {
	account, err := parseAccountID(id)
	return account.isV2(), err == nil
}

func vmIsV2(id string) (bool, bool) {
	vm, err := parseVMID(id)
	return vm.isV2(), err == nil
}
