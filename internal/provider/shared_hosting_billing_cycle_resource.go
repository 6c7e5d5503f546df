package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

var (
	_ resource.Resource                = (*sharedHostingBillingCycleResource)(nil)
	_ resource.ResourceWithConfigure   = (*sharedHostingBillingCycleResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*sharedHostingBillingCycleResource)(nil)
	_ resource.ResourceWithImportState = (*sharedHostingBillingCycleResource)(nil)
	_ resource.ResourceWithIdentity    = (*sharedHostingBillingCycleResource)(nil)
)

// v2BillingCycles are the billing cycles HostUp's v2 API names, in the
// canonical spelling the hostup_billing_cycle data source reports. Which of
// them an account offers is HostUp's to say, at plan time.
var v2BillingCycles = []string{"monthly", "quarterly", "semiannually", "annually", "biennially", "triennially", "free"}

// NewSharedHostingBillingCycleResource is the
// hostup_shared_hosting_billing_cycle resource.
func NewSharedHostingBillingCycleResource() resource.Resource {
	return &sharedHostingBillingCycleResource{}
}

// sharedHostingBillingCycleResource manages how an existing v2 shared-hosting
// account is billed (monthly, annually, …). Create adopts the account (and
// changes the cycle if it differs); delete forgets it.
type sharedHostingBillingCycleResource struct {
	client *client.Client
	flow   *purchaseFlow
}

// sharedHostingBillingCycleModel is the resource's state.
type sharedHostingBillingCycleModel struct {
	purchaseFields
	AccountID             types.String `tfsdk:"account_id"`
	BillingCycle          types.String `tfsdk:"billing_cycle"`
	CancelExistingInvoice types.Bool   `tfsdk:"cancel_existing_invoice"`
}

// sharedHostingBillingCycleIdentity is the resource identity: the account.
type sharedHostingBillingCycleIdentity struct {
	AccountID types.String `tfsdk:"account_id"`
}

func (r *sharedHostingBillingCycleResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_shared_hosting_billing_cycle"
}

func (r *sharedHostingBillingCycleResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The billing cycle of an existing shared-hosting account (v2), e.g. monthly or annually. " +
			"`terraform plan` shows the exact price of switching (`price_change`, from HostUp's dry run): the new " +
			"cycle's price, less a credit for the unused part of the period already paid; `terraform apply` buys " +
			"exactly that and records the order (`last_order`).\n\n" +
			"If HostUp's price changed between the plan and the apply, the apply stops before anything is bought: " +
			"Terraform reports \"Provider produced inconsistent final plan\" for `price_change`, or the provider " +
			"reports \"Price changed since the plan\". Run `terraform plan` again to see the new price.\n\n" +
			"Beside `hostup_shared_hosting_plan` on the same account, a plan change and a cycle change in one run " +
			"are each priced against the account as it was before either: the plan warns about it, the apply buys " +
			"one of them and refuses the other before anything is sent for it, and the next plan prices that one again.\n\n" +
			"Creating the resource adopts the account (and switches its cycle if it differs); destroying it only " +
			"removes it from state: the account keeps its billing cycle.",
		Attributes: map[string]schema.Attribute{
			"account_id": schema.StringAttribute{
				MarkdownDescription: "The account's v2 id (`acct_…`, from `GET /api/v2/shared-hosting` or the " +
					"`hostup_shared_hosting_accounts` data source). Only v2 changes a billing cycle; a v1 integer id is " +
					"refused. Changing it forces replacement: the old account is only forgotten.",
				Required:      true,
				Validators:    []validator.String{v2AccountIDValidator{}},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"billing_cycle": schema.StringAttribute{
				MarkdownDescription: "The cycle to bill the account on, by its canonical name as the " +
					"`hostup_billing_cycle` data source reports it (`monthly`, `annually`, …). A cycle the account's " +
					"plan is not offered on fails the plan, listing the offered cycles with their prices.",
				Required:   true,
				Validators: []validator.String{stringvalidator.OneOf(v2BillingCycles...)},
			},
			"max_amount": maxAmountSchema(""),
			"cancel_existing_invoice": schema.BoolAttribute{
				MarkdownDescription: "When an unpaid invoice blocks the change, let HostUp cancel it as part of " +
					"the change. Default `false`: the plan fails and names the invoice. An invoice that a change " +
					"bought earlier in the same run is never cancelled.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"price_change": priceChangeSchema(),
			"price_status": priceStatusSchema(),
			"last_order":   lastOrderSchema(),
		},
	}
}

func (r *sharedHostingBillingCycleResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"account_id": identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       "The account's v2 id (`acct_…`).",
			},
		},
	}
}

func (r *sharedHostingBillingCycleResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client, r.flow = purchaseFlowFromProviderData(req.ProviderData, &resp.Diagnostics)
}

func (r *sharedHostingBillingCycleResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	modifyPaidPlan[sharedHostingBillingCycleModel](ctx, r, r.flow, req, resp)
}

func (r *sharedHostingBillingCycleResource) destroyWarning() (string, string) {
	return "Destroying hostup_shared_hosting_billing_cycle keeps the account's billing cycle",
		"Removing this resource only stops Terraform from managing the billing cycle. The account, its cycle and its invoices stay as they are at HostUp; nothing is cancelled or refunded."
}

func (r *sharedHostingBillingCycleResource) noun() string { return "billing cycle" }

func (r *sharedHostingBillingCycleResource) configured() bool { return r.client != nil }

// planChange prices a change of billing cycle with a dry run.
func (r *sharedHostingBillingCycleResource) planChange(ctx context.Context, plan, state *sharedHostingBillingCycleModel, diags *diag.Diagnostics) {
	account, err := parseAccountID(plan.AccountID.ValueString())
	if err != nil || !account.isV2() {
		return // reported by the attribute validator
	}
	q := r.flow.plan(ctx, &plan.purchaseFields, plan.guards(), r.change(account, plan), diags)
	if q == nil {
		return
	}
	if q.inPlace {
		plan.LastOrder = types.ObjectNull(lastOrderAttrTypes)
		if state != nil {
			plan.LastOrder = state.LastOrder
		}
	}
}

func (r *sharedHostingBillingCycleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.applyPlan(ctx, req.Plan, &resp.State, resp.Identity, &resp.Diagnostics)
}

func (r *sharedHostingBillingCycleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state sharedHostingBillingCycleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	account, err := parseAccountID(state.AccountID.ValueString())
	if err != nil || !account.isV2() {
		resp.Diagnostics.AddAttributeError(path.Root("account_id"), "Invalid account id in state",
			fmt.Sprintf("%q is not a v2 account id (acct_…); the hostup_shared_hosting_accounts data source lists them.", state.AccountID.ValueString()))
		return
	}
	imported := state.BillingCycle.IsNull() // an import has only the id yet
	err = r.readCurrent(ctx, account, &state, &resp.Diagnostics)
	if forgetIfGone(ctx, err, imported, "hosting account "+account.String(), path.Root("account_id"), state.identity(), resp) {
		return
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, state.identity())...)
}

func (r *sharedHostingBillingCycleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.applyPlan(ctx, req.Plan, &resp.State, resp.Identity, &resp.Diagnostics)
}

// applyPlan is Create and Update alike: buy what ModifyPlan planned, if
// anything, and store the plan, which already holds what state must become.
// When HostUp carried out something else, state records what it reports.
func (r *sharedHostingBillingCycleResource) applyPlan(ctx context.Context, planned tfsdk.Plan, state *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	var plan sharedHostingBillingCycleModel
	diags.Append(planned.Get(ctx, &plan)...)
	if diags.HasError() {
		return
	}
	account, err := parseAccountID(plan.AccountID.ValueString())
	if err != nil || !account.isV2() {
		diags.AddAttributeError(path.Root("account_id"), "Invalid account id",
			fmt.Sprintf("%q is not a v2 account id (acct_…).", plan.AccountID.ValueString()))
		return
	}
	switch r.flow.apply(ctx, &plan.purchaseFields, plan.guards(), r.change(account, &plan), diags) {
	case outcomeRefused, outcomeUncertain:
		return
	case outcomeMismatch, outcomeInPlace, outcomeConfirmed:
		r.recordTruth(ctx, account, &plan, diags)
	case outcomeBought, outcomeNothingPlanned:
	}
	diags.Append(state.Set(ctx, &plan)...)
	diags.Append(identity.Set(ctx, plan.identity())...)
}

