package client

import (
	"encoding/json"
	"testing"
)

func TestFlexString(t *testing.T) {
	for body, want := range map[string]string{`"34889"`: "34889", `34889`: "34889", `-1.50`: "-1.50", `"ord_1"`: "ord_1", `null`: ""} {
		var f FlexString
		if err := json.Unmarshal([]byte(body), &f); err != nil || string(f) != want {
			t.Errorf("%s: %q, %v; want %q", body, f, err, want)
		}
	}
	for _, body := range []string{`true`, `{}`, `[1]`} {
		var f FlexString
		if err := json.Unmarshal([]byte(body), &f); err == nil {
			t.Errorf("%s decoded as %q", body, f)
		}
	}
}

func TestFlexInt(t *testing.T) {
	for body, want := range map[string]int64{`400`: 400, `"400"`: 400, `-3`: -3, `400.0`: 400, `"4e2"`: 400,
		`9223372036854775807`: 9223372036854775807, `null`: 0} {
		var f FlexInt
		if err := json.Unmarshal([]byte(body), &f); err != nil || f.Int64() != want {
			t.Errorf("%s: %d, %v; want %d", body, f, err, want)
		}
	}
	for _, body := range []string{`400.5`, `"400.5"`, `"four"`, `""`, `true`, `9223372036854775808`, `1e400`, `"1e1000000000"`, `[]`} {
		var f FlexInt
		if err := json.Unmarshal([]byte(body), &f); err == nil {
			t.Errorf("%s decoded as %d", body, f)
		}
	}
}
