package hostupsim

import (
	"net/http"
	"slices"
	"strings"
)

// Routes, one per method and path, in the "METHOD /path/{param}" form the
// request log and Fault use.
const (
	RouteV1HostingBillingCycle   = "GET /api/hosting/{accountId}/billing-cycle"
	RouteV1VMBillingCycle        = "GET /api/vm/{vmid}/billing-cycle"
	RouteV1HostingUpgrade        = "POST /api/hosting/{accountId}/upgrade"
	RouteV2HostingList           = "GET /api/v2/shared-hosting"
	RouteV2HostingAccount        = "GET /api/v2/shared-hosting/{accountId}"
	RouteV2HostingUpgradeOptions = "GET /api/v2/shared-hosting/{accountId}/actions/upgrade"
	RouteV2HostingUpgrade        = "POST /api/v2/shared-hosting/{accountId}/actions/upgrade"
	RouteV2HostingBillingCycle   = "GET /api/v2/shared-hosting/{accountId}/actions/billing-cycle"
	RouteV2HostingChangeCycle    = "POST /api/v2/shared-hosting/{accountId}/actions/billing-cycle"
	RouteV2StorageTiers          = "GET /api/v2/shared-hosting/{accountId}/addons/storage"
	RouteV2StorageOrder          = "POST /api/v2/shared-hosting/{accountId}/addons/storage"
	RouteV1VMDetails             = "GET /api/vm/{vmid}/details"
	RouteV1VMUpgrade             = "POST /api/vm/{vmid}/upgrade"
	RouteV2VPSList               = "GET /api/v2/vps"
	RouteV2VPS                   = "GET /api/v2/vps/{id}"
	RouteV2VPSUpgradeOptions     = "GET /api/v2/vps/{id}/actions/upgrade"
	RouteV2VPSUpgrade            = "POST /api/v2/vps/{id}/actions/upgrade"
	RouteV2VPSConfig             = "POST /api/v2/vps/{id}/actions/config"
	RouteV2Order                 = "GET /api/v2/orders/{id}"
	RouteV2Invoice               = "GET /api/v2/billing/invoices/{id}"
)

// handlerFunc serves one route with s.mu held. It returns the success body
// (the v1 envelope's data, or the bare v2 object) or an *apiError.
type handlerFunc func(s *Server, c *call) (any, error)

type route struct {
	pattern  string
	method   string
	segments []string // "{name}" segments are parameters
	gen      generation
	scope    string
	handle   handlerFunc
}

// routes is the API's routing table. The mux is hand-rolled rather than
// http.ServeMux so that 404 and 405 answers carry the right generation's
// error body and the matched pattern is known before the handler runs.
var routes = []route{
	newRoute(RouteV1HostingBillingCycle, ScopeReadHosting, (*Server).v1HostingBillingCycle),
	newRoute(RouteV1VMBillingCycle, ScopeReadVM, (*Server).v1VMBillingCycle),
	newRoute(RouteV1HostingUpgrade, ScopeWriteBilling, (*Server).v1HostingUpgrade),
	newRoute(RouteV2HostingList, ScopeReadHosting, (*Server).v2ListHosting),
	newRoute(RouteV2HostingAccount, ScopeReadHosting, (*Server).v2GetHosting),
	newRoute(RouteV2HostingUpgradeOptions, ScopeReadHosting, (*Server).v2UpgradeOptions),
	newRoute(RouteV2HostingUpgrade, ScopeWriteBilling, (*Server).v2Upgrade),
	newRoute(RouteV2HostingBillingCycle, ScopeReadHosting, (*Server).v2BillingCycle),
	newRoute(RouteV2HostingChangeCycle, ScopeWriteBilling, (*Server).v2ChangeBillingCycle),
	newRoute(RouteV2StorageTiers, ScopeReadHosting, (*Server).v2StorageTiers),
	newRoute(RouteV2StorageOrder, ScopeWriteBilling, (*Server).v2OrderStorage),
	newRoute(RouteV1VMDetails, ScopeReadVM, (*Server).v1VMDetails),
	newRoute(RouteV1VMUpgrade, ScopeWriteBilling, (*Server).v1VMUpgrade),
	newRoute(RouteV2VPSList, ScopeReadVM, (*Server).v2ListVPS),
	newRoute(RouteV2VPS, ScopeReadVM, (*Server).v2GetVPS),
	newRoute(RouteV2VPSUpgradeOptions, ScopeReadVM, (*Server).v2VPSUpgradeOptions),
	newRoute(RouteV2VPSUpgrade, ScopeWriteBilling, (*Server).v2VPSUpgrade),
	newRoute(RouteV2VPSConfig, ScopeWriteVM, (*Server).v2VPSConfig),
	newRoute(RouteV2Order, ScopeReadOrders, (*Server).v2GetOrder),
	newRoute(RouteV2Invoice, ScopeReadBilling, (*Server).v2GetInvoice),
}

