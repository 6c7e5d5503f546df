package client

import "strings"

// HostUp API key scopes. A key without the scope a route needs is answered
// 403 (forbidden).
const (
	ScopeReadHosting  = "read:hosting"
	ScopeWriteBilling = "write:billing"
	ScopeReadVM       = "read:vm"
	ScopeWriteVM      = "write:vm"
	ScopeReadBilling  = "read:billing"
	ScopeReadOrders   = "read:orders"
)

// routeScope is one route the client calls and the scope it needs. A path
// segment in braces stands for any one non-empty segment.
type routeScope struct {
	method, pattern, scope string
}

// routeScopes lists every route the client calls. v2 routes need the scope
// HostUp names for them; v1 routes take the v2 scope of the same kind of
// access (reading an account or VM, or buying).
var routeScopes = []routeScope{
	{"GET", "/api/hosting/{accountId}/billing-cycle", ScopeReadHosting},
	{"POST", "/api/hosting/{accountId}/upgrade", ScopeWriteBilling},
	{"GET", "/api/vm/{vmid}/billing-cycle", ScopeReadVM},
	{"GET", "/api/vm/{vmid}/details", ScopeReadVM},
	{"POST", "/api/vm/{vmid}/upgrade", ScopeWriteBilling},
	{"GET", "/api/v2/shared-hosting", ScopeReadHosting},
	{"GET", "/api/v2/shared-hosting/{accountId}", ScopeReadHosting},
	{"GET", "/api/v2/shared-hosting/{accountId}/actions/upgrade", ScopeReadHosting},
	{"POST", "/api/v2/shared-hosting/{accountId}/actions/upgrade", ScopeWriteBilling},
	{"GET", "/api/v2/shared-hosting/{accountId}/actions/billing-cycle", ScopeReadHosting},
	{"POST", "/api/v2/shared-hosting/{accountId}/actions/billing-cycle", ScopeWriteBilling},
	{"GET", "/api/v2/shared-hosting/{accountId}/addons/storage", ScopeReadHosting},
	{"POST", "/api/v2/shared-hosting/{accountId}/addons/storage", ScopeWriteBilling},
	{"GET", "/api/v2/vps", ScopeReadVM},
	{"GET", "/api/v2/vps/{id}", ScopeReadVM},
	{"GET", "/api/v2/vps/{id}/actions/upgrade", ScopeReadVM},
	{"POST", "/api/v2/vps/{id}/actions/upgrade", ScopeWriteBilling},
	{"POST", "/api/v2/vps/{id}/actions/config", ScopeWriteVM},
	{"GET", "/api/v2/orders/{id}", ScopeReadOrders},
	{"GET", "/api/v2/billing/invoices/{id}", ScopeReadBilling},
}

// RequiredScope returns the API key scope that a call of the client needs,
// from its method and path: the path as sent (an *APIError's Path, such as
// "/api/v2/orders/ord_1") or as a pattern ("/api/v2/orders/{id}"). It
// reports false for a route the client does not call. A query string is
// ignored.
func RequiredScope(method, path string) (string, bool) {
	path, _, _ = strings.Cut(path, "?")
	segs := strings.Split(path, "/")
	for _, rs := range routeScopes {
		if strings.EqualFold(rs.method, method) && matchesPattern(segs, rs.pattern) {
			return rs.scope, true
		}
	}
	return "", false
}

func matchesPattern(segs []string, pattern string) bool {
	want := strings.Split(pattern, "/")
	if len(want) != len(segs) {
		return false
	}
	for i, w := range want {
		if strings.HasPrefix(w, "{") {
			if segs[i] == "" {
				return false
			}
		} else if segs[i] != w {
			return false
		}
	}
	return true
}
