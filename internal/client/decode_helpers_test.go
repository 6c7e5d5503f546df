package client

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
)

// The decode tests hold each endpoint to its documented answer: the page's
// own example where there is one, a minimal answer with only the documented
// fields (and one without each optional documented field), each field that
// may come as a string or a number in both forms, and, where an amount
// decides money, an answer without it, which must be refused.

// decodeCase is one answer body and what the client must make of it.
type decodeCase[T any] struct {
	name string
	body string
	// check inspects the decoded answer.
	check func(t *testing.T, got *T)
	// refused, when set, names the field a *DecodeError must name: the
	// answer lacks an amount that decides money.
	refused string
}

// runDecodeCases answers call's one request with each case's body.
func runDecodeCases[T any](t *testing.T, call func(context.Context, *Client) (*T, error), cases []decodeCase[T]) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := newStub(t, stubResponse{status: http.StatusOK, body: tc.body})
			c, _ := newTestClient(t, srv.URL)
			got, err := call(context.Background(), c)
			if tc.refused != "" {
				var decErr *DecodeError
				if !errors.As(err, &decErr) || !strings.Contains(err.Error(), tc.refused) {
					t.Fatalf("want a DecodeError naming %s, got %+v, %v", tc.refused, got, err)
				}
				if decErr.Method != http.MethodGet && !OutcomeUnknown(err) {
					t.Errorf("an unreadable answer to a %s must leave the outcome unknown", decErr.Method)
				}
				return
			}
			if err != nil {
				t.Fatalf("decoding failed: %v", err)
			}
			if srv.requests.Load() != 1 {
				t.Errorf("%d requests", srv.requests.Load())
			}
			if tc.check != nil {
				tc.check(t, got)
			}
		})
	}
}

// v1Body wraps data in the v1 success envelope.
func v1Body(data string) string {
	return `{"success":true,"timestamp":"2026-02-10T00:00:00.000Z","requestId":"2121ae20-bd9d-41e9-aeeb-5dd1dd1a24ba","data":` + data + `}`
}

// wantAmount fails unless a is set to want (compared as decimals).
func wantAmount(t *testing.T, name string, a Amount, want string) {
	t.Helper()
	if !a.IsSet() || !a.Equal(MustAmount(want).Decimal) {
		t.Errorf("%s = %v (set %t), want %s", name, a, a.IsSet(), want)
	}
}

// wantUnset fails unless a was absent from the answer.
func wantUnset(t *testing.T, name string, a Amount) {
	t.Helper()
	if a.IsSet() {
		t.Errorf("%s = %v, want not set", name, a)
	}
}