// RouteInfo is one route of the simulated API and the API key scope it needs.
type RouteInfo struct {
	Pattern string // a Route… constant: "METHOD /path/{param}"
	Scope   string
}

// Routes lists every route the simulator serves, with its scope, in a fixed
// order, so that a client's own table of scopes can be checked against it.
func Routes() []RouteInfo {
	out := make([]RouteInfo, len(routes))
	for i, rt := range routes {
		out[i] = RouteInfo{Pattern: rt.pattern, Scope: rt.scope}
	}
	return out
}

func newRoute(pattern, scope string, h handlerFunc) route {
	method, path, _ := strings.Cut(pattern, " ")
	return route{pattern: pattern, method: method, segments: strings.Split(path, "/"),
		gen: generationOf(path), scope: scope, handle: h}
}

// match returns the route for method and path with its parameters. When the
// path exists only under other methods it returns a 405 error with Allow set;
// when it does not exist at all, a 404.
func match(method, path string) (*route, map[string]string, *apiError) {
	segs := strings.Split(path, "/")
	var allow []string
	for i := range routes {
		rt := &routes[i]
		params, ok := rt.bind(segs)
		if !ok {
			continue
		}
		if rt.method == method {
			return rt, params, nil
		}
		allow = append(allow, rt.method)
	}
	if allow == nil {
		// HostUp's not_found (v1 NOT_FOUND) is an endpoint's answer about the
		// object its path names. A path no endpoint serves never reaches an
		// endpoint, so the real API cannot answer it with that code: its
		// router's fallback answers instead. Its body is not documented; the
		// simulator gives it a code of its own, so that a client that took
		// every 404 for "the object is gone" (and dropped a live purchase from
		// state on a wrong path prefix) is caught.
		return nil, nil, newError(http.StatusNotFound, routeNotFoundCode(generationOf(path)), "No endpoint %s %s.", method, path)
	}
	slices.Sort(allow)
	list := strings.Join(allow, ", ")
	return nil, nil, newError(http.StatusMethodNotAllowed, "", "%s is not allowed on %s; allowed: %s.", method, path, list).
		withHeader("Allow", list)
}

// routeNotFoundCode is the code of the 404 for a path no endpoint serves.
func routeNotFoundCode(gen generation) string {
	if gen == genV2 {
		return "route_not_found"
	}
	return "ROUTE_NOT_FOUND"
}

func (rt *route) bind(segs []string) (map[string]string, bool) {
	if len(segs) != len(rt.segments) {
		return nil, false
	}
	params := map[string]string{}
	for i, want := range rt.segments {
		if name, ok := strings.CutPrefix(want, "{"); ok {
			if segs[i] == "" {
				return nil, false
			}
			params[strings.TrimSuffix(name, "}")] = segs[i]
		} else if segs[i] != want {
			return nil, false
		}
	}
	return params, true
}
