package provider

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// endpointValidator refuses endpoints that would send the API key in clear
// text, at validate time rather than on first use.
type endpointValidator struct{}

func (endpointValidator) Description(context.Context) string {
	return "must be an https URL, or http to a loopback address"
}

func (v endpointValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (endpointValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := client.ValidateEndpoint(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid HostUp endpoint", err.Error())
	}
}

// durationValidator accepts positive Go durations ("30s", "2m").
type durationValidator struct{}

func (durationValidator) Description(context.Context) string {
	return "must be a positive duration such as 30s or 2m"
}

func (v durationValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (durationValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	d, err := time.ParseDuration(req.ConfigValue.ValueString())
	if err != nil || d <= 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration",
			fmt.Sprintf("%q is not a positive duration; use a number with a unit, such as 30s or 2m.", req.ConfigValue.ValueString()))
	}
}

// exactlyOneOf requires exactly one of a set of alternative attributes, and
// says so in the provider's words, with a hint on which one to use.
type exactlyOneOf struct {
	attributes []string
	hint       string
}

func (v exactlyOneOf) Description(context.Context) string {
	return "exactly one of " + strings.Join(v.attributes, ", ") + " must be set"
}

func (v exactlyOneOf) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v exactlyOneOf) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	v.validate(ctx, req.Config, &resp.Diagnostics)
}

func (v exactlyOneOf) ValidateDataSource(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	v.validate(ctx, req.Config, &resp.Diagnostics)
}

func (v exactlyOneOf) validate(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) {
	var set []string
	for _, name := range v.attributes {
		var val attr.Value
		diags.Append(config.GetAttribute(ctx, path.Root(name), &val)...)
		if val == nil || val.IsUnknown() {
			return // decided once the value is known
		}
		if !val.IsNull() {
			set = append(set, name)
		}
	}
	if len(set) == 1 {
		return
	}
	what := "none of them is set"
	if len(set) > 1 {
		what = strings.Join(set, " and ") + " are both set"
	}
	diags.AddAttributeError(path.Root(v.attributes[0]), "Set exactly one of "+strings.Join(v.attributes, " and "),
		fmt.Sprintf("Exactly one of %s is needed, but %s. %s", strings.Join(v.attributes, " and "), what, v.hint))
}

// positiveIDValidator accepts v1 integer ids, which start at 1.
type positiveIDValidator struct{ example string }

func (v positiveIDValidator) Description(context.Context) string {
	return "must be a positive id such as " + v.example
}

func (v positiveIDValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v positiveIDValidator) ValidateInt64(_ context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.ValueInt64() > 0 {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid id",
		fmt.Sprintf("%s is not an id: HostUp's integer ids are positive, such as %s.", req.Path, v.example))
}

// wholeNumberValidator accepts whole numbers from min to max, in the
// provider's own words (a fraction would otherwise fail conversion).
type wholeNumberValidator struct{ min, max int64 }

func (v wholeNumberValidator) Description(context.Context) string {
	return fmt.Sprintf("must be a whole number from %d to %d", v.min, v.max)
}

func (v wholeNumberValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v wholeNumberValidator) ValidateNumber(ctx context.Context, req validator.NumberRequest, resp *validator.NumberResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	f := req.ConfigValue.ValueBigFloat()
	n, acc := f.Int64()
	if !f.IsInt() || acc != big.Exact || n < v.min || n > v.max {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(),
			fmt.Sprintf("%s is %s; it %s.", req.Path, f.Text('g', -1), v.Description(ctx)))
	}
}
