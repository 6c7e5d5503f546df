package hostupsim

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

var v2RequestIDRE = regexp.MustCompile(`^req_[0-9a-hjkmnp-tv-z]{26}$`)

func TestV2Account(t *testing.T) {
	e := newEnv(t)
	r := e.v2("GET", "/api/v2/shared-hosting/"+e.seed.AccountV2ID, "")
	r.wantStatus(t, http.StatusOK, "")
	want := `{"id":"acct_01hxa3b4c5d6e7f8g9h0j1k2m3","name":"Start (cpanel)","primaryDomain":"example.com",` +
		`"domains":["example.com"],"customName":null,"serviceStatus":"active",` +
		`"billing":{"amount":708,"currencyCode":"SEK","billingCycle":"annually"},` +
		`"createdAt":"2025-08-10T00:00:00.000Z","nextDueAt":"2026-08-10T00:00:00.000Z","expiresAt":null}` + "\n"
	if string(r.raw) != want {
		t.Errorf("account =\n%s\nwant\n%s", r.raw, want)
	}

	e.v2("GET", "/api/v2/shared-hosting/acct_01hxa3b4c5d6e7f8g9h0j1k2zz", "").wantStatus(t, http.StatusNotFound, "not_found")
	r = e.v2("GET", "/api/v2/shared-hosting/20000", "")
	r.wantStatus(t, http.StatusBadRequest, "invalid_request")
	if p, _ := r.firstFieldError(t); p != "/accountId" {
		t.Errorf("pointer = %s", p)
	}
}

func TestV2ListPagination(t *testing.T) {
	e := newEnv(t)
	e.sim.AddHostingAccount(HostingAccount{Domain: "third.example.com", ProductID: "webbhotell-premium"})
	var seen []string
	path := "/api/v2/shared-hosting?limit=2"
	for path != "" {
		r := e.v2("GET", path, "")
		r.wantStatus(t, http.StatusOK, "")
		for _, a := range r.body["data"].([]any) {
			seen = append(seen, a.(map[string]any)["primaryDomain"].(string))
		}
		path = ""
		if r.body["hasMore"] == true {
			path = "/api/v2/shared-hosting?limit=2&cursor=" + r.body["nextCursor"].(string)
		} else if r.body["nextCursor"] != nil {
			t.Errorf("nextCursor without hasMore: %s", r.raw)
		}
	}
	if got := strings.Join(seen, ","); got != "example.com,shop.example.se,third.example.com" {
		t.Errorf("pages = %s", got)
	}

	for _, q := range []string{"limit=0", "limit=101", "limit=x"} {
		r := e.v2("GET", "/api/v2/shared-hosting?"+q, "")
		r.wantStatus(t, http.StatusBadRequest, "invalid_request")
		if p, _ := r.firstFieldError(t); p != "/limit" {
			t.Errorf("%s: pointer %s", q, p)
		}
	}
	e.v2("GET", "/api/v2/shared-hosting?cursor=nope", "").wantStatus(t, http.StatusBadRequest, "invalid_request")
}

