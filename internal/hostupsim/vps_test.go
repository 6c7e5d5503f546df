package hostupsim

import (
	"net/http"
	"strings"
	"testing"
)

func (e *env) vpsPath(suffix string) string {
	return "/api/v2/vps/" + e.seed.VMV2ID + suffix
}

func TestV1VMDetails(t *testing.T) {
	e := newEnv(t)
	r := e.v1("GET", "/api/vm/10000/details", "")
	r.wantStatus(t, http.StatusOK, "")
	want := `{"id":10000,"product_id":"1937","product_name":"VPS L","hostname":"vps1.example.com","status":"active",` +
		`"billingcycle":"Monthly","price":"560.00","cpu":4,"ram":8192,"disk":160,"bandwidth_limit":4000,"next_due":"2026-03-08"}`
	if got := string(r.raw); !strings.Contains(got, `"data":`+want+"}") {
		t.Errorf("details =\n%s\nwant data\n%s", got, want)
	}
	e.v1("GET", "/api/vm/19999/details", "").wantStatus(t, http.StatusNotFound, "NOT_FOUND")
	e.v1("GET", "/api/vm/"+e.seed.VMV2ID+"/details", "").wantStatus(t, http.StatusBadRequest, "VALIDATION_ERROR")
}

// A credit (fewer backups on the annual XL server) answers like the
// documented example commit: no invoice, redirectUrl null, a negative total.
func TestV1VMUpgradeCommitMatchesPage002(t *testing.T) {
	e := newEnv(t)
	r := e.v1("POST", "/api/vm/10001/upgrade", `{"send":true,"resources":{"2404":0}}`)
	r.wantStatus(t, http.StatusOK, "")
	wantSameShape(t, loadJSON(t, "page002_vm_upgrade.json"), r.body)
	for path, want := range map[string]any{
		"data.message": "Upgrade request submitted successfully", "data.total": "-383.18",
		"data.orderId": 33784.0, "data.orderNum": 1941404912.0, "data.redirectUrl": nil,
		"data.raw.checkout.total": "-383.18", "data.raw.checkout.newtotal": "9840.00",
		"data.raw.call": "orderConfigUpgrade", "data.raw.checkout.invoice_id": 0.0,
	} {
		if got := get(r.body, path); got != want {
			t.Errorf("%s = %v (%T), want %v", path, got, got, want)
		}
	}
	if len(e.sim.Invoices()) != 0 {
		t.Errorf("a credit was invoiced: %+v", e.sim.Invoices())
	}
}

func TestV1VMEstimateThenCommitDraft(t *testing.T) {
	e := newEnv(t)
	r := e.v1("POST", "/api/vm/10000/upgrade", `{"send":false,"resources":{"2231":400}}`)
	r.wantStatus(t, http.StatusOK, "")
	for path, want := range map[string]any{
		"data.estimate": true, "data.draftId": 5257.0, "data.prorated": 185.71, "data.recurring": 760.0,
		"data.raw.draft.price.total": "185.71", "data.raw.draft.price.recurring.m": "760.00",
		"data.raw.draft.currency.code": "kr", "data.raw.draft.currency.iso": "SEK",
		"data.raw.draft.services.1.product_id": "1937",
	} {
		if got := get(r.body, path); got != want {
			t.Errorf("%s = %v (%T), want %v", path, got, got, want)
		}
	}
	for _, secret := range []string{FakeCustomerEmail, FakeCustomerCardNumber, FakeCustomerPassword, FakeCustomerResetToken} {
		if !strings.Contains(string(r.raw), secret) {
			t.Errorf("estimate lacks the fake customer record's %q", secret)
		}
	}
	if n := len(e.sim.Orders()); n != 0 {
		t.Fatalf("an estimate created %d orders", n)
	}
	// Every estimate is a new draft.
	r2 := e.v1("POST", "/api/vm/10000/upgrade", `{"send":false,"resources":{"2231":400}}`)
	if get(r2.body, "data.draftId") != 5258.0 || get(r2.body, "data.prorated") != 185.71 {
		t.Errorf("second estimate: %s", r2.raw)
	}

	c := e.v1("POST", "/api/vm/10000/upgrade", `{"send":true,"draftId":5258,"resources":{"2231":400}}`)
	c.wantStatus(t, http.StatusOK, "")
	if get(c.body, "data.total") != "185.71" || get(c.body, "data.draftId") != 5258.0 ||
		get(c.body, "data.invoiceId") != "50619" || get(c.body, "data.redirectUrl") != "/billing?invoice=50619" {
		t.Errorf("commit = %s", c.raw)
	}
	// The draft is used up, and the other one was made before the change.
	e.v1("POST", "/api/vm/10000/upgrade", `{"send":true,"draftId":5258}`).wantStatus(t, http.StatusBadRequest, "INVALID_DRAFT")
	e.v1("POST", "/api/vm/10000/upgrade", `{"send":true,"draftId":5257}`).wantStatus(t, http.StatusConflict, "DRAFT_EXPIRED")

	// Scheduled, not yet carried out: details show the old size; new upgrades wait.
	vm, _ := e.sim.VM("10000")
	orders := e.sim.Orders()
	if vm.Options[OptionStorage] != 0 || len(orders) != 1 || orders[0].Status != "pending" || orders[0].AccountID != e.seed.VMV2ID {
		t.Fatalf("before the delay: vm %+v, orders %+v", vm, orders)
	}
	e.v1("POST", "/api/vm/10000/upgrade", `{"send":false,"resources":{"2404":1}}`).wantStatus(t, http.StatusConflict, "PENDING_ORDER")
	e.sim.Advance(VMUpgradeDelay)
	vm, _ = e.sim.VM(e.seed.VMV2ID)
	if vm.Options[OptionStorage] != 400 || e.sim.Orders()[0].Status != "completed" {
		t.Errorf("after the delay: vm %+v, orders %+v", vm, e.sim.Orders())
	}
	d := e.v1("GET", "/api/vm/10000/details", "")
	if get(d.body, "data.disk") != 560.0 || get(d.body, "data.price") != "760.00" {
		t.Errorf("details after the upgrade: %s", d.raw)
	}
}

