package hostupsim

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// admin calls the admin API and decodes its answer into out (if not nil).
func admin(t *testing.T, url, method, path, body string, wantStatus int, out any) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != wantStatus {
		t.Fatalf("%s %s = %d %s, want %d", method, path, resp.StatusCode, raw, wantStatus)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			t.Fatalf("%s %s: %v\n%s", method, path, err, raw)
		}
	}
}

func TestAdminRoundTrip(t *testing.T) {
	e := newEnv(t)
	ts := httptest.NewServer(e.sim.AdminHandler())
	t.Cleanup(ts.Close)
	preview := func() result {
		return e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-business","dryRun":true}`)
	}

	// Faults.
	admin(t, ts.URL, "POST", "/admin/faults", `{"route":"`+RouteV2HostingUpgrade+`","times":-1,"status":429,"retryAfterSeconds":4}`, 200, nil)
	for range 2 {
		if r := preview(); r.status != 429 || r.header.Get("Retry-After") != "4" {
			t.Fatalf("fault not applied: %d %v", r.status, r.header)
		}
	}
	admin(t, ts.URL, "DELETE", "/admin/faults", "", 200, nil)
	preview().wantStatus(t, http.StatusOK, "")
	admin(t, ts.URL, "POST", "/admin/faults", `{"route":"GET /nowhere"}`, 400, nil)
	admin(t, ts.URL, "POST", "/admin/faults", `{"latency":5}`, 400, nil)

	// A price change between calls shows in the next preview: 580 × 181/365.
	admin(t, ts.URL, "POST", "/admin/prices", `{"product":"webbhotell-business","cycle":"annually","amount":"1288.00"}`, 200, nil)
	if got := get(preview().body, "priceChange.amount"); got != 287.62 {
		t.Errorf("amount after price change = %v", got)
	}
	admin(t, ts.URL, "POST", "/admin/prices", `{"product":"webbhotell-gold","cycle":"annually","amount":"1"}`, 400, nil)

	// The clock moves proration: 30 days later 151 days remain.
	var clock struct{ Now string }
	admin(t, ts.URL, "POST", "/admin/clock", `{"advanceSeconds":2592000}`, 200, &clock)
	if clock.Now != "2026-03-12T00:00:00Z" {
		t.Errorf("now = %s", clock.Now)
	}
	if got := get(preview().body, "priceChange.amount"); got != 239.95 { // 580 × 151/365
		t.Errorf("amount 30 days later = %v", got)
	}
	admin(t, ts.URL, "POST", "/admin/clock", `{"now":"2026-02-10T00:00:00Z"}`, 200, nil)
	admin(t, ts.URL, "POST", "/admin/clock", `{}`, 400, nil)

	// Drift: the plan changed outside Terraform.
	admin(t, ts.URL, "POST", "/admin/hosting/20000/product", `{"product":"webbhotell-business"}`, 200, nil)
	preview().wantStatus(t, http.StatusConflict, "same_product_plan")

	// Blocking invoices and pending orders.
	var inv Invoice
	admin(t, ts.URL, "POST", "/admin/hosting/"+e.seed.AccountV2ID+"/invoices", `{"amount":"99.50"}`, 200, &inv)
	if inv.Status != "unpaid" || inv.Amount != MustMoney("99.50") {
		t.Errorf("invoice = %+v", inv)
	}
	e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-premium"}`).wantStatus(t, http.StatusConflict, "existing_invoice_blocking")
	admin(t, ts.URL, "POST", "/admin/invoices/"+inv.ID+"/pay", "", 200, nil)
	admin(t, ts.URL, "POST", "/admin/hosting/20000/pending-orders", "", 200, nil)
	e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-premium"}`).wantStatus(t, http.StatusConflict, "pending_order")

	// State, log and counts.
	var st struct {
		Now      string
		Accounts []HostingAccount
		Orders   []Order
		Invoices []Invoice
	}
	admin(t, ts.URL, "GET", "/admin/state", "", 200, &st)
	if len(st.Accounts) != 2 || st.Accounts[0].ProductID != "1913" || st.Accounts[0].Name != "Business (cpanel)" ||
		len(st.Orders) != 1 || len(st.Invoices) != 1 || st.Invoices[0].Status != "paid" {
		t.Errorf("state = %+v", st)
	}
	var counts map[string]int
	admin(t, ts.URL, "GET", "/admin/counts", "", 200, &counts)
	if counts[RouteV2HostingUpgrade] != 8 {
		t.Errorf("counts = %v", counts)
	}
	var recs []RequestRecord
	admin(t, ts.URL, "GET", "/admin/requests", "", 200, &recs)
	if len(recs) != 8 || recs[0].Status != 429 || recs[0].Auth != "bearer" || recs[0].Body["dryRun"] != true {
		t.Errorf("requests = %+v", recs)
	}
	admin(t, ts.URL, "DELETE", "/admin/requests", "", 200, nil)
	admin(t, ts.URL, "GET", "/admin/requests", "", 200, &recs)
	if len(recs) != 0 {
		t.Errorf("log not emptied: %+v", recs)
	}
	admin(t, ts.URL, "POST", "/admin/hosting/29999/product", `{"product":"webbhotell-business"}`, 400, nil)
}

