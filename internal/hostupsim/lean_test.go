package hostupsim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The documented answer of each route, written here a second time, in the
// notation of the endpoint pages ("data.cycles[].price", "services.1.name"),
// so that the lean mode is checked against a statement of the contract that
// it does not share.
var documentedPaths = map[string][]string{
	RouteV1HostingBillingCycle: v1Paths(v1CyclePaths),
	RouteV1VMBillingCycle:      v1Paths(v1CyclePaths),
	RouteV1HostingUpgrade: v1Paths(words("invoiceId message orderId orderNum redirectUrl total upgradedTo"),
		under("upgradedTo", "name productId")),
	RouteV2HostingList:    concat(words("data hasMore nextCursor"), under("data[]", accountPaths...)),
	RouteV2HostingAccount: accountPaths,
	RouteV2HostingUpgradeOptions: concat(words("accountId domain currencyCode actions currentPackage availableOptions"),
		under("actions", "canUpgrade"), under("actions.canUpgrade", gatePaths...),
		under("currentPackage", "productSlug", "name"),
		under("availableOptions[]", "productSlug", "name", "type", "billing", "available", "reason"),
		under("availableOptions[].billing", billingPaths...)),
	RouteV2HostingUpgrade: concat(words("preview currentProduct newProduct priceChange upgraded orderId paymentInvoice renewalInvoice"),
		under("currentProduct", "slug", "name"), under("newProduct", "slug", "name"),
		under("priceChange", "amount", "recurringAmount", "currencyCode", "billingCycle"),
		under("paymentInvoice", invoicePaths...), under("renewalInvoice", invoicePaths...)),
	RouteV2HostingBillingCycle: concat(words("currentBillingCycle cycles blockingInvoices actions"),
		under("cycles[]", "billingCycle", "amount", "currencyCode", "isCurrent"),
		under("blockingInvoices[]", invoicePaths...),
		under("actions", "canChangeBillingCycle"), under("actions.canChangeBillingCycle", gatePaths...)),
	RouteV2HostingChangeCycle: concat(words("dryRun accountId currentBillingCycle newBillingCycle priceChange actions orderId paymentInvoice renewalInvoice"),
		under("priceChange", "amount", "recurringAmount", "currencyCode", "billingCycle"),
		under("actions", "canCommit"), under("actions.canCommit", gatePaths...),
		under("paymentInvoice", invoicePaths...), under("renewalInvoice", invoicePaths...)),
	RouteV2StorageTiers: concat(words("tiers actions account"),
		under("tiers[]", "id", "name", "description", "price", "currencyCode", "billingCycle", "sizeGb", "available", "reason"),
		under("actions", "canAddStorage"), under("actions.canAddStorage", gatePaths...),
		under("account", "id", "domain", "billing"), under("account.billing", "billingCycle")),
	RouteV2StorageOrder: words("invoiceId orderId redirectUrl"),
	RouteV1VMDetails:    v1Paths(words("id product_id product_name hostname status billingcycle price cpu ram disk bandwidth_limit next_due")),
	RouteV1VMUpgrade: v1Paths(words("credits draftId estimate invoiceId message orderId orderNum prorated raw recurring redirectUrl success summary total upgraded"),
		under("raw", "call", "checkout", "draft", "info", "order_id", "server_time", "success"),
		under("raw.checkout", "gateway", "invoice_id", "newtotal", "order_id", "order_num", "total"),
		under("raw.draft", "addons", "available_recipients", "client_id", "currency", "date", "domains", "id", "price", "services"),
		under("raw.draft.available_recipients[]", "address1", "city", "client_id", "country", "email", "expdate", "firstname",
			"id", "lastname", "password", "phonenumber", "postcode", "reset_expiry", "reset_token", "status", "cardnum", "cardtype"),
		under("raw.draft.currency", "code", "decimal", "format", "id", "iso", "rate", "rounding", "rounding_mode", "sign"),
		under("raw.draft.price", draftPricePaths...),
		under("raw.draft.services.1", "account_id", "cycle", "id", "name", "price", "product_id", "qty", "recurring", "total"),
		under("raw.draft.services.1.total", draftPricePaths...)),
	RouteV2VPSList: concat(words("data hasMore nextCursor"), under("data[]", vpsSummaryPaths...)),
	RouteV2VPS: concat(vpsSummaryPaths, words("options"),
		under("options", "bandwidthGb", "backupSlots", "snapshotSlots", "ipv4Count", "ipv6", "additionalStorageGb")),
	RouteV2VPSUpgradeOptions: concat(words("availablePlans availablePlans[] configurableOptions"),
		under("configurableOptions[]", "key", "type", "min")),
	RouteV2VPSUpgrade: vpsChangePaths,
	RouteV2VPSConfig:  vpsChangePaths,
	RouteV2Order:      concat(words("id number status type invoiceId billing"), under("billing", billingPaths...)),
	RouteV2Invoice:    invoicePaths,
}

