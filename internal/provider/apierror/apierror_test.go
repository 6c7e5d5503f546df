package apierror

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

func TestAddAPIErrorNamesEverything(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  *client.APIError
		want []string
	}{
		{"401", &client.APIError{Method: "GET", Path: "/api/hosting/20000/billing-cycle", StatusCode: 401, Code: "UNAUTHORIZED", Message: "Invalid API key", RequestID: "uuid-1"},
			[]string{"Invalid API key", "HOSTUP_API_KEY", "HTTP status: 401", "API error code: UNAUTHORIZED", "Request ID: uuid-1"}},
		{"403", &client.APIError{StatusCode: 403, Code: "forbidden", Message: "missing scope write:billing", RequestID: "req_1"},
			[]string{"missing scope write:billing", "lacks the scope", "HTTP status: 403"}},
		{"404", &client.APIError{StatusCode: 404, Code: "not_found", RequestID: "req_2", Title: "Not Found"},
			[]string{"Not Found", "Check account_id", "The hostup_shared_hosting_accounts data source lists them", "HTTP status: 404"}},
		{"409 invoice", &client.APIError{StatusCode: 409, Code: "existing_invoice_blocking", Extensions: map[string]any{"invoiceNumber": "202600001"}},
			[]string{"An unpaid invoice (202600001)", "cancel_existing_invoice = true", "API error code: existing_invoice_blocking"}},
		{"429", &client.APIError{StatusCode: 429, Code: "rate_limited", RetryAfter: 30 * time.Second},
			[]string{"Wait 30s", "max_retries"}},
		{"503", &client.APIError{StatusCode: 503, Code: "upstream_unavailable", RequestID: "req_3"},
			[]string{"Try again later", "contact HostUp support", "Request ID: req_3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.Diagnostics
			Add(&diags, "Could not do it", tc.err, At(path.Root("account_id"), "the hostup_shared_hosting_accounts data source lists them"))
			if len(diags) != 1 {
				t.Fatalf("want one diagnostic, got %v", diags)
			}
			d := diags[0]
			if d.Summary() != "Could not do it" {
				t.Errorf("summary %q", d.Summary())
			}
			if wp, ok := d.(diag.DiagnosticWithPath); !ok || !wp.Path().Equal(path.Root("account_id")) {
				t.Errorf("the diagnostic must name the attribute")
			}
			for _, w := range tc.want {
				if !strings.Contains(d.Detail(), w) {
					t.Errorf("detail lacks %q:\n%s", w, d.Detail())
				}
			}
		})
	}
}

func TestAddAPIErrorPlacesFieldErrors(t *testing.T) {
	var diags diag.Diagnostics
	err := &client.APIError{StatusCode: 400, Code: "invalid_request", FieldErrors: []client.FieldError{
		{Pointer: "/productSlug", Detail: "Unknown product.", Code: "unknown_product"},
	}}
	Add(&diags, "Could not preview", err, Target{Attribute: path.Root("product_slug"), Pointers: map[string]path.Path{"/productSlug": path.Root("product_slug")}})
	wp, ok := diags[0].(diag.DiagnosticWithPath)
	if len(diags) != 1 || !ok || !wp.Path().Equal(path.Root("product_slug")) || !strings.Contains(diags[0].Detail(), "Unknown product. (unknown_product)") {
		t.Errorf("field error not placed on product_slug: %v", diags)
	}
}

func TestAddAPIErrorForRequestErrors(t *testing.T) {
	var diags diag.Diagnostics
	Add(&diags, "Could not read", &client.RequestError{Method: "GET", Path: "/x", Err: errors.New("dial tcp: connection refused")}, Target{})
	if len(diags) != 1 || !strings.Contains(diags[0].Detail(), "got no answer from HostUp") || !strings.Contains(diags[0].Detail(), "connection refused") {
		t.Errorf("%v", diags)
	}
}
