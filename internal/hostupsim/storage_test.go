package hostupsim

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

func (e *env) storagePath(accountID string) string {
	return "/api/v2/shared-hosting/" + accountID + "/addons/storage"
}

// orderStorage posts a storage order for the demo account.
func (e *env) orderStorage(body string) result {
	e.t.Helper()
	return e.v2("POST", e.storagePath(e.seed.AccountV2ID), body)
}

// storageTierJSON is a default tier as the list encodes it; reason is empty
// for an available tier.
func storageTierJSON(gb int, price, reason string) string {
	availability := `"available":true,"reason":null`
	if reason != "" {
		availability = `"available":false,"reason":"` + reason + `"`
	}
	n := strconv.Itoa(gb)
	return `{"id":"storage-` + n + `gb","name":"` + n + ` GB extra storage",` +
		`"description":"Adds ` + n + ` GB of disk space to the hosting account.","price":` + price +
		`,"currencyCode":"SEK","billingCycle":"annually","sizeGb":` + n + `,` + availability + `}`
}

func TestV2StorageTiers(t *testing.T) {
	e := newEnv(t)
	r := e.v2("GET", e.storagePath(e.seed.AccountV2ID), "")
	r.wantStatus(t, http.StatusOK, "")
	want := `{"tiers":[` + storageTierJSON(10, "49", "") + `,` + storageTierJSON(25, "99", "") + `,` + storageTierJSON(50, "179", "") + `],` +
		`"actions":{"canAddStorage":{"allowed":true,"reason":null,"code":null}},` +
		`"account":{"id":"acct_01hxa3b4c5d6e7f8g9h0j1k2m3","domain":"example.com","billing":{"billingCycle":"annually"}}}` + "\n"
	if string(r.raw) != want {
		t.Errorf("tiers =\n%s\nwant\n%s", r.raw, want)
	}

	// The Mini plan cannot hold the 50 GB block.
	r = e.v2("GET", e.storagePath(e.seed.ShopAccountV2ID), "")
	if want := storageTierJSON(50, "179", "50 GB extra storage needs one of the plans Start, Business, Premium."); !strings.Contains(string(r.raw), want) {
		t.Errorf("tiers on Mini =\n%s\nwant the 50 GB tier as\n%s", r.raw, want)
	}
	if get(r.body, "account.billing.billingCycle") != "monthly" {
		t.Errorf("account: %s", r.raw)
	}

	// Tiers belong to one account: a price change elsewhere does not show.
	e.sim.SetStorageTierPrice(e.seed.ShopAccountV2ID, "storage-10gb", MustMoney("59.50"))
	e.sim.SetStorageTierAvailable(e.seed.AccountV2ID, "storage-25gb", false, "Sold out")
	r = e.v2("GET", e.storagePath(e.seed.AccountV2ID), "")
	if get(r.body["tiers"].([]any)[0], "price") != 49.0 || get(r.body["tiers"].([]any)[1], "reason") != "Sold out" {
		t.Errorf("demo tiers after changes: %s", r.raw)
	}
	if got := get(e.v2("GET", e.storagePath(e.seed.ShopAccountV2ID), "").body["tiers"].([]any)[0], "price"); got != 59.5 {
		t.Errorf("shop 10 GB price = %v", got)
	}

	e.v2("GET", e.storagePath("acct_01hxa3b4c5d6e7f8g9h0j1k2zz"), "").wantStatus(t, http.StatusNotFound, "not_found")
	r = e.v2("GET", e.storagePath("20000"), "")
	r.wantStatus(t, http.StatusBadRequest, "invalid_request")
	if p, _ := r.firstFieldError(t); p != "/accountId" {
		t.Errorf("pointer = %s", p)
	}
}