func TestV2UpgradeOptions(t *testing.T) {
	e := newEnv(t)
	e.sim.SetProductAvailable("webbhotell-premium", false, "Sold out")
	path := "/api/v2/shared-hosting/" + e.seed.AccountV2ID + "/actions/upgrade"
	r := e.v2("GET", path, "")
	r.wantStatus(t, http.StatusOK, "")
	want := `{"accountId":"acct_01hxa3b4c5d6e7f8g9h0j1k2m3","domain":"example.com","currencyCode":"SEK",` +
		`"actions":{"canUpgrade":{"allowed":true,"reason":null,"code":null}},` +
		`"currentPackage":{"productSlug":"webbhotell-start","name":"Start","billing":{"amount":708,"currencyCode":"SEK","billingCycle":"annually"}},` +
		`"availableOptions":[` +
		`{"productSlug":"webbhotell-mini","name":"Mini","type":"downgrade","billing":{"amount":374,"currencyCode":"SEK","billingCycle":"annually"},"available":true,"reason":null},` +
		`{"productSlug":"webbhotell-business","name":"Business","type":"upgrade","billing":{"amount":1188,"currencyCode":"SEK","billingCycle":"annually"},"available":true,"reason":null},` +
		`{"productSlug":"webbhotell-premium","name":"Premium","type":"upgrade","billing":{"amount":1908,"currencyCode":"SEK","billingCycle":"annually"},"available":false,"reason":"Sold out"}]}` + "\n"
	if string(r.raw) != want {
		t.Errorf("options =\n%s\nwant\n%s", r.raw, want)
	}

	e.sim.AddPendingOrder(e.seed.AccountV2ID)
	r = e.v2("GET", path, "")
	if get(r.body, "actions.canUpgrade.allowed") != false || get(r.body, "actions.canUpgrade.code") != "pending_order" {
		t.Errorf("canUpgrade with a pending order: %s", r.raw)
	}
	e.sim.SetHostingStatus(e.seed.ShopAccountV2ID, "suspended")
	r = e.v2("GET", "/api/v2/shared-hosting/"+e.seed.ShopAccountV2ID+"/actions/upgrade", "")
	if get(r.body, "actions.canUpgrade.code") != "account_inactive" {
		t.Errorf("canUpgrade when suspended: %s", r.raw)
	}
}

func TestV2UpgradeDryRunChangesNothing(t *testing.T) {
	e := newEnv(t)
	before := e.sim.state()
	r := e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-business","dryRun":true}`)
	r.wantStatus(t, http.StatusOK, "")
	want := `{"preview":true,"currentProduct":{"slug":"webbhotell-start","name":"Start"},` +
		`"newProduct":{"slug":"webbhotell-business","name":"Business"},` +
		`"priceChange":{"amount":238.03,"recurringAmount":1188,"currencyCode":"SEK","billingCycle":"annually"}}` + "\n"
	if string(r.raw) != want {
		t.Errorf("preview =\n%s\nwant\n%s", r.raw, want)
	}
	if after := e.sim.state(); !equalJSON(before, after) {
		t.Errorf("dry run changed state:\nbefore %s\nafter  %s", encodeJSON(before), encodeJSON(after))
	}

	// Same state, same price.
	again := e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-business","dryRun":true}`)
	if string(again.raw) != string(r.raw) {
		t.Errorf("second preview differs: %s", again.raw)
	}
	// Downgrades preview a credit.
	r = e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-mini","dryRun":true}`)
	if get(r.body, "priceChange.amount") != -165.63 { // (374 − 708) × 181/365
		t.Errorf("downgrade preview: %s", r.raw)
	}
}

func equalJSON(a, b any) bool { return string(encodeJSON(a)) == string(encodeJSON(b)) }