var (
	gatePaths       = words("allowed reason code")
	billingPaths    = words("amount currencyCode billingCycle")
	invoicePaths    = words("id number amount currencyCode dueAt status paymentUrl")
	accountPaths    = concat(words("id name primaryDomain domains domains[] customName serviceStatus billing createdAt nextDueAt expiresAt"), under("billing", billingPaths...))
	v1CyclePaths    = concat(words("current currentName cycles productId accountId accountDetails"), under("cycles[]", "id", "name", "price", "isCurrent", "billingCycle"), under("accountDetails", "domain", "name", "total"))
	draftPricePaths = words("cost discount discount_details recurring recurring.m recurring_cost recurring_cost.m recurring_discount recurring_discount.m setup total total_cost")
	vpsSummaryPaths = concat(words("id hostname status plan billing specs"), under("plan", "productSlug", "name"), under("billing", billingPaths...),
		under("specs", "cpu", "ramMb", "diskGb", "bandwidthGb"))
	vpsChangePaths = concat(words("dryRun priceChange paymentInvoice actions"),
		under("priceChange", "amount", "recurringAmount", "additionalRecurringAmount", "currencyCode"),
		under("paymentInvoice", invoicePaths...), under("actions", "canCommit"), under("actions.canCommit", gatePaths...))
)

// flippedPaths are the values the contract types two ways or not at all,
// which lean mode sends as the other JSON type than full mode, as far as the
// scenario below reaches them. availablePlans[] is documented as slugs: lean
// mode sends each plan as its bare slug.
var flippedPaths = map[string][]string{
	RouteV1HostingBillingCycle: inData(words("accountId cycles[].price accountDetails.total")),
	RouteV1VMBillingCycle:      inData(words("accountId cycles[].price accountDetails.total")),
	RouteV1HostingUpgrade:      inData(words("invoiceId orderId total")),
	RouteV1VMDetails:           inData(words("id price cpu ram disk bandwidth_limit")),
	RouteV1VMUpgrade: inData(words("invoiceId orderId total prorated recurring raw.checkout.invoice_id raw.checkout.newtotal raw.checkout.total"),
		under("raw.draft.price", "cost discount setup total total_cost recurring.m recurring_cost.m recurring_discount.m"),
		under("raw.draft.services.1", "price"),
		under("raw.draft.services.1.total", "cost discount setup total total_cost recurring.m recurring_cost.m recurring_discount.m")),
	RouteV2HostingUpgrade:      words("paymentInvoice.number"),
	RouteV2HostingBillingCycle: words("blockingInvoices[].number"),
	RouteV2HostingChangeCycle:  words("paymentInvoice.number"),
	RouteV2StorageTiers:        words("tiers[].sizeGb"),
	RouteV2VPSList:             words("data[].specs.cpu data[].specs.ramMb data[].specs.diskGb data[].specs.bandwidthGb"),
	RouteV2VPS: words("specs.cpu specs.ramMb specs.diskGb specs.bandwidthGb options.bandwidthGb options.backupSlots " +
		"options.snapshotSlots options.ipv4Count options.additionalStorageGb"),
	RouteV2VPSUpgradeOptions: words("configurableOptions[].min"),
	RouteV2VPSConfig:         words("paymentInvoice.number"),
	RouteV2Order:             words("number"),
	RouteV2Invoice:           words("number"),
}

