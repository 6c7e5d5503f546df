package hostupsim

import (
	"net/http"
	"testing"
	"time"
)

func (e *env) cyclePath(accountID string) string {
	return "/api/v2/shared-hosting/" + accountID + "/actions/billing-cycle"
}

// The shop account is on Mini (39/month, 374/year) with 19 of February's 28
// days left: the unused part is 39 × 19/28 = 26.46, so a year now costs
// 374 − 26.46 = 347.54.
func TestV2BillingCycleChangePreviewThenCommit(t *testing.T) {
	e := newEnv(t)
	path := e.cyclePath(e.seed.ShopAccountV2ID)
	r := e.v2("POST", path, `{"billingCycle":"annually","dryRun":true}`)
	r.wantStatus(t, http.StatusOK, "")
	want := `{"dryRun":true,"accountId":"` + e.seed.ShopAccountV2ID + `","currentBillingCycle":"monthly","newBillingCycle":"annually",` +
		`"priceChange":{"amount":347.54,"recurringAmount":374,"currencyCode":"SEK","billingCycle":"annually"},` +
		`"actions":{"canCommit":{"allowed":true,"reason":null,"code":null}}}` + "\n"
	if string(r.raw) != want {
		t.Errorf("dry run =\n%s\nwant\n%s", r.raw, want)
	}
	if n := len(e.sim.Orders()); n != 0 {
		t.Fatalf("a dry run made %d orders", n)
	}

	r = e.v2("POST", path, `{"billingCycle":"annually"}`)
	r.wantStatus(t, http.StatusOK, "")
	orders := e.sim.Orders()
	if len(orders) != 1 {
		t.Fatalf("%d orders after a commit, want 1", len(orders))
	}
	o := orders[0]
	if o.Status != "pending" || o.BillingCycle != "annually" || o.Amount != MustMoney("347.54") || o.ProductSlug != "webbhotell-mini" {
		t.Errorf("order = %+v", o)
	}
	if get(r.body, "orderId") != o.ID || get(r.body, "paymentInvoice.id") != o.InvoiceID ||
		get(r.body, "paymentInvoice.amount") != 347.54 || get(r.body, "dryRun") != false ||
		get(r.body, "currentBillingCycle") != "monthly" || get(r.body, "newBillingCycle") != "annually" {
		t.Errorf("commit answer: %s", r.raw)
	}
	if v, has := r.body["renewalInvoice"]; !has || v != nil {
		t.Errorf("renewalInvoice = %v (present %v), want null", v, has)
	}
	a, _ := e.sim.HostingAccount(e.seed.ShopAccountV2ID)
	if a.BillingCycle != "annually" || !a.NextDueAt.Equal(e.sim.Now().AddDate(1, 0, 0)) {
		t.Errorf("account after the change: %s due %s", a.BillingCycle, a.NextDueAt)
	}
	get := e.v2("GET", path, "")
	if get.body["currentBillingCycle"] != "annually" {
		t.Errorf("GET after the change: %s", get.raw)
	}
	// Its own invoice now blocks another change.
	e.v2("POST", path, `{"billingCycle":"monthly","dryRun":true}`).wantStatus(t, http.StatusConflict, "existing_invoice_blocking")
	e.v2("POST", path, `{"billingCycle":"annually"}`).wantStatus(t, http.StatusConflict, "same_billing_cycle")
}

// Annually to monthly with 181 of 365 days left is a credit:
// 79 − 708 × 181/365 = 79 − 351.09. A credit makes no invoice and completes.
func TestV2BillingCycleChangeCredit(t *testing.T) {
	e := newEnv(t)
	r := e.v2("POST", e.cyclePath(e.seed.AccountV2ID), `{"billingCycle":"monthly"}`)
	r.wantStatus(t, http.StatusOK, "")
	if get(r.body, "priceChange.amount") != -272.09 || r.body["paymentInvoice"] != nil {
		t.Errorf("credit answer: %s", r.raw)
	}
	if o := e.sim.Orders()[0]; o.Status != "completed" || o.InvoiceID != "" {
		t.Errorf("order = %+v", o)
	}
}

// The price follows the simulated clock: fewer days left, less credit.
func TestV2BillingCycleChangeProratesByClock(t *testing.T) {
	e := newEnv(t)
	e.sim.Advance(14 * 24 * time.Hour) // 5 of 28 days left: 39 × 5/28 = 6.96
	r := e.v2("POST", e.cyclePath(e.seed.ShopAccountV2ID), `{"billingCycle":"annually","dryRun":true}`)
	if got := get(r.body, "priceChange.amount"); got != 367.04 {
		t.Errorf("amount = %v, want 367.04", got)
	}
}