func TestV2UpgradeCommitMatchesPage001(t *testing.T) {
	e := newEnv(t)
	r := e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-business"}`)
	r.wantStatus(t, http.StatusOK, "")
	wantSameShape(t, loadJSON(t, "page001_shared_hosting_upgrade.json"), r.body)

	orders, invoices := e.sim.Orders(), e.sim.Invoices()
	if len(orders) != 1 || len(invoices) != 1 {
		t.Fatalf("orders %+v invoices %+v", orders, invoices)
	}
	o, inv := orders[0], invoices[0]
	for path, want := range map[string]any{
		"currentProduct.slug": "webbhotell-start", "newProduct.slug": "webbhotell-business",
		"orderId": o.ID, "paymentInvoice.id": inv.ID, "paymentInvoice.number": "202600001",
		"paymentInvoice.amount": 238.03, "paymentInvoice.dueAt": "2026-02-24T00:00:00.000Z",
		"paymentInvoice.status": "unpaid", "paymentInvoice.paymentUrl": "/billing?invoice=202600001",
	} {
		if got := get(r.body, path); got != want {
			t.Errorf("%s = %v, want %v", path, got, want)
		}
	}
	if o.Type != "upgrade" || o.Status != "pending" || o.Amount != MustMoney("238.03") || o.ProductSlug != "webbhotell-business" {
		t.Errorf("order = %+v", o)
	}
	if a, _ := e.sim.HostingAccount(e.seed.AccountV2ID); a.ProductID != "1913" {
		t.Errorf("account still on %s", a.ProductID)
	}

	// The order and invoice read back through v2.
	ro := e.v2("GET", "/api/v2/orders/"+o.ID, "")
	ro.wantStatus(t, http.StatusOK, "")
	wantOrder := `{"id":"` + o.ID + `","number":1941404912,"status":"pending","type":"upgrade","invoiceId":"` + inv.ID +
		`","billing":{"amount":238.03,"currencyCode":"SEK","billingCycle":"annually"}}` + "\n"
	if string(ro.raw) != wantOrder {
		t.Errorf("order =\n%s\nwant\n%s", ro.raw, wantOrder)
	}
	ri := e.v2("GET", "/api/v2/billing/invoices/"+inv.ID, "")
	ri.wantStatus(t, http.StatusOK, "")
	if pi, _ := r.body["paymentInvoice"].(map[string]any); !equalJSON(pi, ri.body) {
		t.Errorf("invoice = %s, paymentInvoice was %v", ri.raw, pi)
	}
	e.v2("GET", "/api/v2/orders/ord_0000000000000000000000000z", "").wantStatus(t, http.StatusNotFound, "not_found")
	e.v2("GET", "/api/v2/billing/invoices/50619", "").wantStatus(t, http.StatusBadRequest, "invalid_request")

	// Paying completes the order.
	e.sim.PayInvoice(inv.ID)
	if get(e.v2("GET", "/api/v2/orders/"+o.ID, "").body, "status") != "completed" {
		t.Error("order not completed after payment")
	}
}

func TestV2UpgradeExistingInvoiceBlocking(t *testing.T) {
	e := newEnv(t)
	e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-business"}`).wantStatus(t, http.StatusOK, "")
	first := e.sim.Invoices()[0]

	// The new invoice blocks the next change, dry runs included.
	for _, body := range []string{`{"productSlug":"webbhotell-premium"}`, `{"productSlug":"webbhotell-premium","dryRun":true}`} {
		r := e.v2("POST", e.upgradePath(), body)
		r.wantStatus(t, http.StatusConflict, "existing_invoice_blocking")
		if get(r.body, "extensions.invoiceId") != first.ID || get(r.body, "extensions.invoiceNumber") != first.Number {
			t.Errorf("extensions: %s", r.raw)
		}
	}
	bc := e.v2("GET", "/api/v2/shared-hosting/"+e.seed.AccountV2ID+"/actions/billing-cycle", "")
	if blocking := bc.body["blockingInvoices"].([]any); len(blocking) != 1 || get(bc.body, "actions.canChangeBillingCycle.code") != "existing_invoice_blocking" {
		t.Errorf("billing-cycle options: %s", bc.raw)
	}

	// A dry run with cancelExistingInvoice previews without cancelling.
	r := e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-premium","dryRun":true,"cancelExistingInvoice":true}`)
	r.wantStatus(t, http.StatusOK, "")
	if inv, _ := e.sim.Invoice(first.ID); inv.Status != "unpaid" {
		t.Fatalf("dry run cancelled the invoice: %+v", inv)
	}

	r = e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-premium","cancelExistingInvoice":true}`)
	r.wantStatus(t, http.StatusOK, "")
	if inv, _ := e.sim.Invoice(first.ID); inv.Status != "cancelled" {
		t.Errorf("blocking invoice = %+v, want cancelled", inv)
	}
	if o := e.sim.Orders(); len(o) != 2 || o[0].Status != "cancelled" || o[1].ProductSlug != "webbhotell-premium" {
		t.Errorf("orders = %+v", o)
	}
	// 720 × 181/365 = 357.04
	if get(r.body, "paymentInvoice.amount") != 357.04 {
		t.Errorf("second upgrade: %s", r.raw)
	}
}

