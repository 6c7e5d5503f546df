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
func TestParseVMID(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want vmRef
		ok   bool
	}{
		{"10000", vmRef{v1: 10000}, true},
		{"vps_01hxa3b4c5d6e7f8g9h0j1k2n1", vmRef{v2: "vps_01hxa3b4c5d6e7f8g9h0j1k2n1"}, true},
		{"0", vmRef{}, false},
		{"-1", vmRef{}, false},
		{"010000", vmRef{}, false},
		{"vps_", vmRef{}, false},
		{"VPS_01", vmRef{}, false},
		{"acct_01hxa3b4c5d6e7f8g9h0j1k2m3", vmRef{}, false},
		{"vps_01/../x", vmRef{}, false},
		{"99999999999999999999", vmRef{}, false},
		{"", vmRef{}, false},
	} {
		got, err := parseVMID(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("parseVMID(%q) = %+v, %v; want %+v ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
		if tc.ok && (got.String() != tc.in || got.isV2() != (tc.want.v2 != "")) {
			t.Errorf("String() = %q, isV2 = %v for %q", got.String(), got.isV2(), tc.in)
		}
	}
}
