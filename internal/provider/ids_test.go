package provider

import "testing"

func TestParseAccountID(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want accountRef
		ok   bool
	}{
		{"20000", accountRef{v1: 20000}, true},
		{"acct_01hxa3b4c5d6e7f8g9h0j1k2m3", accountRef{v2: "acct_01hxa3b4c5d6e7f8g9h0j1k2m3"}, true},
		{"0", accountRef{}, false},
		{"-1", accountRef{}, false},
		{"020000", accountRef{}, false},
		{"acct_", accountRef{}, false},
		{"ACCT_01", accountRef{}, false},
		{"acct_01/../x", accountRef{}, false},
		{"99999999999999999999", accountRef{}, false},
		{"", accountRef{}, false},
	} {
		got, err := parseAccountID(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("parseAccountID(%q) = %+v, %v; want %+v ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
		if tc.ok && got.String() != tc.in {
			t.Errorf("String() = %q, want %q", got.String(), tc.in)
		}
	}
}