func TestAdminVMs(t *testing.T) {
	e := newEnv(t)
	ts := httptest.NewServer(e.sim.AdminHandler())
	t.Cleanup(ts.Close)

	admin(t, ts.URL, "POST", "/admin/vms/10000/package", `{"product":"vps-xl"}`, 200, nil)
	admin(t, ts.URL, "POST", "/admin/vms/"+e.seed.VMV2ID+"/options", `{"option":"backupSlots","quantity":3}`, 200, nil)
	admin(t, ts.URL, "POST", "/admin/vms/10000/options", `{"option":"2253","quantity":99}`, 400, nil)
	admin(t, ts.URL, "POST", "/admin/vms/19999/package", `{"product":"vps-xl"}`, 400, nil)
	admin(t, ts.URL, "POST", "/admin/vms/10000/package", `{"product":"webbhotell-start"}`, 400, nil)
	vm, _ := e.sim.VM("10000")
	if vm.ProductID != "1938" || vm.Options[OptionBackups] != 3 {
		t.Fatalf("vm = %+v", vm)
	}

	// A unit price change shows in the next estimate: 2 more backups at 20 kr × 26/28.
	admin(t, ts.URL, "POST", "/admin/vps-options/2404/price", `{"amount":"20.00"}`, 200, nil)
	r := e.v1("POST", "/api/vm/10000/upgrade", `{"send":false,"resources":{"2404":5}}`)
	if got := get(r.body, "data.prorated"); got != 37.14 {
		t.Errorf("prorated after price change = %v\n%s", got, r.raw)
	}

	// Upgrades complete after the configured delay.
	admin(t, ts.URL, "POST", "/admin/vm-upgrade-delay", `{"seconds":60}`, 200, nil)
	e.v1("POST", "/api/vm/10000/upgrade", `{"send":true,"draftId":5257}`).wantStatus(t, http.StatusOK, "")
	admin(t, ts.URL, "POST", "/admin/clock", `{"advanceSeconds":60}`, 200, nil)
	var st adminState
	admin(t, ts.URL, "GET", "/admin/state", "", 200, &st)
	if len(st.VMs) != 2 || st.VMs[0].Options[OptionBackups] != 5 || st.Orders[0].Status != "completed" {
		t.Errorf("state after the delay: vms %+v, orders %+v", st.VMs, st.Orders)
	}
	admin(t, ts.URL, "POST", "/admin/vms/10000/status", `{"status":"suspended"}`, 200, nil)
	e.v1("POST", "/api/vm/10000/upgrade", `{"send":false,"resources":{"2404":6}}`).wantStatus(t, http.StatusForbidden, "ACCOUNT_INACTIVE")
}

func TestAdminLean(t *testing.T) {
	e := newEnv(t)
	ts := httptest.NewServer(e.sim.AdminHandler())
	t.Cleanup(ts.Close)
	cpu := func() any { return get(e.v1("GET", "/api/vm/10000/details", "").body, "data.cpu") }
	var out map[string]bool
	admin(t, ts.URL, "POST", "/admin/lean", `{"lean":true}`, 200, &out)
	if !out["lean"] || !e.sim.Lean() || cpu() != "4" {
		t.Errorf("lean on: %v, cpu %#v", out, cpu())
	}
	admin(t, ts.URL, "POST", "/admin/lean", `{"lean":false}`, 200, nil)
	if e.sim.Lean() || cpu() != float64(4) {
		t.Errorf("lean off: cpu %#v", cpu())
	}
	admin(t, ts.URL, "POST", "/admin/lean", `{}`, 400, nil)
	admin(t, ts.URL, "POST", "/admin/lean", `{"lean":"yes"}`, 400, nil)
}
