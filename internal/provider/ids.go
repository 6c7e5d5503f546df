package provider

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
)

// HostUp's id formats. v1 ids are positive integers; v2 ids are opaque
// prefixed strings. They are checked at validate time, so that a typo never
// reaches the API (and never costs a request).
var (
	v1IDPattern        = regexp.MustCompile(`^[1-9][0-9]{0,17}$`)
	v2AccountIDPattern = regexp.MustCompile(`^acct_[0-9a-z]{1,64}$`)
	v2VMIDPattern      = regexp.MustCompile(`^vps_[0-9a-z]{1,64}$`)
	v2OrderIDPattern   = regexp.MustCompile(`^ord_[0-9a-z]{1,64}$`)
)

// Where valid ids come from, for the hints of a not-found answer.
const (
	accountLookup = "the hostup_shared_hosting_accounts data source lists the accounts this API key can see"
	vmLookup      = "the hostup_virtual_servers data source lists the VPSs this API key can see, with their v2 ids"
)

// accountErrors and vmErrors place an error about the subject on the
// attribute that names it, saying where valid ids come from.
var (
	accountErrors = apierror.At(path.Root("account_id"), accountLookup)
	vmErrors      = apierror.At(path.Root("vm_id"), vmLookup)
)

// accountRef is a hosting account id of either API generation. Exactly one of
// v1 and v2 is set; the generation decides which routes serve the account.
type accountRef struct {
	v1 int64
	v2 string
}

func (a accountRef) isV2() bool { return a.v2 != "" }

func (a accountRef) String() string {
	if a.isV2() {
		return a.v2
	}
	return strconv.FormatInt(a.v1, 10)
}

// parseAccountID reads "20000" (v1) or "acct_…" (v2).
func parseAccountID(s string) (accountRef, error) {
	switch {
	case v2AccountIDPattern.MatchString(s):
		return accountRef{v2: s}, nil
	case v1IDPattern.MatchString(s):
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return accountRef{}, fmt.Errorf("%q: %w", s, err)
		}
		return accountRef{v1: id}, nil
	default:
		return accountRef{}, fmt.Errorf("%q is neither a v1 account id (a positive integer such as 20000) nor a v2 account id "+
			"(acct_ followed by lowercase letters and digits); %s", s, accountLookup)
	}
}

// parseV2AccountID reads an "acct_…" id, for what only v2 serves.
func parseV2AccountID(s string) (string, error) {
	account, err := parseAccountID(s)
	switch {
	case err != nil:
		return "", err
	case !account.isV2():
		return "", fmt.Errorf("%s is a v1 account id; HostUp serves this only on v2: use the account's acct_… id (%s)", account, accountLookup)
	}
	return account.v2, nil
}

// vmRef is a VM id of either API generation. Exactly one of v1 and v2 is
// set; the generation decides which routes serve the VM.
type vmRef struct {
	v1 int64
	v2 string
}

func (r vmRef) isV2() bool { return r.v2 != "" }

func (r vmRef) String() string {
	if r.isV2() {
		return r.v2
	}
	return strconv.FormatInt(r.v1, 10)
}

// parseVMID reads "10000" (v1 vmid) or "vps_…" (v2).
func parseVMID(s string) (vmRef, error) {
	switch {
	case v2VMIDPattern.MatchString(s):
		return vmRef{v2: s}, nil
	case v1IDPattern.MatchString(s):
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return vmRef{}, fmt.Errorf("%q: %w", s, err)
		}
		return vmRef{v1: id}, nil
	default:
		return vmRef{}, fmt.Errorf("%q is neither a v1 VM id (a positive integer such as 10000) nor a v2 VPS id (vps_ "+
			"followed by lowercase letters and digits); %s", s, vmLookup)
	}
}

// idCheck is an identity attribute's check: the parser's refusal.
func idCheck[T any](parse func(string) (T, error)) func(string) error {
	return func(id string) error {
		_, err := parse(id)
		return err
	}
}

// checkV2OrderID refuses what is not a v2 order id ("ord_…").
func checkV2OrderID(s string) error {
	if !v2OrderIDPattern.MatchString(s) {
		return fmt.Errorf("%q is not a v2 order id (ord_ followed by lowercase letters and digits)", s)
	}
	return nil
}
