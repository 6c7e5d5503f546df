package hostupsim

import (
	"net/http"
	"reflect"
	"regexp"
	"testing"
)

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestV1HostingBillingCycleMatchesPage004(t *testing.T) {
	e := newEnv(t)
	r := e.v1("GET", "/api/hosting/20000/billing-cycle", "")
	r.wantStatus(t, http.StatusOK, "")

	want := loadJSON(t, "page004_hosting_billing_cycle.json")
	if id, _ := r.body["requestId"].(string); !uuidRE.MatchString(id) || r.header.Get("X-Request-Id") != id {
		t.Errorf("requestId %q (header %q) is not a UUID echoed in X-Request-Id", id, r.header.Get("X-Request-Id"))
	}
	delete(want, "requestId")
	delete(r.body, "requestId")
	if !reflect.DeepEqual(r.body, want) {
		t.Errorf("body differs from the documented example:\n got %s", r.raw)
	}
}

func TestV1VMBillingCycle(t *testing.T) {
	e := newEnv(t)
	r := e.v1("GET", "/api/vm/10000/billing-cycle", "")
	r.wantStatus(t, http.StatusOK, "")
	wantSameShape(t, loadJSON(t, "page004_hosting_billing_cycle.json"), r.body)
	for path, want := range map[string]any{
		"data.productId": "1937", "data.accountId": "10000", "data.current": "m",
		"data.accountDetails.domain": "vps1.example.com", "data.accountDetails.name": "VPS L",
		"data.accountDetails.total": "420.00",
	} {
		if got := get(r.body, path); got != want {
			t.Errorf("%s = %v, want %v", path, got, want)
		}
	}
}

func TestV1UpgradeMatchesPage000(t *testing.T) {
	e := newEnv(t)
	r := e.v1("POST", "/api/hosting/20000/upgrade", `{"productId":"1913"}`)
	r.wantStatus(t, http.StatusOK, "")
	// invoiceId is in the page's schema but not in its example (a credit has no invoice).
	wantSameShape(t, loadJSON(t, "page000_hosting_upgrade.json"), r.body, "data.invoiceId")
	for path, want := range map[string]any{
		"data.message": "Successfully upgraded to Business plan", "data.total": "238.03",
		"data.invoiceId": "50619", "data.orderId": 33784.0, "data.orderNum": 1941404912.0,
		"data.redirectUrl": "/billing", "data.upgradedTo.productId": "1913", "data.upgradedTo.name": "Business",
	} {
		if got := get(r.body, path); got != want {
			t.Errorf("%s = %v (%T), want %v", path, got, got, want)
		}
	}

	a, _ := e.sim.HostingAccount("20000")
	if a.ProductID != "1913" || a.Name != "Business (cpanel)" {
		t.Errorf("account after upgrade = %+v", a)
	}
	orders, invoices := e.sim.Orders(), e.sim.Invoices()
	if len(orders) != 1 || orders[0].Status != "pending" || orders[0].InvoiceID != invoices[0].ID ||
		len(invoices) != 1 || invoices[0].Amount != MustMoney("238.03") || invoices[0].Status != "unpaid" {
		t.Errorf("orders %+v, invoices %+v", orders, invoices)
	}
	// v1 ignores unpaid invoices: the next upgrade goes through.
	e.v1("POST", "/api/hosting/20000/upgrade", `{"productId":"1914"}`).wantStatus(t, http.StatusOK, "")
}

func TestV1UpgradeErrors(t *testing.T) {
	e := newEnv(t)
	e.sim.AddHostingAccount(HostingAccount{V1ID: 20002, Domain: "old.example.com", ProductID: "1912", Status: "suspended"})
	tests := []struct {
		name, path, body string
		status           int
		code             string
	}{
		{"number productId", "/api/hosting/20000/upgrade", `{"productId":1913}`, 400, "VALIDATION_ERROR"},
		{"missing productId", "/api/hosting/20000/upgrade", `{}`, 400, "VALIDATION_ERROR"},
		{"slug instead of id", "/api/hosting/20000/upgrade", `{"productId":"webbhotell-business"}`, 400, "INVALID_PRODUCT"},
		{"vps product", "/api/hosting/20000/upgrade", `{"productId":"1937"}`, 400, "INVALID_PRODUCT"},
		{"same product", "/api/hosting/20000/upgrade", `{"productId":"1912"}`, 400, "SAME_PRODUCT"},
		{"downgrade", "/api/hosting/20000/upgrade", `{"productId":"1911"}`, 400, "DOWNGRADE_NOT_ALLOWED"},
		{"inactive", "/api/hosting/20002/upgrade", `{"productId":"1913"}`, 403, "ACCOUNT_INACTIVE"},
		{"unknown account", "/api/hosting/29999/upgrade", `{"productId":"1913"}`, 404, "NOT_FOUND"},
		{"bad id", "/api/hosting/acct_01/upgrade", `{"productId":"1913"}`, 400, "VALIDATION_ERROR"},
		{"zero id", "/api/hosting/0/upgrade", `{"productId":"1913"}`, 400, "VALIDATION_ERROR"},
		{"body not an object", "/api/hosting/20000/upgrade", `["1913"]`, 400, "VALIDATION_ERROR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.v1("POST", tt.path, tt.body)
			r.wantStatus(t, tt.status, tt.code)
			if r.body["error"] != http.StatusText(tt.status) || r.body["message"] == "" ||
				!uuidRE.MatchString(r.body["requestId"].(string)) || r.body["timestamp"] != "2026-02-10T00:00:00.000Z" {
				t.Errorf("not a v1 error body: %s", r.raw)
			}
		})
	}
	if n := len(e.sim.Orders()); n != 0 {
		t.Errorf("failed upgrades created %d orders", n)
	}

	e.sim.AddPendingOrder("20000")
	e.v1("POST", "/api/hosting/20000/upgrade", `{"productId":"1913"}`).wantStatus(t, http.StatusConflict, "PENDING_ORDER")
}
