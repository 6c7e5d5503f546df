// Package apierror is the one translator from HostUp API errors to Terraform
// diagnostics. Every resource, data source and the purchase engine report
// HostUp's errors through Add, so each diagnostic names what failed, the
// attribute, HostUp's error code, the HTTP status, the request id and what
// to do next.
package apierror

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// Target says where an API error belongs in the configuration and what the
// call was about.
type Target struct {
	// Attribute is the configuration attribute the failed call was about
	// (e.g. account_id); empty for errors not tied to one.
	Attribute path.Path
	// Pointers maps HostUp's field-error pointers ("/productSlug") to
	// attributes, so that each validation error lands on the attribute that
	// caused it.
	Pointers map[string]path.Path
	// Lookup says where valid values of Attribute come from, for the hint
	// of a not-found answer: "the hostup_shared_hosting_accounts data source
	// lists the accounts this API key can see".
	Lookup string
}

// At is a Target of one attribute.
func At(attribute path.Path, lookup string) Target {
	return Target{Attribute: attribute, Lookup: lookup}
}

// Add adds the diagnostic for err, a failed HostUp call, under summary.
func Add(diags *diag.Diagnostics, summary string, err error, t Target) {
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) {
		addAt(diags, t.Attribute, summary, requestErrorDetail(err))
		return
	}
	detail := detailOf(apiErr, t)
	placed := false
	for _, fe := range apiErr.FieldErrors {
		if p, ok := t.Pointers[fe.Pointer]; ok {
			diags.AddAttributeError(p, summary, fmt.Sprintf("HostUp rejected this value: %s (%s).\n\n%s", fe.Detail, fe.Code, detail))
			placed = true
		}
	}
	if !placed {
		addAt(diags, t.Attribute, summary, detail)
	}
}

func addAt(diags *diag.Diagnostics, attr path.Path, summary, detail string) {
	if attr.Equal(path.Empty()) {
		diags.AddError(summary, detail)
		return
	}
	diags.AddAttributeError(attr, summary, detail)
}

// detailOf renders what HostUp said, what to do, and the identifiers HostUp
// support asks for.
func detailOf(e *client.APIError, t Target) string {
	var b strings.Builder
	said := e.Message
	if said == "" {
		said = e.Title
	}
	fmt.Fprintf(&b, "HostUp answered %s %s: %s\n", e.Method, e.Path, said)
	for _, fe := range e.FieldErrors {
		fmt.Fprintf(&b, "  - %s: %s (%s)\n", fe.Pointer, fe.Detail, fe.Code)
	}
	if hint := remedy(e, t); hint != "" {
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

func requestErrorDetail(err error) string {
	var reqErr *client.RequestError
	if errors.As(err, &reqErr) {
		return fmt.Sprintf("The request got no answer from HostUp: %v\n\nCheck the endpoint and your network, then run the command again.", reqErr.Err)
	}
	return err.Error()
}

var emptyPath = path.Empty()
