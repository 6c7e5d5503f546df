package provider

import (
	"context"
	"fmt"
	"net/netip"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// idValidator checks an id attribute at validate time, in the words of the
// parser that reads it later.
type idValidator struct {
	description string
	// check returns the summary and the error of a refused id.
	check func(string) (summary string, err error)
}

func (v idValidator) Description(context.Context) string { return v.description }

func (v idValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v idValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if summary, err := v.check(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, summary, err.Error())
	}
}

// accountIDValidator accepts a v1 integer id or a v2 acct_ id.
var accountIDValidator = idValidator{
	description: "must be a v1 integer account id (e.g. 20000) or a v2 account id (acct_…)",
	check: func(s string) (string, error) {
		_, err := parseAccountID(s)
		return "Invalid account id", err
	},
}

// v2AccountIDValidator accepts only acct_ ids, for what only v2 serves.
var v2AccountIDValidator = idValidator{
	description: "must be a v2 account id (acct_…)",
	check: func(s string) (string, error) {
		if _, err := parseAccountID(s); err != nil {
			return "Invalid account id", err
		}
		_, err := parseV2AccountID(s)
		return "A v2 account id is needed", err
	},
}

// vmIDValidator accepts a v1 integer vmid or a v2 vps_ id.
var vmIDValidator = idValidator{
	description: "must be a v1 integer VM id (e.g. 10000) or a v2 VPS id (vps_…)",
	check: func(s string) (string, error) {
		_, err := parseVMID(s)
		return "Invalid VM id", err
	},
}

// ipAddressValidator accepts an IPv4 or IPv6 address, such as the primary
// IP a VPS list is filtered on.
var ipAddressValidator = idValidator{
	description: "must be an IP address (e.g. 203.0.113.10)",
	check: func(s string) (string, error) {
		if _, err := netip.ParseAddr(s); err != nil {
			return "Invalid IP address", fmt.Errorf("%q is not an IP address such as 203.0.113.10 or 2001:db8::10; "+
				"primary_ip matches a server's primary address exactly", s)
		}
		return "", nil
	},
}
