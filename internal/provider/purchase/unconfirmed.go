package purchase

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// A purchase whose answer was lost and that reading HostUp could not
// confirm is marked in the resource's private state. While the mark stands,
// Read confirms again each time and stops with an error until HostUp shows
// what happened, and ModifyPlan and Delete refuse to act: nothing is bought
// for the resource again before the provider knows whether the first
// purchase was made.

// unconfirmedKey is the private-state key of the mark.
const unconfirmedKey = "unconfirmed_purchase"

// unconfirmed is the mark: what was sent, and when.
type unconfirmed struct {
	Action string `json:"action"`
	SentAt string `json:"sent_at"`
}

func markUnconfirmed(ctx context.Context, private Private, action string, sentAt time.Time) diag.Diagnostics {
	b, err := json.Marshal(unconfirmed{Action: action, SentAt: sentAt.Format(time.RFC3339)})
	if err != nil {
		var d diag.Diagnostics
		d.AddError("Could not record the unconfirmed purchase", err.Error())
		return d
	}
	return private.SetKey(ctx, unconfirmedKey, b)
}

// unconfirmedIn reads the mark, if any.
func unconfirmedIn(ctx context.Context, private interface {
	GetKey(context.Context, string) ([]byte, diag.Diagnostics)
}, diags diagnostics) (unconfirmed, bool) {
	var u unconfirmed
	if private == nil {
		return u, false
	}
	b, d := private.GetKey(ctx, unconfirmedKey)
	diags.Append(d...)
	if len(b) == 0 || json.Unmarshal(b, &u) != nil {
		return u, false
	}
	return u, true
}

// resolveUnconfirmed confirms a marked purchase against HostUp. It reports
// whether Read may go on: the purchase was carried out, or HostUp shows it
// was not. Otherwise it adds the error that keeps every plan from buying.
func (r *Resource[M, P]) resolveUnconfirmed(ctx context.Context, m *M, private Private, diags diagnostics) bool {
	u, ok := unconfirmedIn(ctx, private, diags)
	if !ok {
		return true
	}
	confirmation := Unconfirmed
	var readErr error
	if ch, err := r.kind.NewChange(r.client, m, nil); err == nil {
		cctx, cancel := context.WithTimeout(client.WithFreshReads(ctx), confirmTimeout)
		confirmation, readErr = ch.Confirm(cctx)
		cancel()
	}
	switch confirmation {
	case Confirmed:
		diags.AddWarning("An earlier purchase was carried out",
			fmt.Sprintf("HostUp now shows the change an earlier apply sent at %s without getting an answer (to %s). State "+
				"records it; find its order and invoice in HostUp's control panel.", u.SentAt, u.Action))
	case NotCarriedOut:
		diags.AddWarning("An earlier purchase was not carried out",
			fmt.Sprintf("An earlier apply sent a purchase at %s without getting an answer (to %s). HostUp shows neither the "+
				"change nor an order carrying it out, so it was not made. The next plan prices the change again.", u.SentAt, u.Action))
	default:
		r.addUnresolved(m, u, readErr, diags)
		return false
	}
	diags.Append(private.SetKey(ctx, unconfirmedKey, nil)...)
	return true
}

// refuseUnconfirmed stops a plan or a delete of a resource whose purchase
// is still unconfirmed, which a refresh would have stopped already: with
// -refresh=false, or a replacement.
func (r *Resource[M, P]) refuseUnconfirmed(ctx context.Context, private interface {
	GetKey(context.Context, string) ([]byte, diag.Diagnostics)
}, state tfsdk.State, diags diagnostics) bool {
	u, ok := unconfirmedIn(ctx, private, diags)
	if !ok {
		return false
	}
	m := r.decodeState(ctx, state, diags)
	if m == nil {
		return false
	}
	r.addUnresolved(m, u, nil, diags)
	return true
}

func (r *Resource[M, P]) addUnresolved(m *M, u unconfirmed, readErr error, diags diagnostics) {
	detail := fmt.Sprintf("The purchase sent at %s (to %s) got no usable answer, so it may or may not have been bought, and "+
		"HostUp does not show yet whether it was (a change HostUp schedules shows once it is done). Nothing is planned or "+
		"bought for %s until it does, so that nothing is bought twice: run terraform plan again later, or resolve it:%s",
		u.SentAt, u.Action, P(m).Describe(), r.Resolution())
	if readErr != nil {
		detail += "\n\nReading HostUp failed with: " + readErr.Error()
	}
	diags.AddAttributeError(r.subjectPath(), capitalize(r.desc.Noun)+" purchase with an unknown outcome", detail)
}

// Resolution says how a user resolves a purchase whose outcome is unknown,
// after looking in HostUp's control panel.
func (r *Resource[M, P]) Resolution() string {
	return fmt.Sprintf("\n  - if HostUp's control panel shows the purchase: run terraform state rm on this resource, then "+
		"terraform import it as %s, which adopts it without buying anything;\n  - if it shows none: run terraform state "+
		"rm on this resource (or declare a removed block), then terraform apply to buy it.", r.importForm())
}
