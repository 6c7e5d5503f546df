package hostupsim

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"time"
)

// AdminHandler returns the admin JSON API, for runs where the simulator is a
// separate process (the demo, CLI-driven scenario tests). Serve it on its own
// listener: it must never be reachable on the API's port, where a provider
// under test could see it.
//
//	GET    /admin/requests                  the request log
//	DELETE /admin/requests                  empty the log
//	GET    /admin/counts                    {route: count}
//	POST   /admin/faults                    {route, times, latencyMs, status, code, retryAfterSeconds, dropAfterHandler,
//	                                         onlyCommits, redirectStatus, location, malformedBody, truncatedBody}
//	DELETE /admin/faults                    clear faults
//	POST   /admin/prices                    {product, cycle, amount: "238.03"}
//	POST   /admin/products/{id}/availability {available, reason}
//	POST   /admin/rate-limit                {perSecond}: 0 turns the limit off
//	POST   /admin/lean                      {lean}: documented fields only, the other JSON type where two are allowed (see SetLean)
//	DELETE /admin/hosting/{id}              the account disappears (both ids answer 404)
//	POST   /admin/hosting/{id}/product      {product}: plan changed outside Terraform
//	POST   /admin/hosting/{id}/billing-cycle {cycle}: billing cycle changed outside Terraform
//	POST   /admin/hosting/{id}/status       {status}
//	POST   /admin/hosting/{id}/invoices     {amount}: an unpaid invoice
//	POST   /admin/hosting/{id}/pending-orders  a pending order
//	POST   /admin/hosting/{id}/storage-tiers  a StorageTier: add or replace one of the account's tiers
//	POST   /admin/hosting/{id}/storage-gate   {code, reason}: close canAddStorage; empty code opens it
//	POST   /admin/orders/{id}/status        {status}: e.g. failed, cancelled
//	DELETE /admin/orders/{id}               the order disappears
//	POST   /admin/vms/{id}/package          {product}: VM resized outside Terraform
//	POST   /admin/vms/{id}/options          {option, quantity}: option changed outside Terraform
//	POST   /admin/vms/{id}/status           {status}
//	POST   /admin/vps-options/{option}/price {amount}: monthly unit price
//	POST   /admin/vm-upgrade-delay          {seconds}: how long VM upgrades take
//	POST   /admin/invoices/{id}/pay         mark paid
//	POST   /admin/clock                     {advanceSeconds} or {now: RFC 3339}
//	GET    /admin/state                     {now, products, accounts, vms, orders, invoices, storageTiers}
//
// Mistakes (unknown ids, malformed bodies) are answered 400 {"error": "..."}.
func (s *Server) AdminHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /admin/requests", func(w http.ResponseWriter, _ *http.Request) {
		writeAdmin(w, s.Requests(), nil)
	})
	mux.HandleFunc("DELETE /admin/requests", func(w http.ResponseWriter, _ *http.Request) {
		s.ResetLog()
		writeAdmin(w, ok, nil)
	})
	mux.HandleFunc("GET /admin/counts", func(w http.ResponseWriter, _ *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		writeAdmin(w, s.counts(), nil)
	})
	mux.HandleFunc("POST /admin/faults", adminPost(func(_ *http.Request, in adminFault) (any, error) {
		f, err := in.fault()
		if err == nil {
			s.InjectFault(f)
		}
		return ok, err
	}))
	mux.HandleFunc("DELETE /admin/faults", func(w http.ResponseWriter, _ *http.Request) {
		s.ClearFaults()
		writeAdmin(w, ok, nil)
	})
	mux.HandleFunc("POST /admin/rate-limit", adminPost(func(_ *http.Request, in struct {
		PerSecond int `json:"perSecond"`
	}) (any, error) {
		s.SetRateLimit(in.PerSecond)
		return ok, nil
	}))
	mux.HandleFunc("POST /admin/lean", adminPost(func(_ *http.Request, in struct {
		Lean *bool `json:"lean"`
	}) (any, error) {
		if in.Lean == nil {
			return nil, errors.New("give lean: true or false")
		}
		s.SetLean(*in.Lean)
		return map[string]bool{"lean": *in.Lean}, nil
	}))
	mux.HandleFunc("DELETE /admin/hosting/{id}", func(w http.ResponseWriter, r *http.Request) {
		writeAdmin(w, ok, s.removeHostingAccount(r.PathValue("id")))
	})
	mux.HandleFunc("POST /admin/prices", adminPost(func(_ *http.Request, in struct {
		Product string `json:"product"`
		Cycle   string `json:"cycle"`
		Amount  Money  `json:"amount"`
	}) (any, error) {
		return ok, s.setProductPrice(in.Product, in.Cycle, in.Amount)
	}))
	mux.HandleFunc("POST /admin/products/{id}/availability", adminPost(func(r *http.Request, in struct {
		Available bool   `json:"available"`
		Reason    string `json:"reason"`
	}) (any, error) {
		return ok, s.setProductAvailable(r.PathValue("id"), in.Available, in.Reason)
	}))
	mux.HandleFunc("POST /admin/hosting/{id}/product", adminPost(func(r *http.Request, in struct {
		Product string `json:"product"`
	}) (any, error) {
		return ok, s.setHostingProduct(r.PathValue("id"), in.Product)
	}))
	mux.HandleFunc("POST /admin/hosting/{id}/billing-cycle", adminPost(func(r *http.Request, in struct {
		Cycle string `json:"cycle"`
	}) (any, error) {
		return ok, s.setHostingBillingCycle(r.PathValue("id"), in.Cycle)
	}))
	mux.HandleFunc("POST /admin/hosting/{id}/status", adminPost(func(r *http.Request, in struct {
		Status string `json:"status"`
	}) (any, error) {
		return ok, s.setHostingStatus(r.PathValue("id"), in.Status)
	}))
	mux.HandleFunc("POST /admin/hosting/{id}/invoices", adminPost(func(r *http.Request, in struct {
		Amount Money `json:"amount"`
	}) (any, error) {
		return s.addUnpaidInvoice(r.PathValue("id"), in.Amount)
	}))
	mux.HandleFunc("POST /admin/hosting/{id}/pending-orders", adminPost(func(r *http.Request, _ struct{}) (any, error) {
		return s.addPendingOrder(r.PathValue("id"))
	}))
	mux.HandleFunc("POST /admin/hosting/{id}/storage-tiers", adminPost(func(r *http.Request, in StorageTier) (any, error) {
		return ok, s.setStorageTier(r.PathValue("id"), in)
	}))
	mux.HandleFunc("POST /admin/hosting/{id}/storage-gate", adminPost(func(r *http.Request, in struct {
		Code   string `json:"code"`
		Reason string `json:"reason"`
	}) (any, error) {
		return ok, s.setStorageGate(r.PathValue("id"), in.Code, in.Reason)
	}))
	mux.HandleFunc("POST /admin/orders/{id}/status", adminPost(func(r *http.Request, in struct {
		Status string `json:"status"`
	}) (any, error) {
		return ok, s.setOrderStatus(r.PathValue("id"), in.Status)
	}))
	mux.HandleFunc("DELETE /admin/orders/{id}", func(w http.ResponseWriter, r *http.Request) {
		writeAdmin(w, ok, s.removeOrder(r.PathValue("id")))
	})
	mux.HandleFunc("POST /admin/vms/{id}/package", adminPost(func(r *http.Request, in struct {
		Product string `json:"product"`
	}) (any, error) {
		return ok, s.setVMPackage(r.PathValue("id"), in.Product)
	}))
	mux.HandleFunc("POST /admin/vms/{id}/options", adminPost(func(r *http.Request, in struct {
		Option   string `json:"option"`
		Quantity int64  `json:"quantity"`
	}) (any, error) {
		return ok, s.setVMOption(r.PathValue("id"), in.Option, in.Quantity)
	}))
	mux.HandleFunc("POST /admin/vms/{id}/status", adminPost(func(r *http.Request, in struct {
		Status string `json:"status"`
	}) (any, error) {
		return ok, s.setVMStatus(r.PathValue("id"), in.Status)
	}))
	mux.HandleFunc("POST /admin/vps-options/{option}/price", adminPost(func(r *http.Request, in struct {
		Amount Money `json:"amount"`
	}) (any, error) {
		return ok, s.setVPSOptionPrice(r.PathValue("option"), in.Amount)
	}))
	mux.HandleFunc("POST /admin/vm-upgrade-delay", adminPost(func(_ *http.Request, in struct {
		Seconds float64 `json:"seconds"`
	}) (any, error) {
		s.SetVMUpgradeDelay(time.Duration(in.Seconds * float64(time.Second)))
		return ok, nil
	}))
	mux.HandleFunc("POST /admin/invoices/{id}/pay", adminPost(func(r *http.Request, _ struct{}) (any, error) {
		return ok, s.payInvoice(r.PathValue("id"))
	}))
	mux.HandleFunc("POST /admin/clock", adminPost(func(_ *http.Request, in struct {
		AdvanceSeconds *float64   `json:"advanceSeconds"`
		Now            *time.Time `json:"now"`
	}) (any, error) {
		switch {
		case (in.AdvanceSeconds == nil) == (in.Now == nil):
			return nil, errors.New("give exactly one of advanceSeconds and now")
		case in.Now != nil:
			s.SetNow(*in.Now)
		default:
			s.Advance(time.Duration(*in.AdvanceSeconds * float64(time.Second)))
		}
		return map[string]time.Time{"now": s.Now()}, nil
	}))
	mux.HandleFunc("GET /admin/state", func(w http.ResponseWriter, _ *http.Request) {
		writeAdmin(w, s.state(), nil)
	})
	return mux
}

