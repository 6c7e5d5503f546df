package provider

import (
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// apiErrorTarget says where an API error belongs in the configuration.
type apiErrorTarget struct {
	// attribute is the configuration attribute the failed call was about
	// (e.g. account_id); empty for errors not tied to one.
	attribute path.Path
	// pointers maps v2 field-error pointers ("/productSlug") to attributes,
	// so that each validation error lands on the attribute that caused it.
	pointers map[string]path.Path
}

// addAPIError is the one place where HostUp errors become diagnostics. Every
// diagnostic names what failed, the attribute, HostUp's error code, the HTTP
// status, the request id (for HostUp support) and what to do next.
func addAPIError(diags *diag.Diagnostics, summary string, err error, target apiErrorTarget) {
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) {
		addAttrError(diags, target.attribute, summary, requestErrorDetail(err))
		return
	}

	detail := apiErrorDetail(apiErr)
	placed := false
	for _, fe := range apiErr.FieldErrors {
		if p, ok := target.pointers[fe.Pointer]; ok {
			diags.AddAttributeError(p, summary, fmt.Sprintf("HostUp rejected this value: %s (%s).\n\n%s", fe.Detail, fe.Code, detail))
			placed = true
		}
	}
	if !placed {
		addAttrError(diags, target.attribute, summary, detail)
	}
}

func addAttrError(diags *diag.Diagnostics, attr path.Path, summary, detail string) {
	if attr.Equal(path.Empty()) {
		diags.AddError(summary, detail)
		return
	}
	diags.AddAttributeError(attr, summary, detail)
}

// apiErrorDetail renders what HostUp said, what to do, and the identifiers
// HostUp support asks for.
func apiErrorDetail(e *client.APIError) string {
	var b strings.Builder
	said := e.Message
	if said == "" {
		said = e.Title
	}
	fmt.Fprintf(&b, "HostUp answered %s %s: %s\n", e.Method, e.Path, said)
	for _, fe := range e.FieldErrors {
		fmt.Fprintf(&b, "  - %s: %s (%s)\n", fe.Pointer, fe.Detail, fe.Code)
	}
	if hint := remedy(e); hint != "" {
		fmt.Fprintf(&b, "\n%s\n", hint)
	}
	fmt.Fprintf(&b, "\nHTTP status: %d", e.StatusCode)
	if e.Code != "" {
		fmt.Fprintf(&b, "\nAPI error code: %s", e.Code)
	}
	if e.RequestID != "" {
		fmt.Fprintf(&b, "\nRequest ID: %s (quote it to HostUp support)", e.RequestID)
	}
	return b.String()
}

// remedy says what the user can do about an error.
func remedy(e *client.APIError) string {
	switch strings.ToLower(e.Code) {
	case "existing_invoice_blocking":
		return "An unpaid invoice" + invoiceFromExtensions(e.Extensions) + " blocks this change. Pay it in HostUp's " +
			"control panel, or set cancel_existing_invoice = true on this resource to let HostUp cancel it as part of the change."
	case "account_inactive":
		return "The account is not active (suspended, cancelled or pending). Reactivate it in HostUp's control panel first."
	case "pending_order", "invoice_payment_in_progress", "cooldown_active", "vps_not_ready":
		return "HostUp is still processing an earlier change. Wait a few minutes and run the command again."
	}
	switch e.StatusCode {
	case http.StatusUnauthorized:
		return "HostUp refused the API key. Check api_key in the provider block or the " + envAPIKey +
			" environment variable, and that the key is not revoked or restricted to other IP addresses."
	case http.StatusForbidden:
		return "The API key may not do this: it lacks the scope this call needs (read:hosting, read:vm or " +
			"write:billing, see the provider documentation), or the object belongs to another customer. " +
			"Create a key with the needed scopes in HostUp's control panel."
	case http.StatusNotFound:
		if !client.IsNotFound(e) {
			return "This 404 is not HostUp's answer that the account or VM is gone (it lacks HostUp's not-found code), " +
				"so nothing was removed from state: check the provider's endpoint (HostUp's API is " + client.DefaultEndpoint +
				", without a path) and any proxy in between."
		}
		return "No such object is visible to this API key. Check the id: v1 ids are integers (20000), v2 ids " +
			"start with acct_; both are listed by HostUp's API (GET /api/hosting-accounts, GET /api/v2/shared-hosting)."
	case http.StatusTooManyRequests:
		wait := "a while"
		if e.RetryAfter > 0 {
			wait = e.RetryAfter.String()
		}
		return "HostUp's rate limit was still exceeded after the provider's retries. Wait " + wait +
			" and run the command again, or raise max_retries / max_retry_wait in the provider block."
	case http.StatusBadRequest:
		return "HostUp rejected the request. Check the values named above."
	}
	if e.StatusCode >= 500 {
		return "HostUp failed to answer. Try again later; if it persists, contact HostUp support with the request ID below."
	}
	return ""
}

func invoiceFromExtensions(ext map[string]any) string {
	var parts []string
	for _, k := range []string{"invoiceNumber", "invoiceId"} {
		if v, ok := ext[k]; ok && v != nil {
			parts = append(parts, fmt.Sprint(v))
		}
	}
	sort.Strings(parts)
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

func requestErrorDetail(err error) string {
	var reqErr *client.RequestError
	if errors.As(err, &reqErr) {
		return fmt.Sprintf("The request got no answer from HostUp: %v\n\nCheck the endpoint and your network, then run the command again.", reqErr.Err)
	}
	return err.Error()
}
