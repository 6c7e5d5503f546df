package provider

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// Plans a v2 account or VM can move to, as HostUp lists them.

func findOption(options []client.UpgradeOption, slug string) (client.UpgradeOption, bool) {
	for _, o := range options {
		if o.ProductSlug == slug {
			return o, true
		}
	}
	return client.UpgradeOption{}, false
}

func optionSlugs(options []client.UpgradeOption) []string {
	slugs := make([]string, 0, len(options))
	for _, o := range options {
		slugs = append(slugs, fmt.Sprintf("%q", o.ProductSlug))
	}
	sort.Strings(slugs)
	return slugs
}

// describeProduct names a plan for people: "Business (webbhotell-business)".
func describeProduct(name, id string) string {
	if name == "" {
		return id
	}
	return name + " (" + id + ")"
}

// planOption finds the plan an account or VM is to move to among those
// HostUp offers it, or says why it cannot move there. kind is "account" or
// "VM"; listedBy names the data source that lists the plans.
func planOption(options []client.UpgradeOption, slug, current, kind, subject, listedBy string, diags *diag.Diagnostics) (client.UpgradeOption, bool) {
	option, ok := findOption(options, slug)
	switch {
	case !ok:
		diags.AddAttributeError(path.Root("product_slug"), "Unknown plan for this "+kind,
			fmt.Sprintf("%q is not a plan %s can move to. Valid values: %s (current: %q). The %s data source lists them "+
				"with their prices.", slug, subject, strings.Join(optionSlugs(options), ", "), current, listedBy))
	case !option.Available:
		diags.AddAttributeError(path.Root("product_slug"), "Plan not available",
			fmt.Sprintf("HostUp does not offer %q to %s now: %s.", slug, subject, valueOr(option.Reason, "no reason given")))
	default:
		return option, true
	}
	return option, false
}
