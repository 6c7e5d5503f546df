package provider

import (
	"strings"
)

// apiScopes are the API key scopes each resource and data source needs:
// those of every route it calls, at plan time too (previews are dry runs of
// the paid routes). The documentation lists them from here.
var apiScopes = map[string][]string{
	"hostup_shared_hosting_plan":          {"read:hosting", "write:billing"},
	"hostup_shared_hosting_billing_cycle": {"read:hosting", "write:billing"},
	"hostup_shared_hosting_storage_addon": {"read:hosting", "write:billing", "read:orders", "read:billing"},
	"hostup_vps_size":                     {"read:vm", "write:vm", "write:billing", "read:orders"},
	"hostup_billing_cycle":                {"read:hosting", "read:vm"},
	"hostup_shared_hosting_accounts":      {"read:hosting"},
	"hostup_shared_hosting_plan_options":  {"read:hosting"},
	"hostup_shared_hosting_storage_tiers": {"read:hosting"},
	"hostup_vps_upgrade_options":          {"read:vm"},
	"hostup_virtual_servers":              {"read:vm"},
}

// scopesNote ends a description with the scopes an object needs.
func scopesNote(typeName string) string {
	return "\n\nThe API key needs the scopes `" + strings.Join(apiScopes[typeName], "`, `") + "`."
}
