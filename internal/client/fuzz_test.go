package client

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// The fuzz targets decode arbitrary bodies as each money-bearing answer.
// Properties: decoding never panics, and an answer decodes only if every
// amount it must carry is in the body, with the value the body gives: a
// missing amount is an error, never a 0. The oracle reads the body on its
// own, as untyped JSON, so it does not share the decoder's mistakes.

// moneyAnswer is one answer type: where it is decoded from, and the JSON
// paths of its required amounts ("*" stands for every element of an array;
// a path through an absent or null object requires nothing).
type moneyAnswer struct {
	name     string
	method   string
	path     string
	decode   func(method, path string, body []byte) ([]Amount, error)
	required [][]string
}

func decodeAs[T any](amounts func(*T) []Amount) func(method, path string, body []byte) ([]Amount, error) {
	return func(method, path string, body []byte) ([]Amount, error) {
		var out T
		if err := decodeSuccess(method, path, http.StatusOK, body, &out); err != nil {
			return nil, err
		}
		return amounts(&out), nil
	}
}

// invoiceAmounts lists the amounts of the invoices an answer carries.
func invoiceAmounts(invoices ...*Invoice) []Amount {
	var out []Amount
	for _, inv := range invoices {
		if inv != nil {
			out = append(out, inv.Amount)
		}
	}
	return out
}

// The answers whose amounts decide money. Amounts that are only shown (an
// account's price, the cycles on offer) are optional and not listed here.
var v2MoneyAnswers = []moneyAnswer{
	{
		name: "upgrade preview", method: http.MethodPost, path: "/api/v2/shared-hosting/acct_1/actions/upgrade",
		decode: decodeAs(func(p *SharedHostingUpgradePreview) []Amount {
			return []Amount{p.PriceChange.Amount, p.PriceChange.RecurringAmount}
		}),
		required: [][]string{{"priceChange", "amount"}, {"priceChange", "recurringAmount"}},
	},
	{
		name: "upgrade result", method: http.MethodPost, path: "/api/v2/shared-hosting/acct_1/actions/upgrade",
		decode: decodeAs(func(r *SharedHostingUpgradeResult) []Amount {
			return invoiceAmounts(r.PaymentInvoice, r.RenewalInvoice)
		}),
		required: [][]string{{"paymentInvoice", "amount"}, {"renewalInvoice", "amount"}},
	},
	{
		name: "billing-cycle change", method: http.MethodPost, path: "/api/v2/shared-hosting/acct_1/actions/billing-cycle",
		decode: decodeAs(func(r *BillingCycleChangeResult) []Amount {
			return append([]Amount{r.PriceChange.Amount, r.PriceChange.RecurringAmount}, invoiceAmounts(r.PaymentInvoice, r.RenewalInvoice)...)
		}),
		required: [][]string{{"priceChange", "amount"}, {"priceChange", "recurringAmount"}, {"paymentInvoice", "amount"}, {"renewalInvoice", "amount"}},
	},
	{
		name: "storage tiers", method: http.MethodGet, path: "/api/v2/shared-hosting/acct_1/addons/storage",
		decode: decodeAs(func(t *StorageTiers) []Amount {
			var out []Amount
			for _, tier := range t.Tiers {
				out = append(out, tier.Price)
			}
			return out
		}),
		required: [][]string{{"tiers", "*", "price"}},
	},
	{
		name: "VPS option change", method: http.MethodPost, path: "/api/v2/vps/vps_1/actions/config",
		decode: decodeAs(func(r *vpsConfigResult) []Amount {
			pc := r.PriceChange
			return append([]Amount{pc.Amount, pc.RecurringAmount, pc.AdditionalRecurringAmount}, invoiceAmounts(r.PaymentInvoice)...)
		}),
		required: [][]string{{"priceChange", "amount"}, {"priceChange", "recurringAmount"},
			{"priceChange", "additionalRecurringAmount"}, {"paymentInvoice", "amount"}},
	},
	{
		name: "invoice", method: http.MethodGet, path: "/api/v2/billing/invoices/inv_1",
		decode:   decodeAs(func(i *Invoice) []Amount { return []Amount{i.Amount} }),
		required: [][]string{{"amount"}},
	},
}

var v1MoneyAnswers = []moneyAnswer{
	{
		name: "v1 upgrade result", method: http.MethodPost, path: "/api/hosting/20000/upgrade",
		decode:   decodeAs(func(r *HostingUpgradeV1Result) []Amount { return []Amount{r.Total} }),
		required: [][]string{{"data", "total"}},
	},
	{
		name: "VM estimate", method: http.MethodPost, path: "/api/vm/10000/upgrade",
		decode:   decodeAs(func(e *vmEstimateJSON) []Amount { return []Amount{e.Prorated, e.Recurring} }),
		required: [][]string{{"data", "prorated"}, {"data", "recurring"}},
	},
	{
		name: "VM commit", method: http.MethodPost, path: "/api/vm/10000/upgrade",
		decode:   decodeAs(func(r *vmCommitJSON) []Amount { return []Amount{r.Total} }),
		required: [][]string{{"data", "total"}},
	},
}