func TestV1VMDraftStaleAfterOutsideChange(t *testing.T) {
	e := newEnv(t)
	e.v1("POST", "/api/vm/10000/upgrade", `{"send":false,"package":"1938"}`).wantStatus(t, http.StatusOK, "")
	e.sim.SetVMOption("10000", "backupSlots", 2)
	e.v1("POST", "/api/vm/10000/upgrade", `{"send":true,"draftId":5257}`).wantStatus(t, http.StatusConflict, "DRAFT_EXPIRED")
	if n := len(e.sim.Orders()); n != 0 {
		t.Errorf("a stale draft created %d orders", n)
	}
}

func TestV1VMUpgradeErrors(t *testing.T) {
	e := newEnv(t)
	e.v1("POST", "/api/vm/10000/upgrade", `{"send":false,"package":"1938"}`).wantStatus(t, http.StatusOK, "")
	e.sim.AddVM(VM{ID: 10005, Hostname: "off.example.com", ProductID: "vps-s", Status: "suspended"})
	tests := []struct {
		name, path, body string
		status           int
		code             string
	}{
		{"send missing", "/api/vm/10000/upgrade", `{"resources":{"2231":1}}`, 400, "VALIDATION_ERROR"},
		{"send a string", "/api/vm/10000/upgrade", `{"send":"true","resources":{"2231":1}}`, 400, "VALIDATION_ERROR"},
		{"nothing to change", "/api/vm/10000/upgrade", `{"send":false}`, 400, "VALIDATION_ERROR"},
		{"same size", "/api/vm/10000/upgrade", `{"send":false,"package":"1937","resources":{"2211":1000}}`, 400, "NO_CHANGES"},
		{"unknown option", "/api/vm/10000/upgrade", `{"send":false,"resources":{"9999":1}}`, 400, "INVALID_OPTION"},
		{"v2 key", "/api/vm/10000/upgrade", `{"send":false,"resources":{"bandwidthGb":1}}`, 400, "INVALID_OPTION"},
		{"out of range", "/api/vm/10000/upgrade", `{"send":false,"resources":{"2253":0}}`, 400, "INVALID_OPTION_VALUE"},
		{"fractional quantity", "/api/vm/10000/upgrade", `{"send":false,"resources":{"2231":1.5}}`, 400, "VALIDATION_ERROR"},
		{"hosting package", "/api/vm/10000/upgrade", `{"send":false,"package":"1913"}`, 400, "INVALID_PRODUCT"},
		{"slug package", "/api/vm/10000/upgrade", `{"send":false,"package":"vps-xl"}`, 400, "VALIDATION_ERROR"},
		{"other cycle", "/api/vm/10000/upgrade", `{"send":false,"cycle":"a","package":"1938"}`, 400, "INVALID_CYCLE"},
		{"draft without send", "/api/vm/10000/upgrade", `{"send":false,"draftId":5257}`, 400, "VALIDATION_ERROR"},
		{"unknown draft", "/api/vm/10000/upgrade", `{"send":true,"draftId":6213}`, 400, "INVALID_DRAFT"},
		{"other VM's draft", "/api/vm/10001/upgrade", `{"send":true,"draftId":5257}`, 400, "INVALID_DRAFT"},
		{"draft mismatch", "/api/vm/10000/upgrade", `{"send":true,"draftId":5257,"package":"1936"}`, 400, "DRAFT_MISMATCH"},
		{"inactive", "/api/vm/10005/upgrade", `{"send":false,"package":"1938"}`, 403, "ACCOUNT_INACTIVE"},
		{"unknown VM", "/api/vm/19999/upgrade", `{"send":false,"package":"1938"}`, 404, "NOT_FOUND"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.v1("POST", tt.path, tt.body)
			r.wantStatus(t, tt.status, tt.code)
			if r.body["error"] != http.StatusText(tt.status) || r.body["message"] == "" {
				t.Errorf("not a v1 error body: %s", r.raw)
			}
		})
	}
	if n := len(e.sim.Orders()); n != 0 {
		t.Errorf("failed upgrades created %d orders", n)
	}
}

