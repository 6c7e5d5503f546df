package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// A redirect is never followed: the other host sees no request (so no key),
// the error names the Location, and a commit is sent once.
func TestRedirectIsNotFollowed(t *testing.T) {
	var elsewhere atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { elsewhere.Add(1) }))
	t.Cleanup(other.Close)
	for _, status := range []int{http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			location := other.URL + "/api/v2/shared-hosting/acct_1/actions/upgrade"
			srv := newStub(t, stubResponse{status: status, headers: map[string]string{"Location": location}})
			followed := false
			hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { followed = true; return nil }}
			c, _ := newTestClient(t, srv.URL, WithHTTPClient(hc))

			_, err := c.UpgradeSharedHosting(context.Background(), "acct_1", SharedHostingUpgrade{ProductSlug: "webbhotell-business"})
			var redirErr *RedirectError
			if !errors.As(err, &redirErr) || redirErr.StatusCode != status || !strings.Contains(err.Error(), location) {
				t.Fatalf("want a RedirectError naming %s, got %v", location, err)
			}
			if got := srv.requests.Load(); got != 1 {
				t.Errorf("the commit was sent %d times, want 1", got)
			}
			if elsewhere.Load() != 0 || followed {
				t.Errorf("the redirect was followed (%d requests elsewhere)", elsewhere.Load())
			}
			// 307/308 tell the client to repeat the request elsewhere, so
			// nothing was done; any other redirect may follow a done change.
			wantUnknown := status != http.StatusTemporaryRedirect && status != http.StatusPermanentRedirect
			if OutcomeUnknown(err) != wantUnknown {
				t.Errorf("OutcomeUnknown = %t, want %t", OutcomeUnknown(err), wantUnknown)
			}
		})
	}
}

// The caller's http.Client is not changed by the client's redirect rule.
func TestWithHTTPClientKeepsCallersClient(t *testing.T) {
	hc := &http.Client{}
	c, _ := newTestClient(t, "http://127.0.0.1:1", WithHTTPClient(hc))
	if hc.CheckRedirect != nil {
		t.Error("the caller's http.Client was modified")
	}
	if c.httpClient == hc || c.httpClient.CheckRedirect == nil {
		t.Error("the client does not use its own redirect rule")
	}
}

// A 2xx body that cannot be read is a DecodeError; for a commit its outcome
// is unknown (HostUp bought it), for a read it is a plain failure.
func TestUndecodableSuccess(t *testing.T) {
	bodies := map[string]string{
		"malformed":         `<html>502</html>`,
		"truncated":         `{"upgraded":true,"paymentInvoice":{"id":"inv_1","amo`,
		"null":              `null`,
		"no invoice amount": `{"upgraded":true,"paymentInvoice":{"id":"inv_1","currencyCode":"SEK"}}`,
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			srv := newStub(t, stubResponse{status: 200, body: body})
			c, _ := newTestClient(t, srv.URL)
			_, err := c.UpgradeSharedHosting(context.Background(), "acct_1", SharedHostingUpgrade{ProductSlug: "b"})
			var decErr *DecodeError
			if !errors.As(err, &decErr) || decErr.StatusCode != 200 || decErr.Method != http.MethodPost || !OutcomeUnknown(err) {
				t.Fatalf("commit: want an outcome-unknown DecodeError, got %v", err)
			}
			if srv.requests.Load() != 1 {
				t.Errorf("sent %d times", srv.requests.Load())
			}
		})
	}
	v1 := map[string]string{
		"success false": `{"success":false,"data":{"total":"-645.43"}}`,
		"no data":       `{"success":true}`,
		"no total":      `{"success":true,"data":{"message":"Successfully upgraded","orderId":1}}`,
	}
	for name, body := range v1 {
		t.Run("v1 "+name, func(t *testing.T) {
			srv := newStub(t, stubResponse{status: 200, body: body})
			c, _ := newTestClient(t, srv.URL)
			_, err := c.UpgradeHostingAccountV1(context.Background(), 20000, "1912")
			if !OutcomeUnknown(err) {
				t.Fatalf("v1 commit: want outcome unknown, got %v", err)
			}
		})
	}
	t.Run("read", func(t *testing.T) {
		srv := newStub(t, stubResponse{status: 200, body: `{"tiers":[{"id":"storage-10gb","currencyCode":"SEK"}]}`})
		c, _ := newTestClient(t, srv.URL)
		_, err := c.ListStorageTiers(context.Background(), "acct_1")
		var decErr *DecodeError
		if !errors.As(err, &decErr) || OutcomeUnknown(err) || !strings.Contains(err.Error(), "tiers[0].price") {
			t.Fatalf("read: want a plain DecodeError naming tiers[0].price, got %v", err)
		}
	})
	t.Run("read of a price only shown", func(t *testing.T) {
		srv := newStub(t, stubResponse{status: 200, body: `{"id":"acct_1","billing":{"currencyCode":"SEK"}}`})
		c, _ := newTestClient(t, srv.URL)
		a, err := c.GetSharedHostingAccount(context.Background(), "acct_1")
		if err != nil || a.Billing.Amount.IsSet() || a.Billing.CurrencyCode != "SEK" {
			t.Fatalf("an account without its price decodes, the price not set: %+v, %v", a, err)
		}
	})
}