// ok is the body of admin calls that have nothing else to say.
var ok = map[string]bool{"ok": true}

// adminFault is a Fault as JSON, with durations in (milli)seconds.
type adminFault struct {
	Route             string  `json:"route"`
	Times             int     `json:"times"`
	LatencyMs         int64   `json:"latencyMs"`
	Status            int     `json:"status"`
	Code              string  `json:"code"`
	RetryAfterSeconds float64 `json:"retryAfterSeconds"`
	DropAfterHandler  bool    `json:"dropAfterHandler"`
	OnlyCommits       bool    `json:"onlyCommits"`
	RedirectStatus    int     `json:"redirectStatus"`
	Location          string  `json:"location"`
	MalformedBody     bool    `json:"malformedBody"`
	TruncatedBody     bool    `json:"truncatedBody"`
}

func (in adminFault) fault() (Fault, error) {
	if err := checkFaultRoute(in.Route); err != nil {
		return Fault{}, err
	}
	if in.Times < -1 || (in.Status != 0 && (in.Status < 400 || in.Status > 599)) {
		return Fault{}, fmt.Errorf("times must be -1 or more and status an HTTP error status, got %d/%d", in.Times, in.Status)
	}
	if in.RedirectStatus != 0 && (in.RedirectStatus < 300 || in.RedirectStatus > 399 || in.Location == "") {
		return Fault{}, fmt.Errorf("redirectStatus must be a 3xx status and come with a location, got %d %q", in.RedirectStatus, in.Location)
	}
	return Fault{Route: in.Route, Times: in.Times, Latency: time.Duration(in.LatencyMs) * time.Millisecond,
		Status: in.Status, Code: in.Code, RetryAfter: time.Duration(in.RetryAfterSeconds * float64(time.Second)),
		DropAfterHandler: in.DropAfterHandler, OnlyCommits: in.OnlyCommits,
		RedirectStatus: in.RedirectStatus, Location: in.Location, MalformedBody: in.MalformedBody, TruncatedBody: in.TruncatedBody}, nil
}