func TestV2StorageGate(t *testing.T) {
	e := newEnv(t)
	gate := func() (any, any) {
		r := e.v2("GET", e.storagePath(e.seed.AccountV2ID), "")
		return get(r.body, "actions.canAddStorage.allowed"), get(r.body, "actions.canAddStorage.code")
	}

	// Storage orders stack and leave the gate open.
	e.orderStorage(`{"addonId":"storage-10gb"}`).wantStatus(t, http.StatusCreated, "")
	if allowed, code := gate(); allowed != true || code != nil {
		t.Errorf("gate after a storage order: %v %v", allowed, code)
	}

	// A plan change being processed closes it, and the POST is refused.
	pending := e.sim.AddPendingOrder(e.seed.AccountV2ID)
	if allowed, code := gate(); allowed != false || code != "pending_order" {
		t.Errorf("gate with a pending plan change: %v %v", allowed, code)
	}
	r := e.orderStorage(`{"addonId":"storage-10gb"}`)
	r.wantStatus(t, http.StatusConflict, "pending_order")
	if get(r.body, "extensions.orderId") != pending.ID {
		t.Errorf("extensions: %s", r.raw)
	}
	e.sim.SetOrderStatus(pending.ID, "completed")
	if allowed, _ := gate(); allowed != true {
		t.Error("gate still closed after the plan change completed")
	}

	// A gate closed by hand, and an inactive account.
	e.sim.SetStorageGate(e.seed.AccountV2ID, "storage_limit_reached", "The account holds the most storage its plan allows.")
	r = e.orderStorage(`{"addonId":"storage-10gb"}`)
	r.wantStatus(t, http.StatusConflict, "storage_limit_reached")
	if r.body["detail"] != "The account holds the most storage its plan allows." {
		t.Errorf("detail: %s", r.raw)
	}
	e.sim.SetStorageGate(e.seed.AccountV2ID, "", "")
	e.sim.SetHostingStatus(e.seed.AccountV2ID, "suspended")
	if allowed, code := gate(); allowed != false || code != "account_inactive" {
		t.Errorf("gate when suspended: %v %v", allowed, code)
	}
	e.orderStorage(`{"addonId":"storage-10gb"}`).wantStatus(t, http.StatusForbidden, "account_inactive")
	if n := len(e.sim.StorageOrders(e.seed.AccountV2ID)); n != 1 {
		t.Errorf("%d storage orders, want 1", n)
	}
}

func TestV2StorageOrderMatchesPage003(t *testing.T) {
	e := newEnv(t)
	r := e.orderStorage(`{"addonId":"storage-25gb","paymentMethod":"card"}`)
	r.wantStatus(t, http.StatusCreated, "")
	wantSameShape(t, loadJSON(t, "page003_storage_addon_order.json"), r.body)

	orders := e.sim.StorageOrders(e.seed.AccountV2ID)
	if len(orders) != 1 || len(e.sim.Invoices()) != 1 {
		t.Fatalf("orders %+v invoices %+v", orders, e.sim.Invoices())
	}
	o, inv := orders[0], e.sim.Invoices()[0]
	if r.body["orderId"] != o.ID || r.body["invoiceId"] != inv.ID || r.body["redirectUrl"] != "/billing?invoice="+inv.ID {
		t.Errorf("answer %s does not name order %s and invoice %s", r.raw, o.ID, inv.ID)
	}
	if o.Type != OrderTypeAddon || o.Status != "pending" || o.AddonID != "storage-25gb" || o.Amount != MustMoney("99") ||
		o.BillingCycle != "annually" || o.InvoiceID != inv.ID || inv.Amount != MustMoney("99") || inv.Status != "unpaid" {
		t.Errorf("order %+v invoice %+v", o, inv)
	}

	ro := e.v2("GET", "/api/v2/orders/"+o.ID, "")
	ro.wantStatus(t, http.StatusOK, "")
	wantOrder := `{"id":"` + o.ID + `","number":1941404912,"status":"pending","type":"new","invoiceId":"` + inv.ID +
		`","billing":{"amount":99,"currencyCode":"SEK","billingCycle":"annually"}}` + "\n"
	if string(ro.raw) != wantOrder {
		t.Errorf("order =\n%s\nwant\n%s", ro.raw, wantOrder)
	}
	ri := e.v2("GET", "/api/v2/billing/invoices/"+inv.ID, "")
	ri.wantStatus(t, http.StatusOK, "")
	if ri.body["amount"] != 99.0 || ri.body["status"] != "unpaid" {
		t.Errorf("invoice: %s", ri.raw)
	}

	// The block is provisioned after the documented delay, paid or not.
	e.sim.Advance(storageProvisioningDelay - 1)
	if get(e.v2("GET", "/api/v2/orders/"+o.ID, "").body, "status") != "pending" {
		t.Error("order completed before the provisioning delay")
	}
	e.sim.Advance(1)
	if get(e.v2("GET", "/api/v2/orders/"+o.ID, "").body, "status") != "completed" {
		t.Error("order still pending after the provisioning delay")
	}

	// Every POST buys one more block.
	second := e.orderStorage(`{"addonId":"storage-25gb","paymentMethod":"invoice"}`)
	second.wantStatus(t, http.StatusCreated, "")
	if second.body["orderId"] == o.ID || len(e.sim.StorageOrders(e.seed.AccountV2ID)) != 2 || len(e.sim.Invoices()) != 2 {
		t.Errorf("second order did not stack: %s", second.raw)
	}
	if n := len(e.sim.StorageOrders(e.seed.ShopAccountV2ID)); n != 0 {
		t.Errorf("%d storage orders on the other account", n)
	}
}