func TestV1VMFaultOnlyCommits(t *testing.T) {
	e := newEnv(t)
	e.sim.InjectFault(Fault{Route: RouteV1VMUpgrade, Status: http.StatusServiceUnavailable, OnlyCommits: true})
	e.v1("POST", "/api/vm/10000/upgrade", `{"send":false,"package":"1938"}`).wantStatus(t, http.StatusOK, "")
	e.v1("POST", "/api/vm/10000/upgrade", `{"send":true,"draftId":5257}`).wantStatus(t, http.StatusServiceUnavailable, "")
	if n := e.sim.CountWhere(RouteV1VMUpgrade, func(r RequestRecord) bool { return r.Body["send"] == true }); n != 1 {
		t.Errorf("commits logged = %d, want 1", n)
	}
}

func TestV2VPS(t *testing.T) {
	e := newEnv(t)
	r := e.v2("GET", e.vpsPath(""), "")
	r.wantStatus(t, http.StatusOK, "")
	want := `{"id":"vps_01hxa3b4c5d6e7f8g9h0j1k2n1","hostname":"vps1.example.com","status":"active",` +
		`"plan":{"productSlug":"vps-l","name":"VPS L"},"billing":{"amount":560,"currencyCode":"SEK","billingCycle":"monthly"},` +
		`"specs":{"cpu":4,"ramMb":8192,"diskGb":160,"bandwidthGb":4000},` +
		`"options":{"additionalStorageGb":0,"backupSlots":0,"bandwidthGb":1000,"ipv4Count":1,"ipv6":true,"snapshotSlots":0}}` + "\n"
	if string(r.raw) != want {
		t.Errorf("vps =\n%s\nwant\n%s", r.raw, want)
	}
	e.v2("GET", "/api/v2/vps/vps_01hxa3b4c5d6e7f8g9h0j1k2zz", "").wantStatus(t, http.StatusNotFound, "vps_not_found")
	e.v2("GET", "/api/v2/vps/10000", "").wantStatus(t, http.StatusBadRequest, "invalid_request")
	e.v1("GET", e.vpsPath(""), "").wantStatus(t, http.StatusUnauthorized, "unauthorized")

	e.sim.AddAPIKey("hosting-only", ScopeReadHosting)
	e.send("GET", e.vpsPath(""), "", "Authorization: Bearer hosting-only").wantStatus(t, http.StatusForbidden, "forbidden")
}