// Example bodies from HostUp's endpoint pages, and shapes around them.
var (
	v2Seeds = []string{
		`{"preview":true,"currentProduct":{"slug":"webbhotell-start","name":"Start"},"newProduct":{"slug":"webbhotell-business","name":"Business"},"priceChange":{"amount":100,"recurringAmount":1188,"currencyCode":"SEK","billingCycle":"annually"}}`,
		`{"upgraded":true,"currentProduct":{"slug":"webbhotell-start","name":"Start"},"newProduct":{"slug":"webbhotell-business","name":"Business"},"orderId":"ord_01hxa3b4c5d6e7f8g9h0j1k2m3","paymentInvoice":{"id":"inv_01hxa3b4c5d6e7f8g9h0j1k2m3","number":"202600001","amount":100,"currencyCode":"SEK","dueAt":"2026-05-27T00:00:00.000Z","status":"unpaid","paymentUrl":"/billing?invoice=202600001"},"renewalInvoice":null}`,
		`{"upgraded":true,"paymentInvoice":{"id":"inv_1","currencyCode":"SEK"}}`,
		`{"preview":true,"priceChange":{"recurringAmount":1188}}`,
		`{"currentBillingCycle":"annually","cycles":[{"billingCycle":"monthly","amount":79,"currencyCode":"SEK","isCurrent":false},{"billingCycle":"annually","amount":708.00,"currencyCode":"SEK","isCurrent":true}],"blockingInvoices":[{"id":"inv_2","amount":"-645.43"}],"actions":{"canChangeBillingCycle":{"allowed":true,"reason":null,"code":null}}}`,
		`{"id":"acct_1","billing":{"amount":311.26,"currencyCode":"SEK","billingCycle":"annually"}}`,
		`null`, `{}`, `{"priceChange":null}`, `{"priceChange":{"amount":null,"recurringAmount":1}}`,
		`{"priceChange":{"amount":"1e400","recurringAmount":"-0.000000000000000000001"}}`,
		`{"tiers":[{"id":"storage-10gb","price":49,"sizeGb":"10"},{"id":"storage-50gb"}]}`,
		`{"dryRun":true,"priceChange":{"amount":167.14,"recurringAmount":740,"additionalRecurringAmount":180,"currencyCode":"SEK"},"actions":{"canCommit":{"allowed":true}}}`,
		`{"id":"inv_1","number":202600001,"amount":100,"currencyCode":"SEK","status":"unpaid"}`,
	}
	v1Seeds = []string{
		`{"success":true,"timestamp":"2026-02-10T00:00:00.000Z","requestId":"2121ae20-bd9d-41e9-aeeb-5dd1dd1a24ba","data":{"message":"Successfully upgraded to Start plan","orderId":33784,"orderNum":1941404912,"total":"-645.43","redirectUrl":"/billing","upgradedTo":{"productId":"1912","name":"Start"}}}`,
		v1BillingCycleOK,
		`{"success":true,"data":{"message":"Successfully upgraded","orderId":1}}`,
		`{"success":false,"data":{"total":"1.00"}}`,
		`{"success":true,"data":null}`,
		`{"success":true,"data":{"cycles":[{"id":"m","price":79}],"accountDetails":{"total":"708.00"}}}`,
		`{"success":true,"data":{"draftId":"5257","prorated":"311.26","recurring":600,"raw":{"draft":{"currency":{"code":"kr","iso":"SEK"}}}}}`,
		`{"success":true,"data":{"draftId":5257,"recurring":600}}`,
		`{"success":true,"data":{"orderId":"34889","orderNum":1693887344,"total":-205.26,"raw":{"checkout":{"newtotal":420}}}}`,
	}
)

func FuzzDecodeV2Success(f *testing.F) {
	for _, s := range v2Seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) { checkMoneyAnswers(t, v2MoneyAnswers, body) })
}

func FuzzDecodeV1Success(f *testing.F) {
	for _, s := range v1Seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) { checkMoneyAnswers(t, v1MoneyAnswers, body) })
}

