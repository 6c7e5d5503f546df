package client

import (
	"errors"
	"strings"
)

// ErrorCode is HostUp's machine-readable error code: lower_snake on v2,
// UPPER_SNAKE on v1. Codes that mean the same on both compare equal after
// Canonical; HasCode compares that way.
type ErrorCode string

// Canonical is the code in v2's spelling, so that one switch serves answers
// of both generations.
func (c ErrorCode) Canonical() ErrorCode { return ErrorCode(strings.ToLower(string(c))) }

// v2 error codes (the problem document's code) that change what the provider
// does; v1 answers spell the shared ones in upper case.
const (
	ErrorCodeAccountInactive                   ErrorCode = "account_inactive"
	ErrorCodeNotFound                          ErrorCode = "not_found"
	ErrorCodeVPSNotFound                       ErrorCode = "vps_not_found"
	ErrorCodeExistingInvoiceBlocking           ErrorCode = "existing_invoice_blocking"
	ErrorCodeSameProductPlan                   ErrorCode = "same_product_plan"
	ErrorCodeSameBillingCycle                  ErrorCode = "same_billing_cycle"
	ErrorCodePendingOrder                      ErrorCode = "pending_order"
	ErrorCodeInvoicePaymentInProgress          ErrorCode = "invoice_payment_in_progress"
	ErrorCodeCooldownActive                    ErrorCode = "cooldown_active"
	ErrorCodeVPSNotReady                       ErrorCode = "vps_not_ready"
	ErrorCodeUpstreamRenewalRegenerationFailed ErrorCode = "upstream_renewal_regeneration_failed"
)

// v1 error codes (the error body's code) with no v2 twin.
const (
	// ErrorCodeV1SameProduct: a hosting upgrade asked for the plan the
	// account is on.
	ErrorCodeV1SameProduct ErrorCode = "SAME_PRODUCT"
	// ErrorCodeV1NoChanges: a VM upgrade asked for the package and
	// resources the VM already has.
	ErrorCodeV1NoChanges ErrorCode = "NO_CHANGES"
)

// HasCode reports whether err is an *APIError with one of the given codes,
// in either generation's spelling.
func HasCode(err error, codes ...ErrorCode) bool {
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	for _, c := range codes {
		if apiErr.Code.Canonical() == c.Canonical() {
			return true
		}
	}
	return false
}
