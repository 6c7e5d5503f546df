package client

import (
	"bytes"
	"encoding/json"
)

// ActionGate is v2's "may this action be taken now, and if not why"
// ({allowed, reason, code}).
//
// Reported tells an answer that carried the gate from one that did not: an
// absent (or null) gate decodes with Reported false and Allowed false, which
// is not HostUp saying no. Callers that refuse on a closed gate decide what
// an unreported one means.
type ActionGate struct {
	Allowed bool    `json:"allowed"`
	Reason  *string `json:"reason"`
	Code    *string `json:"code"`
	// Reported is set when the answer held the gate object.
	Reported bool `json:"-"`
}

// UnmarshalJSON decodes the gate and marks it reported; null leaves it
// unreported.
func (g *ActionGate) UnmarshalJSON(b []byte) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		return nil
	}
	type plain ActionGate
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*g = ActionGate(p)
	g.Reported = true
	return nil
}