func TestV2UpgradeRefusals(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name, body     string
		status         int
		code           string
		pointer, fcode string
	}{
		{"same plan", `{"productSlug":"webbhotell-start"}`, 409, "same_product_plan", "", ""},
		{"unknown field", `{"productSlug":"webbhotell-business","productId":"1913"}`, 400, "invalid_request", "/productId", "unknown_field"},
		{"missing slug", `{"dryRun":true}`, 400, "invalid_request", "/productSlug", "missing_required"},
		{"wrong type", `{"productSlug":"webbhotell-business","dryRun":"yes"}`, 400, "invalid_request", "/dryRun", "invalid_type"},
		{"numeric id", `{"productSlug":"1913"}`, 400, "invalid_request", "/productSlug", "numeric_product_id"},
		{"unknown slug", `{"productSlug":"webbhotell-gold"}`, 400, "invalid_request", "/productSlug", "unknown_product"},
		{"vps slug", `{"productSlug":"vps-l"}`, 400, "invalid_request", "/productSlug", "unknown_product"},
		{"not an object", `"webbhotell-business"`, 400, "invalid_request", "", "invalid_json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.v2("POST", e.upgradePath(), tt.body)
			r.wantStatus(t, tt.status, tt.code)
			if r.header.Get("Content-Type") != "application/problem+json" {
				t.Errorf("Content-Type = %s", r.header.Get("Content-Type"))
			}
			if r.body["type"] != "https://developer.hostup.se/errors/"+tt.code || r.body["status"] != float64(tt.status) ||
				r.body["instance"] != e.upgradePath() || !v2RequestIDRE.MatchString(r.body["requestId"].(string)) {
				t.Errorf("not a v2 problem: %s", r.raw)
			}
			if tt.pointer != "" || tt.fcode != "" {
				if p, c := r.firstFieldError(t); p != tt.pointer || c != tt.fcode {
					t.Errorf("errors[0] = %s %s, want %s %s", p, c, tt.pointer, tt.fcode)
				}
			} else if _, has := r.body["errors"]; has {
				t.Errorf("errors[] on a %s: %s", tt.code, r.raw)
			}
		})
	}

	e.sim.SetProductAvailable("webbhotell-business", false, "")
	e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-business"}`).wantStatus(t, http.StatusConflict, "product_unavailable")
	e.sim.AddPendingOrder(e.seed.AccountV2ID)
	e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-premium","dryRun":true}`).wantStatus(t, http.StatusConflict, "pending_order")
	e.sim.SetHostingStatus(e.seed.AccountV2ID, "suspended")
	e.v2("POST", e.upgradePath(), `{"productSlug":"webbhotell-premium"}`).wantStatus(t, http.StatusForbidden, "account_inactive")
	if n := len(e.sim.Invoices()); n != 0 {
		t.Errorf("refused upgrades created %d invoices", n)
	}
}

func TestV2BillingCycle(t *testing.T) {
	e := newEnv(t)
	r := e.v2("GET", "/api/v2/shared-hosting/"+e.seed.ShopAccountV2ID+"/actions/billing-cycle", "")
	r.wantStatus(t, http.StatusOK, "")
	want := `{"currentBillingCycle":"monthly","cycles":[` +
		`{"billingCycle":"monthly","amount":39,"currencyCode":"SEK","isCurrent":true},` +
		`{"billingCycle":"annually","amount":374,"currencyCode":"SEK","isCurrent":false}],` +
		`"blockingInvoices":[],"actions":{"canChangeBillingCycle":{"allowed":true,"reason":null,"code":null}}}` + "\n"
	if string(r.raw) != want {
		t.Errorf("billing cycle =\n%s\nwant\n%s", r.raw, want)
	}
}

func TestRemoveHostingAccount(t *testing.T) {
	e := newEnv(t)
	e.sim.RemoveHostingAccount(e.seed.AccountV2ID)
	e.v2("GET", "/api/v2/shared-hosting/"+e.seed.AccountV2ID, "").wantStatus(t, http.StatusNotFound, "not_found")
	e.v1("GET", "/api/hosting/20000/billing-cycle", "").wantStatus(t, http.StatusNotFound, "NOT_FOUND")
}