func words(s string) []string { return strings.Fields(s) }

// under prefixes each of names (which may hold several space-separated
// names) with prefix.
func under(prefix string, names ...string) []string {
	var out []string
	for _, n := range names {
		for _, w := range strings.Fields(n) {
			out = append(out, prefix+"."+w)
		}
	}
	return out
}

func concat(lists ...[]string) []string { return slices.Concat(lists...) }

// v1Paths puts paths inside the v1 envelope, beside its own fields.
func v1Paths(lists ...[]string) []string {
	return concat(words("success timestamp requestId"), inData(lists...))
}

// inData puts paths inside the v1 envelope's data.
func inData(lists ...[]string) []string { return under("data", concat(lists...)...) }

// leanStep is one request of the scenario.
type leanStep struct {
	method, path, body string
}

// leanScenario reaches every route with a success answer (and one error),
// in an order that keeps each request allowed: the plan change leaves an
// invoice that the billing-cycle read then lists, the v1 plan change goes to
// an account of its own and so does the storage order. The order and invoice reads follow, with the ids
// of the last order (both servers hand out the same).
func leanScenario(s DemoSeed, spareV2ID string) []leanStep {
	acct, shop, vps := "/api/v2/shared-hosting/"+s.AccountV2ID, "/api/v2/shared-hosting/"+s.ShopAccountV2ID, "/api/v2/vps/"+s.XLVMV2ID
	spare := "/api/v2/shared-hosting/" + spareV2ID
	steps := []leanStep{
		{"GET", "/api/hosting/20000/billing-cycle", ""},
		{"GET", "/api/vm/10000/billing-cycle", ""},
		{"GET", "/api/vm/10000/details", ""},
		{"POST", "/api/vm/10000/upgrade", `{"send":false,"resources":{"2231":400}}`},
		{"POST", "/api/vm/10000/upgrade", `{"send":true,"draftId":5257,"resources":{"2231":400}}`},
		{"POST", "/api/hosting/20002/upgrade", `{"productId":"1913"}`},
		{"GET", "/api/v2/shared-hosting?limit=1", ""},
		{"GET", acct, ""},
		{"GET", acct + "/actions/upgrade", ""},
		{"GET", acct + "/addons/storage", ""},
		{"POST", spare + "/addons/storage", `{"addonId":"storage-10gb"}`},
		{"POST", acct + "/actions/upgrade", `{"productSlug":"webbhotell-business","dryRun":true}`},
		{"POST", acct + "/actions/upgrade", `{"productSlug":"webbhotell-business"}`},
		{"GET", acct + "/actions/billing-cycle", ""},
		{"POST", shop + "/actions/billing-cycle", `{"billingCycle":"annually","dryRun":true}`},
		{"POST", shop + "/actions/billing-cycle", `{"billingCycle":"annually"}`},
		{"GET", "/api/v2/vps?limit=1", ""},
		{"GET", vps, ""},
		{"GET", vps + "/actions/upgrade", ""},
		{"POST", vps + "/actions/upgrade", `{"productSlug":"vps-l","dryRun":true}`},
		{"POST", vps + "/actions/config", `{"resources":{"backupSlots":9},"dryRun":true}`},
		{"POST", vps + "/actions/config", `{"resources":{"backupSlots":9}}`},
		{"GET", "/api/v2/vps/vps_0unknown", ""},
	}
	return steps
}

