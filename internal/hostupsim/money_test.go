package hostupsim

import (
	"encoding/json"
	"testing"
	"time"
)

func TestMoneyParseAndFormat(t *testing.T) {
	for in, want := range map[string]string{
		"708.00": "708.00", "-645.43": "-645.43", "100": "100.00", "0.5": "0.50", "-0.05": "-0.05", "0": "0.00",
	} {
		if got := MustMoney(in).String(); got != want {
			t.Errorf("MustMoney(%q).String() = %q, want %q", in, got, want)
		}
	}
	for _, bad := range []string{"", "-", "1.234", "1e3", "12,50", "1.", ".5", " 1", "abc"} {
		if _, err := parseMoney(bad); err == nil {
			t.Errorf("parseMoney(%q) succeeded", bad)
		}
	}
}

func TestMoneyJSON(t *testing.T) {
	for in, want := range map[string]string{"708.00": "708", "311.26": "311.26", "311.20": "311.2", "-0.05": "-0.05", "0": "0"} {
		b, err := json.Marshal(v2Amount(MustMoney(in)))
		if err != nil || string(b) != want {
			t.Errorf("v2Amount(%s) = %s, %v; want %s", in, b, err, want)
		}
	}
	var m struct{ A, B Money }
	if err := json.Unmarshal([]byte(`{"A":"238.03","B":238.03}`), &m); err != nil || m.A != 23803 || m.B != 23803 {
		t.Errorf("unmarshal = %+v, %v", m, err)
	}
}

func TestProrate(t *testing.T) {
	day := 24 * time.Hour
	tests := []struct {
		name              string
		diff              Money
		remaining, period time.Duration
		want              Money
	}{
		// The demo account 20000: Start -> Business annually, 181 of 365 days left.
		{"demo upgrade", MustMoney("480.00"), 181 * day, 365 * day, MustMoney("238.03")},
		{"demo downgrade mirrors it", MustMoney("-480.00"), 181 * day, 365 * day, MustMoney("-238.03")},
		{"half rounds up", 1, day, 2 * day, 1},
		{"negative half rounds away from zero", -1, day, 2 * day, -1},
		{"below half rounds down", 1, day, 3 * day, 0},
		{"nothing left", 10000, 0, day, 0},
		{"overdue", 10000, -day, day, 0},
		{"clamped to the period", 10000, 2 * day, day, 10000},
	}
	for _, tt := range tests {
		if got := prorate(tt.diff, tt.remaining, tt.period); got != tt.want {
			t.Errorf("%s: prorate = %s, want %s", tt.name, got, tt.want)
		}
	}
}