// recordTruth fills what a purchase left unsettled from what HostUp reports.
// The purchase stands whatever this read says, so a failed read is a warning.
func (r *sharedHostingBillingCycleResource) recordTruth(ctx context.Context, account accountRef, plan *sharedHostingBillingCycleModel, diags *diag.Diagnostics) {
	if plan.PriceChange.IsUnknown() {
		plan.PriceChange = types.ObjectNull(priceChangeAttrTypes)
	}
	current := *plan
	var readDiags diag.Diagnostics
	if err := r.readCurrent(ctx, account, &current, &readDiags); err != nil {
		diags.AddWarning("The account could not be read back",
			fmt.Sprintf("Reading the billing cycle of account %s after the change failed: %s. The next refresh updates it.", account, err))
		return
	}
	if !current.BillingCycle.Equal(plan.BillingCycle) {
		// HostUp bills the account on another cycle than the one configured:
		// state says so, and the next plan prices the change still needed.
		plan.BillingCycle = current.BillingCycle
		plan.PriceChange = types.ObjectNull(priceChangeAttrTypes)
		plan.PriceStatus = types.StringNull()
	}
}

func (r *sharedHostingBillingCycleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state sharedHostingBillingCycleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.AddWarning("Hosting account keeps its billing cycle",
		fmt.Sprintf("Account %s was removed from Terraform state only. It stays on its current billing cycle at HostUp; nothing was cancelled or refunded.",
			state.AccountID.ValueString()))
}

func (r *sharedHostingBillingCycleResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID != "" {
		account, err := parseAccountID(req.ID)
		if err == nil && !account.isV2() {
			err = fmt.Errorf("%s is a v1 account id; import by the account's v2 id (acct_…), which the hostup_shared_hosting_accounts data source lists", account)
		}
		if err != nil {
			resp.Diagnostics.AddError("Invalid import id", err.Error())
			return
		}
	}
	resource.ImportStatePassthroughWithIdentity(ctx, path.Root("account_id"), path.Root("account_id"), req, resp)
}

// billingCycleErrorTarget places v2 field errors of the billing-cycle call.
var billingCycleErrorTarget = apiErrorTarget{
	attribute: path.Root("billing_cycle"),
	pointers: map[string]path.Path{
		"/billingCycle":          path.Root("billing_cycle"),
		"/cancelExistingInvoice": path.Root("cancel_existing_invoice"),
		"/accountId":             path.Root("account_id"),
	},
}

// change describes the billing-cycle change of one account for the purchase
// flow. Its lock key is the one hostup_shared_hosting_plan uses, so that a
// plan change and a cycle change of one account are never bought at once.
func (r *sharedHostingBillingCycleResource) change(account accountRef, plan *sharedHostingBillingCycleModel) *paidChange {
	req := plan.changeRequest()
	return &paidChange{
		subject:   "account " + account.String(),
		lockKey:   "hosting:" + account.String(),
		action:    "bill account " + account.String() + " " + req.BillingCycle,
		attribute: path.Root("billing_cycle"),
		errTarget: billingCycleErrorTarget,
		inspect: func(ctx context.Context, diags *diag.Diagnostics) *quote {
			return r.inspect(ctx, account, req, diags)
		},
		price: func(ctx context.Context, q *quote, diags *diag.Diagnostics) bool {
			return r.price(ctx, account, req, q, diags)
		},
		commit: func(ctx context.Context, _ *quote) (*receipt, error) { return r.commit(ctx, account, req) },
		confirm: func(ctx context.Context) (bool, error) {
			cycles, err := r.client.GetSharedHostingBillingCycles(ctx, account.v2)
			if err != nil {
				return false, err
			}
			return cycles.CurrentBillingCycle == req.BillingCycle, nil
		},
	}
}