func TestV2VPSUpgradeOptions(t *testing.T) {
	e := newEnv(t)
	e.sim.SetProductAvailable("vps-s", false, "Sold out")
	r := e.v2("GET", e.vpsPath("/actions/upgrade"), "")
	r.wantStatus(t, http.StatusOK, "")
	want := `{"vpsId":"vps_01hxa3b4c5d6e7f8g9h0j1k2n1","hostname":"vps1.example.com","currencyCode":"SEK",` +
		`"actions":{"canUpgrade":{"allowed":true,"reason":null,"code":null}},` +
		`"currentPlan":{"productSlug":"vps-l","name":"VPS L","billing":{"amount":560,"currencyCode":"SEK","billingCycle":"monthly"}},` +
		`"availablePlans":[` +
		`{"productSlug":"vps-s","name":"VPS S","type":"downgrade","billing":{"amount":309,"currencyCode":"SEK","billingCycle":"monthly"},"available":false,"reason":"Sold out"},` +
		`{"productSlug":"vps-m","name":"VPS M","type":"downgrade","billing":{"amount":399,"currencyCode":"SEK","billingCycle":"monthly"},"available":true,"reason":null},` +
		`{"productSlug":"vps-xl","name":"VPS XL","type":"upgrade","billing":{"amount":740,"currencyCode":"SEK","billingCycle":"monthly"},"available":true,"reason":null}],` +
		`"configurableOptions":[` +
		`{"key":"bandwidthGb","name":"Bandwidth limit (GB)","type":"quantity","min":0,"max":10000,"current":1000,"price":{"amount":0.1,"currencyCode":"SEK","billingCycle":"monthly"}},` +
		`{"key":"additionalStorageGb","name":"Additional storage (GB)","type":"quantity","min":0,"max":2000,"current":0,"price":{"amount":0.5,"currencyCode":"SEK","billingCycle":"monthly"}},` +
		`{"key":"ipv4Count","name":"IP Address","type":"quantity","min":1,"max":8,"current":1,"price":{"amount":40,"currencyCode":"SEK","billingCycle":"monthly"}},` +
		`{"key":"ipv6","name":"IPv6","type":"boolean","min":0,"max":1,"current":true,"price":{"amount":0,"currencyCode":"SEK","billingCycle":"monthly"}},` +
		`{"key":"backupSlots","name":"Backups","type":"quantity","min":0,"max":50,"current":0,"price":{"amount":15,"currencyCode":"SEK","billingCycle":"monthly"}},` +
		`{"key":"snapshotSlots","name":"Snapshots","type":"quantity","min":0,"max":20,"current":0,"price":{"amount":10,"currencyCode":"SEK","billingCycle":"monthly"}}]}` + "\n"
	if string(r.raw) != want {
		t.Errorf("options =\n%s\nwant\n%s", r.raw, want)
	}
}

func TestV2VPSPlanChange(t *testing.T) {
	e := newEnv(t)
	path := e.vpsPath("/actions/upgrade")
	r := e.v2("POST", path, `{"productSlug":"vps-xl","dryRun":true}`)
	r.wantStatus(t, http.StatusOK, "")
	for p, want := range map[string]any{
		"dryRun": true, "currentPlan.productSlug": "vps-l", "newPlan.productSlug": "vps-xl",
		"priceChange.amount": 167.14, "priceChange.recurringAmount": 740.0, "priceChange.additionalRecurringAmount": 180.0,
		"priceChange.currencyCode": "SEK", "actions.canCommit.allowed": true, "orderId": nil, "paymentInvoice": nil,
	} {
		if got := get(r.body, p); got != want {
			t.Errorf("%s = %v (%T), want %v", p, got, got, want)
		}
	}
	// The v1 estimate of the same change costs the same.
	v1 := e.v1("POST", "/api/vm/10000/upgrade", `{"send":false,"package":"1938"}`)
	if get(v1.body, "data.prorated") != 167.14 {
		t.Errorf("v1 estimate = %s", v1.raw)
	}

	c := e.v2("POST", path, `{"productSlug":"vps-xl"}`)
	c.wantStatus(t, http.StatusOK, "")
	if get(c.body, "dryRun") != false || get(c.body, "paymentInvoice.amount") != 167.14 || get(c.body, "orderId") == nil {
		t.Errorf("commit = %s", c.raw)
	}
	// The unpaid invoice blocks the next change until it is paid or cancelled.
	e.sim.Advance(VMUpgradeDelay)
	cfg := e.vpsPath("/actions/config")
	p := e.v2("POST", cfg, `{"resources":{"backupSlots":2},"dryRun":true}`)
	if get(p.body, "actions.canCommit.allowed") != false || get(p.body, "actions.canCommit.code") != "existing_invoice_blocking" {
		t.Errorf("preview with an unpaid invoice = %s", p.raw)
	}
	e.v2("POST", cfg, `{"resources":{"backupSlots":2}}`).wantStatus(t, http.StatusConflict, "existing_invoice_blocking")
	e.v2("POST", cfg, `{"resources":{"backupSlots":2},"cancelExistingInvoice":true}`).wantStatus(t, http.StatusOK, "")
	if inv := e.sim.Invoices()[0]; inv.Status != "cancelled" {
		t.Errorf("blocking invoice = %+v", inv)
	}
	e.sim.Advance(VMUpgradeDelay)
	vm, _ := e.sim.VM("10000")
	if vm.ProductID != "1938" || vm.Options[OptionBackups] != 2 {
		t.Errorf("vm = %+v", vm)
	}
}

