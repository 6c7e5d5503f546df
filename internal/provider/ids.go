package provider

import (
	"fmt"
	"strconv"
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
		return accountRef{}, fmt.Errorf("%q is neither a v1 account id (a positive integer such as 20000) nor a v2 account id (acct_ followed by lowercase letters and digits, as returned by GET /api/v2/shared-hosting)", s)
	}
}
