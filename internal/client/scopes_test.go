package client

import (
	"regexp"
	"testing"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

var pathParam = regexp.MustCompile(`\{[^}]*\}`)

// The client's scope table and the simulator's route table are written
// apart; they must name the same routes with the same scopes.
func TestScopeTableMatchesTheSimulator(t *testing.T) {
	simScopes := map[string]string{}
	for _, r := range hostupsim.Routes() {
		simScopes[pathParam.ReplaceAllString(r.Pattern, "{}")] = r.Scope
	}
	for _, rs := range routeScopes {
		key := pathParam.ReplaceAllString(rs.method+" "+rs.pattern, "{}")
		scope, ok := simScopes[key]
		switch {
		case !ok:
			t.Errorf("%s %s: the simulator serves no such route", rs.method, rs.pattern)
		case scope != rs.scope:
			t.Errorf("%s %s: the client says %s, the simulator %s", rs.method, rs.pattern, rs.scope, scope)
		}
		delete(simScopes, key)
	}
	for route := range simScopes {
		t.Errorf("%s: the simulator serves it, the client's scope table lacks it", route)
	}
}

func TestRequiredScope(t *testing.T) {
	cases := []struct {
		method, path, want string
	}{
		{"GET", "/api/v2/shared-hosting", ScopeReadHosting},
		{"GET", "/api/v2/shared-hosting?limit=100&cursor=x", ScopeReadHosting},
		{"POST", "/api/v2/shared-hosting/acct_1/actions/upgrade", ScopeWriteBilling},
		{"GET", "/api/v2/shared-hosting/acct_1/actions/upgrade", ScopeReadHosting},
		{"POST", "/api/v2/vps/vps_1/actions/config", ScopeWriteVM},
		{"post", "/api/v2/vps/vps_1/actions/upgrade", ScopeWriteBilling},
		{"GET", "/api/v2/vps", ScopeReadVM},
		{"GET", "/api/v2/orders/ord_1", ScopeReadOrders},
		{"GET", "/api/v2/billing/invoices/{id}", ScopeReadBilling},
		{"POST", "/api/vm/10000/upgrade", ScopeWriteBilling},
		{"GET", "/api/vm/10000/details", ScopeReadVM},
		{"GET", "/api/hosting/20000/billing-cycle", ScopeReadHosting},
		{"GET", "/api/v2/shared-hosting/acct_1/addons/storage", ScopeReadHosting},
	}
	for _, tc := range cases {
		if got, ok := RequiredScope(tc.method, tc.path); !ok || got != tc.want {
			t.Errorf("RequiredScope(%s, %s) = %q, %t; want %q", tc.method, tc.path, got, ok, tc.want)
		}
	}
	for _, unknown := range [][2]string{{"DELETE", "/api/v2/vps/vps_1"}, {"GET", "/api/v2/vps//actions/upgrade"},
		{"GET", "/api/v3/vps"}, {"GET", "/api/v2/orders"}, {"PUT", "/api/v2/shared-hosting"}} {
		if got, ok := RequiredScope(unknown[0], unknown[1]); ok {
			t.Errorf("RequiredScope(%s, %s) = %q for a route the client does not call", unknown[0], unknown[1], got)
		}
	}
}