func checkMoneyAnswers(t *testing.T, answers []moneyAnswer, body []byte) {
	doc, docOK := parseUntyped(body)
	for _, a := range answers {
		amounts, err := a.decode(a.method, a.path, body)
		if err != nil {
			if !OutcomeUnknown(err) && a.method != http.MethodGet {
				t.Errorf("%s: a 2xx commit that cannot be decoded must leave the outcome unknown: %v", a.name, err)
			}
			continue
		}
		for _, amt := range amounts {
			if !amt.IsSet() {
				t.Errorf("%s: decoded with an amount that was not in the body: %s", a.name, body)
			}
		}
		if !docOK {
			continue
		}
		for _, p := range a.required {
			for _, v := range walk(doc, p) {
				if v.ambiguous {
					continue
				}
				if !v.found {
					t.Fatalf("%s: decoded although %s is missing: %s", a.name, strings.Join(p, "."), body)
				}
				if _, err := decimalOf(v.value); err != nil {
					t.Fatalf("%s: decoded although %s is %v: %s", a.name, strings.Join(p, "."), v.value, body)
				}
			}
		}
	}
}

// parseUntyped decodes body as JSON with numbers kept as text.
func parseUntyped(body []byte) (any, bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, false
	}
	return v, true
}

// lookup is what walk found at the end of one path.
type lookup struct {
	value     any
	found     bool
	ambiguous bool // keys that differ only in case: which one wins is the decoder's business
}

// walk follows path through doc. Like the decoder, it matches keys without
// regard to case; an absent or null object on the way requires nothing
// below it, so it yields no lookup.
func walk(doc any, path []string) []lookup {
	if len(path) == 0 {
		return []lookup{{value: doc, found: doc != nil}}
	}
	if path[0] == "*" {
		arr, ok := doc.([]any)
		if !ok {
			return nil
		}
		var out []lookup
		for _, el := range arr {
			out = append(out, walk(el, path[1:])...)
		}
		return out
	}
	obj, ok := doc.(map[string]any)
	if !ok {
		return nil
	}
	var matches []any
	for k, v := range obj {
		if strings.EqualFold(k, path[0]) {
			matches = append(matches, v)
		}
	}
	switch {
	case len(matches) > 1:
		return []lookup{{ambiguous: true}}
	case len(matches) == 0 && len(path) == 1:
		return []lookup{{found: false}}
	case len(matches) == 0:
		return nil
	}
	return walk(matches[0], path[1:])
}

func decimalOf(v any) (decimal.Decimal, error) {
	switch x := v.(type) {
	case json.Number:
		return decimal.NewFromString(string(x))
	case string:
		return decimal.NewFromString(x)
	}
	return decimal.Decimal{}, &json.UnsupportedValueError{Str: "not an amount"}
}

func FuzzNewAPIError(f *testing.F) {
	f.Add(404, "", []byte(`{"error":"Not Found","message":"Hosting account 29999 not found","code":"NOT_FOUND","requestId":"0b5c1f9e-1111-4222-8333-944445555666","timestamp":"2026-02-10T00:00:00.000Z"}`))
	f.Add(400, "", []byte(`{"type":"https://developer.hostup.se/errors/invalid_request","title":"Validation failed","status":400,"detail":"The request body failed validation.","code":"invalid_request","instance":"/api/v2/orders","requestId":"req_01hxa3b4c5d6e7f8g9h0j1k2m3","timestamp":"2026-04-27T12:34:56.000Z","errors":[{"pointer":"/items/0/eppCode","detail":"eppCode is required for this transfer.","code":"missing_required"}]}`))
	f.Add(429, "7", []byte(`{"error":"Too Many Requests","message":"Slow down","code":"RATE_LIMITED","retryAfter":30}`))
	f.Add(409, "", []byte(`{"code":"existing_invoice_blocking","extensions":{"invoiceId":"inv_1","invoiceNumber":"202600001"}}`))
	f.Add(404, "", []byte(`<html><body>404 Not Found</body></html>`))
	f.Add(503, "Wed, 21 Oct 2015 07:28:00 GMT", []byte(``))
	f.Fuzz(func(t *testing.T, status int, retryAfter string, body []byte) {
		resp := &http.Response{StatusCode: status, Header: http.Header{}}
		resp.Header.Set("Retry-After", retryAfter)
		e := newAPIError(http.MethodPost, "/api/v2/x", resp, body)
		if e.StatusCode != status || e.Error() == "" || e.RetryAfter < 0 {
			t.Fatalf("status %d, retry-after %v, message %q", e.StatusCode, e.RetryAfter, e.Error())
		}
		var doc struct {
			Code *string `json:"code"`
		}
		if json.Unmarshal(body, &doc) != nil || doc.Code == nil {
			if e.Code != "" {
				t.Fatalf("code %q from a body without one: %s", e.Code, body)
			}
		} else if string(e.Code) != *doc.Code {
			t.Fatalf("code %q, body says %q", e.Code, *doc.Code)
		}
		isHostUpNotFound := status == http.StatusNotFound &&
			(strings.EqualFold(string(e.Code), "not_found") || strings.EqualFold(string(e.Code), "vps_not_found"))
		if IsNotFound(e) != isHostUpNotFound {
			t.Fatalf("IsNotFound = %t for status %d code %q", IsNotFound(e), status, e.Code)
		}
	})
}