func TestV2StorageOrderRefusals(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name, body     string
		status         int
		code           string
		pointer, fcode string
	}{
		{"unknown field", `{"addonId":"storage-10gb","dryRun":true}`, 400, "invalid_request", "/dryRun", "unknown_field"},
		{"missing addonId", `{"paymentMethod":"card"}`, 400, "invalid_request", "/addonId", "missing_required"},
		{"wrong type", `{"addonId":10}`, 400, "invalid_request", "/addonId", "invalid_type"},
		{"payment method", `{"addonId":"storage-10gb","paymentMethod":"paypal"}`, 400, "invalid_request", "/paymentMethod", "invalid_enum"},
		{"unknown addon", `{"addonId":"storage-1tb"}`, 400, "invalid_request", "/addonId", "unknown_addon"},
		{"not an object", `"storage-10gb"`, 400, "invalid_request", "", "invalid_json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.orderStorage(tt.body)
			r.wantStatus(t, tt.status, tt.code)
			if r.header.Get("Content-Type") != "application/problem+json" || r.body["instance"] != e.storagePath(e.seed.AccountV2ID) {
				t.Errorf("not a v2 problem: %s", r.raw)
			}
			if p, c := r.firstFieldError(t); p != tt.pointer || c != tt.fcode {
				t.Errorf("errors[0] = %s %s, want %s %s", p, c, tt.pointer, tt.fcode)
			}
		})
	}
	r := e.orderStorage(`{"addonId":"storage-1tb"}`)
	if errs := r.body["errors"].([]any); !strings.Contains(get(errs[0], "detail").(string), "storage-10gb, storage-25gb, storage-50gb") {
		t.Errorf("unknown addon does not list the valid ones: %s", r.raw)
	}

	// Unavailable tiers are refused with the reason the list shows.
	r = e.v2("POST", e.storagePath(e.seed.ShopAccountV2ID), `{"addonId":"storage-50gb"}`)
	r.wantStatus(t, http.StatusConflict, "addon_unavailable")
	if !strings.Contains(r.body["detail"].(string), "needs one of the plans Start") {
		t.Errorf("detail: %s", r.raw)
	}
	e.sim.SetStorageTierAvailable(e.seed.AccountV2ID, "storage-10gb", false, "Sold out")
	e.orderStorage(`{"addonId":"storage-10gb"}`).wantStatus(t, http.StatusConflict, "addon_unavailable")

	e.v2("POST", e.storagePath("acct_01hxa3b4c5d6e7f8g9h0j1k2zz"), `{"addonId":"storage-10gb"}`).wantStatus(t, http.StatusNotFound, "not_found")
	e.v2("POST", e.storagePath("20000"), `{"addonId":"storage-10gb"}`).wantStatus(t, http.StatusBadRequest, "invalid_request")

	// Buying needs write:billing; listing needs read:hosting.
	e.sim.AddAPIKey("reader", ScopeReadHosting)
	e.send("POST", e.storagePath(e.seed.AccountV2ID), `{"addonId":"storage-25gb"}`,
		"Authorization: Bearer reader", "Content-Type: application/json").wantStatus(t, http.StatusForbidden, "forbidden")
	e.send("GET", e.storagePath(e.seed.AccountV2ID), "", "Authorization: Bearer reader").wantStatus(t, http.StatusOK, "")
	e.sim.AddAPIKey("buyer", ScopeWriteBilling)
	e.send("GET", e.storagePath(e.seed.AccountV2ID), "", "Authorization: Bearer buyer").wantStatus(t, http.StatusForbidden, "forbidden")

	if n := len(e.sim.Orders()) + len(e.sim.Invoices()); n != 0 {
		t.Errorf("refused orders created %d orders and invoices", n)
	}
	if got, want := e.sim.Count(RouteV2StorageOrder), len(tests)+6; got != want {
		t.Errorf("request log counts %d storage POSTs, want %d", got, want)
	}
}