// inspect checks the target cycle against what the account offers and
// whether HostUp allows a change now, before any preview.
func (r *sharedHostingBillingCycleResource) inspect(ctx context.Context, account accountRef, req client.BillingCycleChange, diags *diag.Diagnostics) *quote {
	cycles, err := r.client.GetSharedHostingBillingCycles(ctx, account.v2)
	if err != nil {
		addAPIError(diags, "Could not read the billing cycles of account "+account.String(), err, apiErrorTarget{attribute: path.Root("account_id")})
		return nil
	}
	target, current := req.BillingCycle, cycles.CurrentBillingCycle
	q := &quote{from: current, fromName: current, to: target, toName: target}
	if current == target {
		q.inPlace = true
		return q
	}
	if !offersCycle(cycles.Cycles, target) {
		diags.AddAttributeError(path.Root("billing_cycle"), "Billing cycle not offered for this account",
			fmt.Sprintf("Account %s cannot be billed %s. Offered: %s. The hostup_billing_cycle data source lists them.",
				account, target, describeCycles(cycles.Cycles)))
		return nil
	}
	gate := cycles.Actions.CanChangeBillingCycle
	invoices := describeInvoices(cycles.BlockingInvoices)
	switch {
	case (len(cycles.BlockingInvoices) > 0 || gateBlockedByInvoice(gate)) && !req.CancelExistingInvoice:
		diags.AddAttributeError(path.Root("cancel_existing_invoice"), "An unpaid invoice blocks the billing-cycle change",
			fmt.Sprintf("HostUp refuses to change the billing cycle of account %s now: %s (unpaid: %s). Pay the invoice in HostUp's "+
				"control panel, or set cancel_existing_invoice = true on this resource to let HostUp cancel it as part of the change. "+
				"Nothing was bought.", account, strings.TrimSuffix(valueOr(gate.Reason, "an unpaid invoice blocks it"), "."), invoices))
		return nil
	case !gate.Allowed && !gateBlockedByInvoice(gate):
		diags.AddAttributeError(path.Root("account_id"), "HostUp does not allow a billing-cycle change now",
			fmt.Sprintf("HostUp refuses to change the billing cycle of account %s now: %s (code %s). Try again once that is resolved. "+
				"Nothing was bought.", account, valueOr(gate.Reason, "no reason given"), valueOr(gate.Code, "none")))
		return nil
	}
	return q
}

// price asks HostUp for the price of the change with a dry run.
func (r *sharedHostingBillingCycleResource) price(ctx context.Context, account accountRef, req client.BillingCycleChange, q *quote, diags *diag.Diagnostics) bool {
	preview, err := r.client.PreviewBillingCycleChange(ctx, account.v2, req)
	if err != nil {
		addAPIError(diags, fmt.Sprintf("Could not preview the price of billing account %s %s", account, req.BillingCycle), err, billingCycleErrorTarget)
		return false
	}
	if gate := preview.Actions.CanCommit; !gate.Allowed {
		diags.AddAttributeError(path.Root("billing_cycle"), "HostUp would not carry out this billing-cycle change",
			fmt.Sprintf("HostUp's preview of billing account %s %s says it cannot be committed: %s (code %s). Nothing was bought.",
				account, req.BillingCycle, valueOr(gate.Reason, "no reason given"), valueOr(gate.Code, "none")))
		return false
	}
	q.price = &preview.PriceChange
	return true
}

// commit buys the change. same_billing_cycle means the account is already
// billed so: converged, nothing bought.
func (r *sharedHostingBillingCycleResource) commit(ctx context.Context, account accountRef, req client.BillingCycleChange) (*receipt, error) {
	res, err := r.client.ChangeBillingCycle(ctx, account.v2, req)
	if client.HasCode(err, client.ErrorCodeSameBillingCycle) {
		return &receipt{inPlace: true}, nil
	}
	if err != nil {
		return nil, err
	}
	// The order and payment invoice read as the plan change's do.
	out := &receipt{
		lastOrder: lastOrderFromV2(&client.SharedHostingUpgradeResult{OrderID: res.OrderID, PaymentInvoice: res.PaymentInvoice}),
		from:      res.CurrentBillingCycle,
		to:        res.NewBillingCycle,
	}
	if inv := res.PaymentInvoice; inv != nil {
		out.invoiced, out.charged = true, inv.Amount
	} else {
		// Without an invoice (a credit, or nothing due) the answer's price
		// is what HostUp settled the change at; last_order records it.
		out.chargeReported, out.charged = true, res.PriceChange.Amount
		out.lastOrder.Amount = numberValue(res.PriceChange.Amount)
		out.lastOrder.CurrencyCode = nonEmptyString(res.PriceChange.CurrencyCode)
	}
	return out, nil
}

