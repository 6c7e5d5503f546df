package provider

import (
	"context"
	"fmt"
	"regexp"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// v2VMIDPattern is a v2 VPS id: "vps_" and lowercase letters and digits.
var v2VMIDPattern = regexp.MustCompile(`^vps_[0-9a-z]{1,64}$`)

// vmRef is a VM id of either API generation. Exactly one of v1 and v2 is
// set; the generation decides which routes serve the VM.
type vmRef struct {
	v1 int64
	v2 string
}

func (r vmRef) isV2() bool { return r.v2 != "" }

func (r vmRef) String() string {
	if r.isV2() {
		return r.v2
	}
	return strconv.FormatInt(r.v1, 10)
}

// parseVMID reads "10000" (v1 vmid) or "vps_…" (v2).
func parseVMID(s string) (vmRef, error) {
	switch {
	case v2VMIDPattern.MatchString(s):
		return vmRef{v2: s}, nil
	case v1IDPattern.MatchString(s):
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return vmRef{}, fmt.Errorf("%q: %w", s, err)
		}
		return vmRef{v1: id}, nil
	default:
		return vmRef{}, fmt.Errorf("%q is neither a v1 VM id (a positive integer such as 10000) nor a v2 VPS id (vps_ followed by lowercase letters and digits)", s)
	}
}

// vmIDValidator accepts a v1 integer vmid or a v2 vps_ id.
type vmIDValidator struct{}

func (vmIDValidator) Description(context.Context) string {
	return "must be a v1 integer VM id (e.g. 10000) or a v2 VPS id (vps_…)"
}

func (v vmIDValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (vmIDValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := parseVMID(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid VM id", err.Error())
	}
}