func TestV2StorageOrderFaults(t *testing.T) {
	e := newEnv(t)
	// A storage POST has no dry run: every one is a commit.
	e.sim.InjectFault(Fault{Route: RouteV2StorageOrder, Status: 503, OnlyCommits: true})
	e.v2("GET", e.storagePath(e.seed.AccountV2ID), "").wantStatus(t, http.StatusOK, "")
	e.orderStorage(`{"addonId":"storage-10gb"}`).wantStatus(t, http.StatusServiceUnavailable, "upstream_unavailable")
	if n := len(e.sim.Orders()); n != 0 {
		t.Fatalf("a 503 before the handler bought %d blocks", n)
	}

	// A dropped connection after the handler: the block was bought.
	e.sim.InjectFault(Fault{Route: RouteV2StorageOrder, DropAfterHandler: true})
	req, _ := http.NewRequestWithContext(t.Context(), "POST", e.url+e.storagePath(e.seed.AccountV2ID), strings.NewReader(`{"addonId":"storage-10gb"}`))
	req.Header.Set("Authorization", "Bearer "+e.seed.APIKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("got %s, want a connection error", resp.Status)
	}
	recs := e.sim.Requests()
	if last := recs[len(recs)-1]; last.Route != RouteV2StorageOrder || last.Status != http.StatusCreated || !last.Dropped {
		t.Errorf("log = %+v", last)
	}
	if n := len(e.sim.StorageOrders(e.seed.AccountV2ID)); n != 1 {
		t.Errorf("%d storage orders after the dropped answer, want 1", n)
	}
}

func TestOrderRemovedAndFailed(t *testing.T) {
	e := newEnv(t)
	first := e.orderStorage(`{"addonId":"storage-10gb"}`).body["orderId"].(string)
	e.sim.SetOrderStatus(first, "failed")
	if get(e.v2("GET", "/api/v2/orders/"+first, "").body, "status") != "failed" {
		t.Error("status not failed")
	}
	e.sim.Advance(storageProvisioningDelay)
	if o, _ := e.sim.Order(first); o.Status != "failed" {
		t.Errorf("the clock moved a failed order to %s", o.Status)
	}
	e.sim.RemoveOrder(first)
	e.v2("GET", "/api/v2/orders/"+first, "").wantStatus(t, http.StatusNotFound, "not_found")

	// Numbers are never handed out twice.
	second := e.orderStorage(`{"addonId":"storage-10gb"}`).body["orderId"].(string)
	if o, _ := e.sim.Order(second); o.Number != firstOrderNumber+1 || o.V1ID != firstOrderV1ID+1 {
		t.Errorf("order after a removal = %+v", o)
	}
}

func TestAdminStorage(t *testing.T) {
	e := newEnv(t)
	ts := httptest.NewServer(e.sim.AdminHandler())
	t.Cleanup(ts.Close)
	acct := e.seed.AccountV2ID

	admin(t, ts.URL, "POST", "/admin/hosting/"+acct+"/storage-tiers",
		`{"id":"storage-100gb","name":"100 GB extra storage","description":"Big.","sizeGb":100,"price":"299.00","billingCycle":"annually","available":true}`, 200, nil)
	admin(t, ts.URL, "POST", "/admin/hosting/"+acct+"/storage-tiers", `{"id":"storage-0gb","billingCycle":"annually"}`, 400, nil)
	tiers := e.v2("GET", e.storagePath(acct), "").body["tiers"].([]any)
	if len(tiers) != 4 || get(tiers[3], "price") != 299.0 || get(tiers[3], "sizeGb") != 100.0 {
		t.Errorf("tiers after admin add: %v", tiers)
	}

	admin(t, ts.URL, "POST", "/admin/hosting/"+acct+"/storage-gate", `{"code":"pending_order","reason":"Busy."}`, 200, nil)
	e.orderStorage(`{"addonId":"storage-100gb"}`).wantStatus(t, http.StatusConflict, "pending_order")
	admin(t, ts.URL, "POST", "/admin/hosting/"+acct+"/storage-gate", `{"code":"x"}`, 400, nil)
	admin(t, ts.URL, "POST", "/admin/hosting/"+acct+"/storage-gate", `{}`, 200, nil)
	orderID := e.orderStorage(`{"addonId":"storage-100gb"}`).body["orderId"].(string)

	admin(t, ts.URL, "POST", "/admin/orders/"+orderID+"/status", `{"status":"cancelled"}`, 200, nil)
	admin(t, ts.URL, "POST", "/admin/orders/"+orderID+"/status", `{"status":"lost"}`, 400, nil)
	var st adminState
	admin(t, ts.URL, "GET", "/admin/state", "", 200, &st)
	if len(st.Orders) != 1 || st.Orders[0].Status != "cancelled" || st.Orders[0].AddonID != "storage-100gb" ||
		len(st.StorageTiers[acct]) != 4 || len(st.StorageTiers[e.seed.ShopAccountV2ID]) != 3 {
		t.Errorf("state: %+v", st)
	}
	admin(t, ts.URL, "DELETE", "/admin/orders/"+orderID, "", 200, nil)
	admin(t, ts.URL, "DELETE", "/admin/orders/"+orderID, "", 400, nil)
	e.v2("GET", "/api/v2/orders/"+orderID, "").wantStatus(t, http.StatusNotFound, "not_found")
}