// runLean runs the scenario on a full and a lean server and returns, per
// step, the route and both answers.
func runLean(t *testing.T) []leanAnswer {
	t.Helper()
	full, lean := newEnv(t), newEnv(t)
	lean.sim.SetLean(true)
	for _, e := range []*env{full, lean} {
		e.sim.AddHostingAccount(HostingAccount{V1ID: 20002, Domain: "third.example.se", ProductID: "1911"})
		e.sim.AddHostingAccount(HostingAccount{V1ID: 20003, Domain: "fourth.example.se", ProductID: "1912"})
	}
	spare, _ := full.sim.HostingAccount("20003")
	var out []leanAnswer
	do := func(st leanStep) {
		f, l := full.call(st), lean.call(st)
		if f.status != l.status {
			t.Fatalf("%s %s: full %d, lean %d\n%s\n%s", st.method, st.path, f.status, l.status, f.raw, l.raw)
		}
		out = append(out, leanAnswer{step: st, full: f, lean: l})
	}
	for _, st := range leanScenario(full.seed, spare.V2ID) {
		do(st)
	}
	orders := full.sim.Orders()
	last := orders[len(orders)-1]
	do(leanStep{"GET", "/api/v2/orders/" + last.ID, ""})
	do(leanStep{"GET", "/api/v2/billing/invoices/" + last.InvoiceID, ""})
	return out
}

type leanAnswer struct {
	step       leanStep
	full, lean result
}

// call sends a step with the demo key in the route's generation's header.
func (e *env) call(st leanStep) result {
	e.t.Helper()
	if strings.HasPrefix(st.path, "/api/v2/") {
		return e.v2(st.method, st.path, st.body)
	}
	return e.v1(st.method, st.path, st.body)
}

func routeOf(st leanStep) string {
	path, _, _ := strings.Cut(st.path, "?")
	rt, _, err := match(st.method, path)
	if err != nil {
		return ""
	}
	return rt.pattern
}

func TestLeanAnswersCarryOnlyDocumentedFields(t *testing.T) {
	seenRoutes := map[string]bool{}
	for _, a := range runLean(t) {
		route := routeOf(a.step)
		if a.full.status >= 300 {
			if !bytes.Equal(a.full.raw, a.lean.raw) {
				t.Errorf("%s: lean mode changed an error answer:\n%s\n%s", route, a.full.raw, a.lean.raw)
			}
			continue
		}
		seenRoutes[route] = true
		var lean any
		_ = json.Unmarshal(a.lean.raw, &lean)
		for _, p := range leafPaths("", lean) {
			if !isDocumented(documentedPaths[route], p) {
				t.Errorf("%s: lean answer carries %s, which is not documented", route, p)
			}
		}
	}
	for _, r := range Routes() {
		if !seenRoutes[r.Pattern] {
			t.Errorf("the scenario never reaches %s", r.Pattern)
		}
		if leanShapes[r.Pattern] == nil {
			t.Errorf("%s has no lean shape", r.Pattern)
		}
	}
}

// isDocumented reports whether path is one of the documented paths, or an
// object or array that holds one.
func isDocumented(documented []string, path string) bool {
	p := strings.TrimSuffix(path, "[]")
	return slices.ContainsFunc(documented, func(d string) bool {
		return d == p || d == path || strings.HasPrefix(d, p+".") || strings.HasPrefix(d, p+"[]")
	})
}

// leafPaths lists every key path in v, in the pages' notation.
func leafPaths(prefix string, v any) []string {
	var out []string
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			out = append(out, p)
			out = append(out, leafPaths(p, val)...)
		}
	case []any:
		if len(x) > 0 {
			out = append(out, prefix+"[]")
		}
		for _, el := range x {
			out = append(out, leafPaths(prefix+"[]", el)...)
		}
	}
	return out
}