func TestV2BillingCycleChangeRefusals(t *testing.T) {
	e := newEnv(t)
	path := e.cyclePath(e.seed.ShopAccountV2ID)
	for _, tt := range []struct {
		name, body, pointer, fcode string
	}{
		{"missing cycle", `{"dryRun":true}`, "/billingCycle", "missing_required"},
		{"unknown field", `{"billingCycle":"annually","productSlug":"x"}`, "/productSlug", "unknown_field"},
		{"wrong type", `{"billingCycle":"annually","dryRun":"yes"}`, "/dryRun", "invalid_type"},
		{"v1 cycle id", `{"billingCycle":"a"}`, "/billingCycle", "invalid_enum"},
		{"not offered", `{"billingCycle":"quarterly","dryRun":true}`, "/billingCycle", "billing_cycle_unavailable"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := e.v2("POST", path, tt.body)
			r.wantStatus(t, http.StatusBadRequest, "invalid_request")
			if p, c := r.firstFieldError(t); p != tt.pointer || c != tt.fcode {
				t.Errorf("errors[0] = %s %s, want %s %s", p, c, tt.pointer, tt.fcode)
			}
		})
	}
	e.v2("POST", path, `{"billingCycle":"monthly","dryRun":true}`).wantStatus(t, http.StatusConflict, "same_billing_cycle")
	e.v2("POST", e.cyclePath("acct_nosuchaccount"), `{"billingCycle":"annually"}`).wantStatus(t, http.StatusNotFound, "not_found")

	e.sim.AddAPIKey("reader", ScopeReadHosting)
	r := e.send("POST", path, `{"billingCycle":"annually","dryRun":true}`, "Authorization: Bearer reader", "Content-Type: application/json")
	r.wantStatus(t, http.StatusForbidden, "forbidden")

	inv := e.sim.AddUnpaidInvoice(e.seed.ShopAccountV2ID, MustMoney("39.00"))
	r = e.v2("GET", path, "")
	if get(r.body, "actions.canChangeBillingCycle.code") != "existing_invoice_blocking" {
		t.Errorf("gate with an unpaid invoice: %s", r.raw)
	}
	e.v2("POST", path, `{"billingCycle":"annually","dryRun":true}`).wantStatus(t, http.StatusConflict, "existing_invoice_blocking")
	// Opting in previews without cancelling, and the commit cancels.
	e.v2("POST", path, `{"billingCycle":"annually","dryRun":true,"cancelExistingInvoice":true}`).wantStatus(t, http.StatusOK, "")
	if got, _ := e.sim.Invoice(inv.ID); got.Status != "unpaid" {
		t.Fatalf("a dry run settled the invoice: %s", got.Status)
	}
	e.v2("POST", path, `{"billingCycle":"annually","cancelExistingInvoice":true}`).wantStatus(t, http.StatusOK, "")
	if got, _ := e.sim.Invoice(inv.ID); got.Status != "cancelled" {
		t.Errorf("blocking invoice is %s after an opted-in commit, want cancelled", got.Status)
	}

	e.sim.AddPendingOrder(e.seed.AccountV2ID)
	e.v2("POST", e.cyclePath(e.seed.AccountV2ID), `{"billingCycle":"monthly","dryRun":true}`).wantStatus(t, http.StatusConflict, "pending_order")
	e.sim.SetHostingStatus(e.seed.AccountV2ID, "suspended")
	e.v2("POST", e.cyclePath(e.seed.AccountV2ID), `{"billingCycle":"monthly","dryRun":true}`).wantStatus(t, http.StatusForbidden, "account_inactive")
}

// A fault limited to commits leaves the dry runs alone.
func TestV2BillingCycleChangeFaultOnlyCommits(t *testing.T) {
	e := newEnv(t)
	e.sim.InjectFault(Fault{Route: RouteV2HostingChangeCycle, Status: 503, OnlyCommits: true})
	path := e.cyclePath(e.seed.ShopAccountV2ID)
	e.v2("POST", path, `{"billingCycle":"annually","dryRun":true}`).wantStatus(t, http.StatusOK, "")
	e.v2("POST", path, `{"billingCycle":"annually"}`).wantStatus(t, http.StatusServiceUnavailable, "upstream_unavailable")
	if n := len(e.sim.Orders()); n != 0 {
		t.Errorf("a refused commit made %d orders", n)
	}
	if n := e.sim.Count(RouteV2HostingChangeCycle); n != 2 {
		t.Errorf("request log counts %d requests on the route, want 2", n)
	}
}

func TestSetHostingBillingCycle(t *testing.T) {
	e := newEnv(t)
	e.sim.SetHostingBillingCycle(e.seed.ShopAccountV2ID, "annually")
	r := e.v2("GET", e.cyclePath(e.seed.ShopAccountV2ID), "")
	if r.body["currentBillingCycle"] != "annually" || len(e.sim.Orders()) != 0 {
		t.Errorf("after an outside change: %s", r.raw)
	}
}