// adminPost adapts a typed admin action: it decodes the body strictly (an
// empty body is an empty object) and writes the result, or a 400 naming the
// mistake.
func adminPost[T any](action func(*http.Request, T) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var in T
		dec := json.NewDecoder(r.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&in); err != nil && !errors.Is(err, io.EOF) {
			writeAdmin(w, nil, fmt.Errorf("invalid body: %w", err))
			return
		}
		v, err := action(r, in)
		writeAdmin(w, v, err)
	}
}

func writeAdmin(w http.ResponseWriter, v any, err error) {
	w.Header().Set("Content-Type", "application/json")
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		v = map[string]string{"error": err.Error()}
	}
	_, _ = w.Write(encodeJSON(v))
}

type adminState struct {
	Now      time.Time        `json:"now"`
	Products []Product        `json:"products"`
	Accounts []HostingAccount `json:"accounts"`
	VMs      []VM             `json:"vms"`
	Orders   []Order          `json:"orders"`
	Invoices []Invoice        `json:"invoices"`
	// StorageTiers are each account's tiers, by v2 account id.
	StorageTiers map[string][]StorageTier `json:"storageTiers"`
}

// state snapshots everything, in stable orders.
func (s *Server) state() adminState {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.applyDueVMChanges()
	st := adminState{Now: s.now, Products: []Product{}, Accounts: []HostingAccount{}, VMs: []VM{},
		Orders: copyAll(s.orders), Invoices: copyAll(s.invoices), StorageTiers: map[string][]StorageTier{}}
	for _, id := range slices.Sorted(maps.Keys(s.products)) {
		p := *s.products[id]
		p.Prices = maps.Clone(p.Prices)
		st.Products = append(st.Products, p)
	}
	for _, a := range s.sortedAccounts() {
		st.Accounts = append(st.Accounts, s.accountSnapshot(a))
		st.StorageTiers[a.V2ID] = copyAll(s.accountStorageTiers(a))
	}
	for _, id := range slices.Sorted(maps.Keys(s.vms)) {
		st.VMs = append(st.VMs, vmSnapshot(s.vms[id]))
	}
	return st
}