func TestLeanFlipsTheTypesTheContractLeavesOpen(t *testing.T) {
	flipsSeen := map[string]bool{}
	for _, a := range runLean(t) {
		route := routeOf(a.step)
		if a.full.status >= 300 {
			continue
		}
		flips := map[string]bool{}
		for _, p := range flippedPaths[route] {
			flips[p] = true
		}
		var full, lean any
		decodeNumbers(t, a.full.raw, &full)
		decodeNumbers(t, a.lean.raw, &lean)
		for _, d := range compareLean("", full, lean, flips, flipsSeen, route) {
			t.Errorf("%s %s: %s", a.step.method, a.step.path, d)
		}
	}
	for route, paths := range flippedPaths {
		for _, p := range paths {
			if !flipsSeen[route+" "+p] {
				t.Errorf("%s: the scenario never shows %s flipped", route, p)
			}
		}
	}
}

func decodeNumbers(t *testing.T, raw []byte, v *any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		t.Fatal(err)
	}
}

// compareLean walks the lean answer beside the full one: every lean value is
// the full value, except at the flipped paths, where it is the same text in
// the other JSON type, and the bare plan slugs.
func compareLean(path string, full, lean any, flips, seen map[string]bool, route string) []string {
	at := func(k string) string {
		if path == "" {
			return k
		}
		return path + "." + k
	}
	switch l := lean.(type) {
	case map[string]any:
		f, ok := full.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: an object where full mode has %T", path, full)}
		}
		var out []string
		for k, lv := range l {
			fv, ok := f[k]
			if !ok {
				out = append(out, fmt.Sprintf("%s: not in the full answer", at(k)))
				continue
			}
			out = append(out, compareLean(at(k), fv, lv, flips, seen, route)...)
		}
		return out
	case []any:
		f, ok := full.([]any)
		if !ok || len(f) != len(l) {
			return []string{fmt.Sprintf("%s: %d elements, full mode %v", path, len(l), full)}
		}
		var out []string
		for i := range l {
			out = append(out, compareLean(path+"[]", f[i], l[i], flips, seen, route)...)
		}
		return out
	}
	if path == "availablePlans[]" {
		if f, ok := full.(map[string]any); !ok || f["productSlug"] != lean {
			return []string{fmt.Sprintf("%s: %v is not the bare slug of %v", path, lean, full)}
		}
		return nil
	}
	if !flips[path] {
		if !reflect.DeepEqual(full, lean) {
			return []string{fmt.Sprintf("%s: %#v, full mode %#v", path, lean, full)}
		}
		return nil
	}
	seen[route+" "+path] = true
	fn, fIsNum := full.(json.Number)
	ls, lIsStr := lean.(string)
	fs, fIsStr := full.(string)
	ln, lIsNum := lean.(json.Number)
	switch {
	case fIsNum && lIsStr && string(fn) == ls, fIsStr && lIsNum && fs == string(ln):
		return nil
	}
	return []string{fmt.Sprintf("%s: lean %#v is not full mode's %#v in the other JSON type", path, lean, full)}
}

func TestLeanOffAnswersInFull(t *testing.T) {
	e := newEnv(t)
	details := func() any { return e.v1("GET", "/api/vm/10000/details", "").body["data"] }
	before := details()
	e.sim.SetLean(true)
	if !e.sim.Lean() || reflect.DeepEqual(details(), before) {
		t.Fatal("lean mode changed nothing")
	}
	e.sim.SetLean(false)
	if after := details(); e.sim.Lean() || !reflect.DeepEqual(after, before) {
		t.Errorf("after lean mode: %v\nbefore: %v", after, before)
	}
	e.sim.SetLean(true)
	r := e.v2("GET", "/api/v2/shared-hosting/"+e.seed.AccountV2ID+"/actions/upgrade", "")
	r.wantStatus(t, http.StatusOK, "")
	if cp := r.body["currentPackage"].(map[string]any); len(cp) != 2 || cp["productSlug"] != "webbhotell-start" {
		t.Errorf("lean currentPackage = %v", cp)
	}
}