// A dry run without its price is an error, never a price of 0.
func TestPreviewWithoutAmountIsAnError(t *testing.T) {
	srv := newStub(t, stubResponse{status: 200, body: `{"preview":true,"priceChange":{"recurringAmount":1188,"currencyCode":"SEK"}}`})
	c, _ := newTestClient(t, srv.URL)
	p, err := c.PreviewSharedHostingUpgrade(context.Background(), "acct_1", SharedHostingUpgrade{ProductSlug: "b"})
	if err == nil || !strings.Contains(err.Error(), "priceChange.amount") {
		t.Fatalf("want an error naming priceChange.amount, got %+v, %v", p, err)
	}
}

// Only HostUp's own not-found answer means the object is gone.
func TestIsNotFoundOnlyForHostUpsCode(t *testing.T) {
	cases := []struct {
		name string
		resp stubResponse
		want bool
	}{
		{"v2 not_found", stubResponse{status: 404, body: `{"status":404,"code":"not_found","title":"Not Found"}`}, true},
		{"v2 vps_not_found", stubResponse{status: 404, body: `{"status":404,"code":"vps_not_found"}`}, true},
		{"v1 NOT_FOUND", stubResponse{status: 404, body: `{"error":"Not Found","code":"NOT_FOUND"}`}, true},
		{"proxy html", stubResponse{status: 404, body: `<html><body>404 Not Found</body></html>`}, false},
		{"other code", stubResponse{status: 404, body: `{"status":404,"code":"route_not_found"}`}, false},
		{"not_found on another status", stubResponse{status: 410, body: `{"code":"not_found"}`}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := newStub(t, tc.resp)
			c, _ := newTestClient(t, srv.URL)
			_, err := c.GetSharedHostingAccount(context.Background(), "acct_1")
			if err == nil || IsNotFound(err) != tc.want {
				t.Fatalf("IsNotFound = %t, want %t (%v)", IsNotFound(err), tc.want, err)
			}
		})
	}
}

