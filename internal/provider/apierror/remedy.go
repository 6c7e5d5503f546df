package apierror

import (
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// envAPIKey is where the provider reads the key when api_key is unset.
const envAPIKey = "HOSTUP_API_KEY"

// remedy says what the user can do about an error: first by HostUp's code,
// then by the HTTP status.
func remedy(e *client.APIError, t Target) string {
	switch e.Code.Canonical() {
	case client.ErrorCodeExistingInvoiceBlocking:
		return "An unpaid invoice" + invoiceFromExtensions(e.Extensions) + " blocks this change. Pay it in HostUp's " +
			"control panel, or set cancel_existing_invoice = true on this resource to let HostUp cancel it as part of " +
			"the change (the plan then names each invoice it cancels)."
	case client.ErrorCodeAccountInactive:
		return "The account or server is not active (suspended, cancelled or pending). Reactivate it in HostUp's control panel first."
	case client.ErrorCodePendingOrder, client.ErrorCodeInvoicePaymentInProgress, client.ErrorCodeCooldownActive, client.ErrorCodeVPSNotReady:
		return "HostUp is still processing an earlier change. Wait a few minutes and run the command again."
	}
	switch e.StatusCode {
	case http.StatusUnauthorized:
		return "HostUp refused the API key. Check api_key in the provider block or the " + envAPIKey +
			" environment variable, and that the key is not revoked or restricted to other IP addresses."
	case http.StatusForbidden:
		return forbiddenHint(e)
	case http.StatusNotFound:
		return notFoundHint(e, t)
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

// forbiddenHint names the scope the call needs.
func forbiddenHint(e *client.APIError) string {
	scope, ok := client.RequiredScope(e.Method, e.Path)
	if !ok {
		return "The API key may not do this: it lacks the scope this call needs (the provider documentation lists the " +
			"scopes of each resource and data source), or the object belongs to another customer. Create a key with " +
			"the needed scopes in HostUp's control panel."
	}
	return fmt.Sprintf("The API key may not do this: %s %s needs the scope %s, or the object belongs to another customer. "+
		"Create a key with that scope in HostUp's control panel (the provider documentation lists the scopes of each "+
		"resource and data source).", e.Method, e.Path, scope)
}

// notFoundHint tells HostUp's own not-found answer from any other 404.
func notFoundHint(e *client.APIError, t Target) string {
	if !client.IsNotFound(e) {
		return "This 404 is not HostUp's answer that the object is gone (it lacks HostUp's not-found code), " +
			"so nothing was removed from state: check the provider's endpoint (HostUp's API is " + client.DefaultEndpoint +
			", without a path) and any proxy in between."
	}
	hint := "No such object is visible to this API key."
	if !t.Attribute.Equal(emptyPath) {
		hint += " Check " + t.Attribute.String() + "."
	}
	if t.Lookup != "" {
		hint += " " + strings.ToUpper(t.Lookup[:1]) + t.Lookup[1:] + "."
	}
	return hint
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
