package purchase

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// diagnostics is where each step reports.
type diagnostics = *diag.Diagnostics

// Create adopts the subject and buys what the plan priced, if anything.
func (r *Resource[M, P]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.apply(ctx, req.Plan, nil, &resp.State, resp.Identity, resp.Private, &resp.Diagnostics)
}

// Update buys what the plan priced, if anything.
func (r *Resource[M, P]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	prior := r.decodeState(ctx, req.State, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	r.apply(ctx, req.Plan, prior, &resp.State, resp.Identity, resp.Private, &resp.Diagnostics)
}

// apply is Create and Update alike: buy what ModifyPlan planned, if
// anything, and store the plan, which already holds what state must become,
// with what HostUp reports where the outcome leaves it open. A purchase
// whose outcome is unknown is stored too, marked, so that nothing buys it
// again before HostUp shows what happened.
func (r *Resource[M, P]) apply(ctx context.Context, planned tfsdk.Plan, prior *M, state *tfsdk.State, identity *tfsdk.ResourceIdentity, private Private, diags diagnostics) {
	plan := new(M)
	diags.Append(planned.Get(ctx, plan)...)
	if diags.HasError() {
		return
	}
	ch, err := r.kind.NewChange(r.client, plan, prior)
	if err != nil {
		diags.AddError("Invalid "+r.desc.Noun+" change", err.Error())
		return
	}
	sentAt := time.Now().UTC()
	outcome := r.flow.apply(ctx, P(plan).Purchase(), P(plan).Guards(), ch, r.Resolution(), diags)
	if outcome == Refused {
		return
	}
	env := r.env(diags)
	diags.Append(state.Set(ctx, plan)...)
	r.recordPurchase(ctx, state, plan, outcome, sentAt, diags)
	switch outcome {
	case Uncertain:
		// Whether it was bought is for the next refresh to find out.
		diags.Append(markUnconfirmed(ctx, private, ch.About().Action, sentAt)...)
	default:
		r.recordReported(ctx, state, plan, outcome, env)
	}
	if r.desc.Scheduled && (outcome == Bought || outcome == AnswerLost) {
		r.markScheduled(ctx, *state, private, diags)
	}
	r.nullUnknowns(ctx, state, diags)
	r.setIdentity(ctx, state, identity, diags)
}

// recordReported reads back what the outcome leaves open. After a
// mismatch, or a change found in place or confirmed by reading, state takes
// what HostUp holds, which may differ from the plan (the next plan then
// prices what is still needed); otherwise only what the plan could not know.
// The purchase stands whatever this read says, so a failed read is a
// warning.
func (r *Resource[M, P]) recordReported(ctx context.Context, state *tfsdk.State, plan *M, outcome Outcome, env Env) {
	truth := outcome == Mismatch || outcome == InPlace || outcome == AnswerLost
	computed := computedOnly(r.schema())
	if !truth && !hasUnknown(ctx, computed, *state, env.Diags) {
		return
	}
	current := new(M)
	*current = *plan
	var d diag.Diagnostics
	if gone := r.kind.Read(ctx, Env{Client: env.Client, Ledger: env.Ledger, Diags: &d}, current); gone || d.HasError() {
		detail := "HostUp answered that it does not exist."
		if d.HasError() {
			detail = d.Errors()[0].Summary() + ": " + d.Errors()[0].Detail()
		}
		env.Diags.AddWarning("Could not read "+P(plan).Describe()+" back",
			"Reading "+P(plan).Describe()+" after the change failed, so state holds what was planned; the next refresh updates it.\n\n"+detail)
		return
	}
	reported := r.stateOf(ctx, *state, current, env.Diags)
	for _, name := range computed {
		if truth || hasUnknown(ctx, []string{name}, *state, env.Diags) {
			copyAttribute(ctx, name, reported, state, env.Diags)
		}
	}
	if truth && r.takeTargets(ctx, state, reported, false, env.Diags) {
		settle(ctx, state, env.Diags)
	}
}

// Read refreshes state from HostUp. A purchase whose outcome was unknown is
// confirmed first: until HostUp shows what happened, Read stops with an
// error, so that no plan buys it again.
func (r *Resource[M, P]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	m := r.decodeState(ctx, req.State, &resp.Diagnostics)
	if m == nil || resp.Diagnostics.HasError() || !r.resolveUnconfirmed(ctx, m, resp.Private, &resp.Diagnostics) {
		return
	}
	imported := P(m).Imported()
	current := new(M)
	*current = *m
	gone := r.kind.Read(ctx, r.env(&resp.Diagnostics), current)
	switch {
	case gone && r.desc.Purchase != nil && !imported:
		resp.Diagnostics.AddAttributeError(r.subjectPath(), capitalize(P(m).Describe())+" not found",
			fmt.Sprintf("HostUp answers that %s does not exist, or is not visible to this API key. The provider keeps it in "+
				"state: forgetting it would make the next apply buy again. Check it in HostUp's control panel. To stop "+
				"managing it, run terraform state rm on this resource (or declare a removed block); to buy anew, do that "+
				"and apply again.", P(m).Describe()))
		return
	case gone && imported:
		resp.Diagnostics.AddAttributeError(r.subjectPath(), "No such "+P(m).Describe(),
			fmt.Sprintf("HostUp answered that %s does not exist (or is not visible to this API key), so it cannot be "+
				"imported. Check the id: %s.", P(m).Describe(), r.desc.Lookup))
		return
	case gone:
		// Terraform needs the identity even of a resource Read removes.
		r.setIdentity(ctx, &resp.State, resp.Identity, &resp.Diagnostics)
		resp.Diagnostics.AddWarning("No longer at HostUp: "+P(m).Describe(),
			fmt.Sprintf("HostUp answered that %s does not exist (or is not visible to this API key); it was removed from state.", P(m).Describe()))
		resp.State.RemoveResource(ctx)
		return
	case resp.Diagnostics.HasError():
		return
	}
	reported := r.stateOf(ctx, resp.State, current, &resp.Diagnostics)
	if r.desc.Scheduled && r.stillScheduled(ctx, resp.Private, reported, &resp.Diagnostics) {
		// HostUp has not carried out what was bought: state keeps it.
		for _, name := range computedOnly(r.schema()) {
			copyAttribute(ctx, name, reported, &resp.State, &resp.Diagnostics)
		}
	} else {
		r.refreshFrom(ctx, &resp.State, reported, imported, &resp.Diagnostics)
	}
	r.setIdentity(ctx, &resp.State, resp.Identity, &resp.Diagnostics)
}

// Delete only forgets: nothing at HostUp is cancelled or refunded. A
// purchase whose outcome is unknown is not forgotten: its replacement would
// buy again.
func (r *Resource[M, P]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	if r.refuseUnconfirmed(ctx, req.Private, req.State, &resp.Diagnostics) {
		return
	}
	m := r.decodeState(ctx, req.State, &resp.Diagnostics)
	if m == nil {
		return
	}
	summary, detail := r.keeps(m, true)
	resp.Diagnostics.AddWarning(summary, detail)
}

// ImportState reads an import id, or an identity, into the identity
// attributes of state. Read then adopts what HostUp reports.
func (r *Resource[M, P]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	values, err := r.importValues(ctx, req)
	if err != nil {
		resp.Diagnostics.AddError(err.Error(), err.detail)
		return
	}
	r.setImported(ctx, &resp.State, resp.Identity, values, &resp.Diagnostics)
}

// setImported is what an import leaves: the identity's values, in
// Identity's order, in state and in the identity; the other attributes stay
// null until a refresh reads them.
func (r *Resource[M, P]) setImported(ctx context.Context, state *tfsdk.State, identity *tfsdk.ResourceIdentity, values []string, diags diagnostics) {
	for i, a := range r.desc.Identity {
		diags.Append(state.SetAttribute(ctx, path.Root(a.Name), values[i])...)
		if identity != nil {
			diags.Append(identity.SetAttribute(ctx, path.Root(a.Name), values[i])...)
		}
	}
}

// importError is a refused import id or identity.
type importError struct{ summary, detail string }

func (e *importError) Error() string { return e.summary }

func (r *Resource[M, P]) importValues(ctx context.Context, req resource.ImportStateRequest) ([]string, *importError) {
	if req.ID != "" {
		values := strings.Split(req.ID, "/")
		if len(values) != len(r.desc.Identity) {
			return nil, &importError{"Invalid import id", fmt.Sprintf("%q: want %s", req.ID, r.importForm())}
		}
		return values, r.checkIdentity(values, "Invalid import id")
	}
	values := make([]string, 0, len(r.desc.Identity))
	for _, a := range r.desc.Identity {
		var v types.String
		if d := req.Identity.GetAttribute(ctx, path.Root(a.Name), &v); d.HasError() || v.IsNull() || v.IsUnknown() {
			return nil, &importError{"Invalid import identity", "The identity needs " + a.Name + ": " + a.Description}
		}
		values = append(values, v.ValueString())
	}
	return values, r.checkIdentity(values, "Invalid import identity")
}

func (r *Resource[M, P]) checkIdentity(values []string, summary string) *importError {
	for i, a := range r.desc.Identity {
		if err := a.Check(values[i]); err != nil {
			return &importError{summary, err.Error()}
		}
	}
	return nil
}

// importForm shows what an import id looks like: "acct_…/ord_…".
func (r *Resource[M, P]) importForm() string {
	forms := make([]string, 0, len(r.desc.Identity))
	for _, a := range r.desc.Identity {
		forms = append(forms, a.Form)
	}
	return strings.Join(forms, "/")
}

// setIdentity copies the identity attributes from state, where they have
// the same names.
func (r *Resource[M, P]) setIdentity(ctx context.Context, state *tfsdk.State, identity *tfsdk.ResourceIdentity, diags diagnostics) {
	if identity == nil {
		return
	}
	for _, a := range r.desc.Identity {
		var v types.String
		diags.Append(state.GetAttribute(ctx, path.Root(a.Name), &v)...)
		diags.Append(identity.SetAttribute(ctx, path.Root(a.Name), v)...)
	}
}

func (r *Resource[M, P]) decodeState(ctx context.Context, state tfsdk.State, diags diagnostics) *M {
	if state.Raw.IsNull() {
		return nil
	}
	m := new(M)
	diags.Append(state.Get(ctx, m)...)
	return m
}

func (r *Resource[M, P]) env(diags diagnostics) Env {
	return Env{Client: r.client, Ledger: r.ledger, Diags: diags}
}

// nothingPlannedOrder is last_order when a plan buys nothing: what state
// has, or null on create.
func nothingPlannedOrder[M any, P Model[M]](prior *M) types.Object {
	if prior == nil {
		return types.ObjectNull(orderAttrTypes)
	}
	return P(prior).Purchase().LastOrder
}