func TestV2VPSValidation(t *testing.T) {
	e := newEnv(t)
	up, cfg := e.vpsPath("/actions/upgrade"), e.vpsPath("/actions/config")
	tests := []struct {
		name, path, body string
		status           int
		code, pointer    string
	}{
		{"productId", up, `{"productId":"1938","productSlug":"vps-xl"}`, 400, "invalid_request", "/productId"},
		{"resources on the plan route", up, `{"productSlug":"vps-xl","resources":{"backupSlots":1}}`, 400, "invalid_request", "/resources"},
		{"draftId", up, `{"productSlug":"vps-xl","draftId":5257}`, 400, "invalid_request", "/draftId"},
		{"send", cfg, `{"resources":{"backupSlots":1},"send":true}`, 400, "invalid_request", "/send"},
		{"estimate", cfg, `{"resources":{"backupSlots":1},"estimate":true}`, 400, "invalid_request", "/estimate"},
		{"numeric slug", up, `{"productSlug":"1938"}`, 400, "invalid_request", "/productSlug"},
		{"unknown slug", up, `{"productSlug":"webbhotell-business"}`, 400, "invalid_request", "/productSlug"},
		{"other cycle", up, `{"productSlug":"vps-xl","billingCycle":"annually"}`, 400, "invalid_request", "/billingCycle"},
		{"v1 option id", cfg, `{"resources":{"2231":10}}`, 400, "invalid_request", "/resources/2231"},
		{"out of range", cfg, `{"resources":{"ipv4Count":9}}`, 400, "invalid_request", "/resources/ipv4Count"},
		{"ipv6 number", cfg, `{"resources":{"ipv6":1}}`, 400, "invalid_request", "/resources/ipv6"},
		{"empty resources", cfg, `{"resources":{}}`, 400, "invalid_request", "/resources"},
		{"same plan", up, `{"productSlug":"vps-l"}`, 409, "same_product_plan", ""},
		{"no change", cfg, `{"resources":{"bandwidthGb":1000}}`, 409, "no_changes", ""},
		{"unknown vps", "/api/v2/vps/vps_0zz/actions/config", `{"resources":{"backupSlots":1}}`, 404, "vps_not_found", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.v2("POST", tt.path, tt.body)
			r.wantStatus(t, tt.status, tt.code)
			if tt.pointer != "" {
				if p, _ := r.firstFieldError(t); p != tt.pointer {
					t.Errorf("pointer = %s, want %s", p, tt.pointer)
				}
			}
		})
	}
	e.sim.AddAPIKey("billing-only", ScopeWriteBilling)
	e.send("POST", cfg, `{"resources":{"backupSlots":1}}`, "Authorization: Bearer billing-only", "Content-Type: application/json").
		wantStatus(t, http.StatusForbidden, "forbidden")
	if n := len(e.sim.Orders()); n != 0 {
		t.Errorf("refused changes created %d orders", n)
	}
}

func TestV2VPSPendingOrderBlocks(t *testing.T) {
	e := newEnv(t)
	e.sim.AddPendingVMOrder(e.seed.VMV2ID)
	r := e.v2("POST", e.vpsPath("/actions/upgrade"), `{"productSlug":"vps-xl","dryRun":true}`)
	r.wantStatus(t, http.StatusOK, "")
	if get(r.body, "actions.canCommit.code") != "pending_order" {
		t.Errorf("preview = %s", r.raw)
	}
	e.v2("POST", e.vpsPath("/actions/upgrade"), `{"productSlug":"vps-xl"}`).wantStatus(t, http.StatusConflict, "pending_order")
	e.sim.Advance(VMUpgradeDelay)
	e.v2("POST", e.vpsPath("/actions/upgrade"), `{"productSlug":"vps-xl"}`).wantStatus(t, http.StatusOK, "")
}