// readCurrent refreshes the billing cycle from HostUp. Any pending change
// has taken effect once HostUp reports it, so price_change becomes null.
func (r *sharedHostingBillingCycleResource) readCurrent(ctx context.Context, account accountRef, m *sharedHostingBillingCycleModel, diags *diag.Diagnostics) error {
	cycles, err := r.client.GetSharedHostingBillingCycles(ctx, account.v2)
	if err != nil {
		if !client.IsNotFound(err) {
			addAPIError(diags, "Could not read the billing cycle of account "+account.String(), err, apiErrorTarget{attribute: path.Root("account_id")})
		}
		return err
	}
	m.BillingCycle = types.StringValue(cycles.CurrentBillingCycle)
	m.settled()
	// Imported resources have no configuration yet: give the flag its default.
	if m.CancelExistingInvoice.IsNull() {
		m.CancelExistingInvoice = types.BoolValue(false)
	}
	return nil
}

func offersCycle(cycles []client.BillingCycleV2, name string) bool {
	for _, c := range cycles {
		if c.BillingCycle == name {
			return true
		}
	}
	return false
}

// describeCycles lists the offered cycles with their prices, the current
// one marked: "monthly 39 SEK (current), annually 374 SEK".
func describeCycles(cycles []client.BillingCycleV2) string {
	if len(cycles) == 0 {
		return "none"
	}
	parts := make([]string, 0, len(cycles))
	for _, c := range cycles {
		s := fmt.Sprintf("%s %s %s", c.BillingCycle, c.Amount, c.CurrencyCode)
		if c.IsCurrent {
			s += " (current)"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

// describeInvoices names blocking invoices: "202600001 (39 SEK, due …)".
func describeInvoices(invoices []client.InvoiceSummary) string {
	if len(invoices) == 0 {
		return "none listed"
	}
	parts := make([]string, 0, len(invoices))
	for _, inv := range invoices {
		parts = append(parts, fmt.Sprintf("invoice %s (%s %s, due %s)", inv.Number, inv.Amount, inv.CurrencyCode, inv.DueAt))
	}
	return strings.Join(parts, ", ")
}

// purchase, unknownInput, sameSubject, sameTarget and keepComputed are what
// the purchase flow's plan skeleton needs of the model.
func (m *sharedHostingBillingCycleModel) purchase() *purchaseFields { return &m.purchaseFields }

func (m *sharedHostingBillingCycleModel) unknownInput() (path.Path, bool) {
	switch {
	case m.AccountID.IsUnknown():
		return path.Root("account_id"), true
	case m.BillingCycle.IsUnknown():
		return path.Root("billing_cycle"), true
	case m.CancelExistingInvoice.IsUnknown():
		return path.Root("cancel_existing_invoice"), true
	}
	return path.Empty(), false
}

func (m *sharedHostingBillingCycleModel) sameSubject(state *sharedHostingBillingCycleModel) bool {
	return state.AccountID.Equal(m.AccountID)
}

func (m *sharedHostingBillingCycleModel) sameTarget(state *sharedHostingBillingCycleModel) bool {
	return state.BillingCycle.Equal(m.BillingCycle)
}

func (m *sharedHostingBillingCycleModel) keepComputed(state *sharedHostingBillingCycleModel) {
	m.keep(&state.purchaseFields)
}

func (m *sharedHostingBillingCycleModel) identity() sharedHostingBillingCycleIdentity {
	return sharedHostingBillingCycleIdentity{AccountID: m.AccountID}
}

func (m *sharedHostingBillingCycleModel) guards() changeGuards {
	return changeGuards{maxAmount: m.MaxAmount, allowDowngrade: types.BoolNull(), cancelExistingInvoice: m.CancelExistingInvoice}
}

func (m *sharedHostingBillingCycleModel) changeRequest() client.BillingCycleChange {
	return client.BillingCycleChange{
		BillingCycle:          m.BillingCycle.ValueString(),
		CancelExistingInvoice: m.CancelExistingInvoice.ValueBool(),
	}
}