// A list that repeats a cursor, or says hasMore without one, stops with an
// error after a bounded number of requests; both lists share the pager.
func TestListStopsOnABrokenCursor(t *testing.T) {
	cases := map[string]struct {
		page     func(n int) string
		want     string
		requests int32
	}{
		"same cursor": {func(int) string {
			return `{"data":[{"id":"acct_1","billing":{"amount":1}}],"hasMore":true,"nextCursor":"c1"}`
		}, `repeats the cursor "c1"`, 2},
		"cycle": {func(n int) string {
			return fmt.Sprintf(`{"data":[],"hasMore":true,"nextCursor":"c%d"}`, n%3)
		}, `repeats the cursor "c0"`, 4},
		"no cursor": {func(int) string { return `{"data":[],"hasMore":true,"nextCursor":null}` }, "gives no nextCursor", 1},
		"endless": {func(n int) string {
			return fmt.Sprintf(`{"data":[],"hasMore":true,"nextCursor":"c%d"}`, n)
		}, "after 1000 pages", maxListPages},
	}
	lists := map[string]func(*Client) error{
		"accounts": func(c *Client) error { _, err := c.ListSharedHostingAccounts(context.Background()); return err },
		"VPSes":    func(c *Client) error { _, err := c.ListVPSes(context.Background(), VPSFilter{Name: "web"}); return err },
	}
	for list, read := range lists {
		for name, tc := range cases {
			t.Run(list+" "+name, func(t *testing.T) {
				var n atomic.Int32
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
					_, _ = w.Write([]byte(tc.page(int(n.Add(1)) - 1)))
				}))
				t.Cleanup(srv.Close)
				c, _ := newTestClient(t, srv.URL)
				err := read(c)
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("want an error saying %q, got %v", tc.want, err)
				}
				if n.Load() != tc.requests {
					t.Errorf("%d requests, want %d", n.Load(), tc.requests)
				}
			})
		}
	}
}

// A billing-cycle answer without its amounts is an error, never 0; for the
// commit, its outcome is unknown.
func TestBillingCycleChangeWithoutAmount(t *testing.T) {
	srv := newStub(t, stubResponse{status: 200, body: `{"dryRun":true,"priceChange":{"amount":347.54,"currencyCode":"SEK"}}`})
	c, _ := newTestClient(t, srv.URL)
	_, err := c.PreviewBillingCycleChange(context.Background(), "acct_1", BillingCycleChange{BillingCycle: "annually"})
	if err == nil || !strings.Contains(err.Error(), "priceChange.recurringAmount") {
		t.Fatalf("preview: want an error naming priceChange.recurringAmount, got %v", err)
	}
	srv = newStub(t, stubResponse{status: 200, body: `{"dryRun":false,"priceChange":{"amount":347.54,"recurringAmount":374},` +
		`"orderId":"ord_1","paymentInvoice":{"id":"inv_1","currencyCode":"SEK"}}`})
	c, _ = newTestClient(t, srv.URL)
	_, err = c.ChangeBillingCycle(context.Background(), "acct_1", BillingCycleChange{BillingCycle: "annually"})
	if !OutcomeUnknown(err) || !strings.Contains(err.Error(), "paymentInvoice.amount") {
		t.Fatalf("commit: want an outcome-unknown error naming paymentInvoice.amount, got %v", err)
	}
}

// A key with a control character cannot travel in a header: New refuses it,
// saying why without showing the key, instead of every request failing as
// a network error after its retries.
func TestAPIKeyWithControlCharacterIsRefused(t *testing.T) {
	const secret = "sk-live-0123456789abcdef"
	for name, key := range map[string]string{
		"trailing LF": secret + "\n", "CRLF": secret + "\r\n", "NUL": secret[:5] + "\x00" + secret[5:],
		"tab": "\t" + secret, "DEL": secret + "\x7f",
	} {
		t.Run(name, func(t *testing.T) {
			c, err := New(key, WithEndpoint("http://127.0.0.1:1"))
			if err == nil || c != nil {
				t.Fatal("a key with a control character was accepted")
			}
			if !strings.Contains(err.Error(), "control character") || strings.Contains(err.Error(), secret[:8]) {
				t.Errorf("error %q should name the problem and not the key", err)
			}
		})
	}
	if _, err := New(secret+" with spaces and ünicode", WithEndpoint("http://127.0.0.1:1")); err != nil {
		t.Errorf("a printable key was refused: %v", err)
	}
}
