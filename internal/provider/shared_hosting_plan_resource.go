package provider

import (
	"context"
	"fmt"
	"sort"
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
	_ resource.Resource                     = (*sharedHostingPlanResource)(nil)
	_ resource.ResourceWithConfigure        = (*sharedHostingPlanResource)(nil)
	_ resource.ResourceWithConfigValidators = (*sharedHostingPlanResource)(nil)
	_ resource.ResourceWithValidateConfig   = (*sharedHostingPlanResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*sharedHostingPlanResource)(nil)
	_ resource.ResourceWithImportState      = (*sharedHostingPlanResource)(nil)
	_ resource.ResourceWithIdentity         = (*sharedHostingPlanResource)(nil)
)

// NewSharedHostingPlanResource is the hostup_shared_hosting_plan resource.
func NewSharedHostingPlanResource() resource.Resource {
	return &sharedHostingPlanResource{}
}

// sharedHostingPlanResource manages the plan of an existing shared-hosting
// account. It never creates or deletes an account: create adopts it (and
// upgrades if the plan differs), delete forgets it.
type sharedHostingPlanResource struct {
	client *client.Client
	flow   *purchaseFlow
}

// sharedHostingPlanModel is the resource's state.
type sharedHostingPlanModel struct {
	purchaseFields
	AccountID             types.String `tfsdk:"account_id"`
	ProductSlug           types.String `tfsdk:"product_slug"`
	ProductID             types.String `tfsdk:"product_id"`
	AllowDowngrade        types.Bool   `tfsdk:"allow_downgrade"`
	CancelExistingInvoice types.Bool   `tfsdk:"cancel_existing_invoice"`
	Domain                types.String `tfsdk:"domain"`
	ServiceStatus         types.String `tfsdk:"service_status"`
	CurrentProduct        types.Object `tfsdk:"current_product"`
}

// sharedHostingPlanIdentity is the resource identity: the account.
type sharedHostingPlanIdentity struct {
	AccountID types.String `tfsdk:"account_id"`
}

func (r *sharedHostingPlanResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_shared_hosting_plan"
}

func (r *sharedHostingPlanResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The plan of an existing shared-hosting account. `terraform plan` shows the exact price " +
			"of a plan change (`price_change`, from HostUp's dry run) before anything is bought; `terraform apply` " +
			"buys exactly that and records the order (`last_order`).\n\n" +
			"Creating the resource adopts the account (and upgrades it if its plan differs); destroying it only " +
			"removes it from state: the account keeps its plan.",
		Attributes: map[string]schema.Attribute{
			"account_id": schema.StringAttribute{
				MarkdownDescription: "The account: a v2 id (`acct_…`, from `GET /api/v2/shared-hosting`) or a v1 " +
					"integer id (`20000`). Use the v2 id: only v2 previews prices. Changing it forces replacement: the " +
					"old account is only forgotten (it keeps its plan) and the new one is adopted.",
				Required:      true,
				Validators:    []validator.String{accountIDValidator{}},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"product_slug": schema.StringAttribute{
				MarkdownDescription: "Plan for a v2 account, by catalogue slug (e.g. `webbhotell-business`). " +
					"Exactly one of `product_slug` and `product_id`; refused for v1 accounts. An unknown or unavailable " +
					"slug fails the plan with the list of valid ones.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"product_id": schema.StringAttribute{
				MarkdownDescription: "Plan for a v1 (integer id) account, by product id (e.g. `1913`; " +
					"`hostup_billing_cycle` reports the current one). Exactly one of `product_slug` and `product_id`; " +
					"refused for v2 accounts, whose plans are named by slug.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.RegexMatches(v1IDPattern, "must be a numeric product id such as 1913")},
			},
			"max_amount": maxAmountSchema(" Needs a preview, so it is only accepted for v2 accounts."),
			"allow_downgrade": schema.BoolAttribute{
				MarkdownDescription: "Allow moving to a lower plan. Default `false`: a downgrade fails the plan. " +
					"Refused for v1 accounts: v1 has no plan catalogue to tell an upgrade from a downgrade.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"cancel_existing_invoice": schema.BoolAttribute{
				MarkdownDescription: "When an unpaid invoice blocks the change, let HostUp cancel it as part of " +
					"the change. Default `false`: the plan fails and names the invoice.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"domain": schema.StringAttribute{
				MarkdownDescription: "The account's primary domain.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"service_status": schema.StringAttribute{
				MarkdownDescription: "The account's service status on v2 (`active`, `pending`, `suspended`, `cancelled`, " +
					"`terminated`, `expired`, `fraud` or `unknown`); null for v1 accounts, whose API does not report it here.",
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"current_product": productSchema(),
			"price_change":    priceChangeSchema(),
			"price_status":    priceStatusSchema(),
			"last_order":      lastOrderSchema(),
		},
	}
}

func (r *sharedHostingPlanResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"account_id": identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       "The account: a v2 id (`acct_…`) or a v1 integer id (`20000`).",
			},
		},
	}
}

func (r *sharedHostingPlanResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		exactlyOneOf{attributes: []string{"product_slug", "product_id"},
			hint: "Use product_slug for a v2 account (acct_…) and product_id for a v1 (integer) account."},
	}
}

// ValidateConfig catches, before any request, a plan named the way the
// account's API generation does not understand, and guards v1 cannot honour.
func (r *sharedHostingPlanResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg sharedHostingPlanModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || cfg.AccountID.IsUnknown() || cfg.AccountID.IsNull() {
		return
	}
	account, err := parseAccountID(cfg.AccountID.ValueString())
	if err != nil {
		return // reported by the attribute validator
	}
	switch {
	case account.isV2() && !cfg.ProductID.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("product_id"), "product_id is for v1 accounts",
			fmt.Sprintf("Account %s is a v2 account, whose plans are named by slug: use product_slug (e.g. \"webbhotell-business\") instead of product_id.", account))
	case !account.isV2() && !cfg.ProductSlug.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("product_slug"), "product_slug is for v2 accounts",
			fmt.Sprintf("Account %s is a v1 (integer) account, whose plans are named by product id: use product_id (e.g. \"1913\"), "+
				"or manage the account by its v2 id (acct_…) to use product_slug and get price previews.", account))
	case !account.isV2() && !cfg.MaxAmount.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("max_amount"), "max_amount needs a price preview",
			fmt.Sprintf("HostUp's v1 upgrade route has no preview, so the price of a change to account %s is unknown until it is bought "+
				"and max_amount cannot be enforced. Manage the account by its v2 id (acct_…) with product_slug, or remove max_amount.", account))
	case !account.isV2() && !cfg.AllowDowngrade.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("allow_downgrade"), "allow_downgrade needs a plan catalogue",
			fmt.Sprintf("HostUp's v1 API has no plan catalogue, so the provider cannot tell whether a change of account %s is an upgrade "+
				"or a downgrade, and allow_downgrade cannot be honoured. Manage the account by its v2 id (acct_…) with product_slug, "+
				"or remove allow_downgrade.", account))
	}
}

func (r *sharedHostingPlanResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client, r.flow = purchaseFlowFromProviderData(req.ProviderData, &resp.Diagnostics)
}

func (r *sharedHostingPlanResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	modifyPaidPlan[sharedHostingPlanModel](ctx, r, r.flow, req, resp)
}

func (r *sharedHostingPlanResource) destroyWarning() (string, string) {
	return "Destroying hostup_shared_hosting_plan keeps the account's plan",
		"Removing this resource only stops Terraform from managing the plan. The account, its plan and its invoices stay as they are at HostUp; nothing is cancelled or refunded."
}

func (r *sharedHostingPlanResource) noun() string { return "plan" }

func (r *sharedHostingPlanResource) configured() bool { return r.client != nil }

// planChange prices a change of plan: v2 checks the account's options and
// previews with a dry run; v1 can only say that a change will be bought.
func (r *sharedHostingPlanResource) planChange(ctx context.Context, plan, state *sharedHostingPlanModel, diags *diag.Diagnostics) {
	account, err := parseAccountID(plan.AccountID.ValueString())
	if err != nil {
		return
	}
	if !account.isV2() {
		r.planV1(ctx, account, plan, state, diags)
		return
	}
	ch := r.change(account, plan)
	q := r.flow.plan(ctx, &plan.purchaseFields, plan.guards(), ch, diags)
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

// planV1 can only say that a change will be bought: v1 has no preview.
func (r *sharedHostingPlanResource) planV1(ctx context.Context, account accountRef, plan, state *sharedHostingPlanModel, diags *diag.Diagnostics) {
	from := "its current product"
	if !plan.ProductID.IsUnknown() {
		info, err := r.client.GetHostingBillingCycle(ctx, account.v1)
		if err != nil {
			addAPIError(diags, "Could not read the plan of account "+account.String(), err, apiErrorTarget{attribute: path.Root("account_id")})
			return
		}
		plan.Domain = types.StringValue(info.AccountDetails.Domain)
		plan.ServiceStatus = types.StringNull() // v1 does not report it
		if info.ProductID == plan.ProductID.ValueString() {
			var d diag.Diagnostics
			plan.CurrentProduct, d = productValue(ctx, info.ProductID, info.AccountDetails.Name)
			diags.Append(d...)
			plan.settled()
			if state != nil {
				plan.LastOrder = state.LastOrder
			}
			return
		}
		from = "product " + info.ProductID
	}
	diags.AddAttributeWarning(path.Root("product_id"), "No price preview for a v1 account",
		fmt.Sprintf("HostUp's v1 upgrade route (account %s) has no dry run, so the price of moving from %s to %s is unknown "+
			"until apply, which buys it at once. To see the exact price in the plan, manage the account by its v2 id "+
			"(acct_…, from GET /api/v2/shared-hosting) with product_slug.", account, from, describeTarget(plan.ProductID)))
	plan.PriceChange = types.ObjectUnknown(priceChangeAttrTypes)
	plan.PriceStatus = types.StringValue(priceStatusNoPreview)
	plan.CurrentProduct = types.ObjectUnknown(productAttrTypes)
	plan.LastOrder = types.ObjectUnknown(lastOrderAttrTypes)
}

// describeTarget names a target that may be unknown at plan time.
func describeTarget(v types.String) string {
	if v.IsUnknown() {
		return "a product known only after apply"
	}
	return v.ValueString()
}

func (r *sharedHostingPlanResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.applyPlan(ctx, req.Plan, &resp.State, resp.Identity, &resp.Diagnostics)
}

func (r *sharedHostingPlanResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state sharedHostingPlanModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	account, err := parseAccountID(state.AccountID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("account_id"), "Invalid account id in state", err.Error())
		return
	}
	imported := state.CurrentProduct.IsNull() // an import has only the id yet
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

func (r *sharedHostingPlanResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.applyPlan(ctx, req.Plan, &resp.State, resp.Identity, &resp.Diagnostics)
}

// applyPlan is Create and Update alike: buy what ModifyPlan planned, if
// anything, and store the plan, which already holds what state must become.
// When HostUp carried out something else, state records what it reports.
func (r *sharedHostingPlanResource) applyPlan(ctx context.Context, planned tfsdk.Plan, state *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	var plan sharedHostingPlanModel
	diags.Append(planned.Get(ctx, &plan)...)
	if diags.HasError() {
		return
	}
	account, err := parseAccountID(plan.AccountID.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("account_id"), "Invalid account id", err.Error())
		return
	}
	switch r.flow.apply(ctx, &plan.purchaseFields, plan.guards(), r.change(account, &plan), diags) {
	case outcomeRefused, outcomeUncertain:
		return
	case outcomeMismatch, outcomeInPlace, outcomeConfirmed:
		r.recordTruth(ctx, account, &plan, diags)
	case outcomeBought:
		if !account.isV2() {
			// v1 names plans differently in its upgrade answer and its
			// billing-cycle route: read back so that state matches Read.
			r.recordTruth(ctx, account, &plan, diags)
		}
	case outcomeNothingPlanned:
	}
	if plan.ServiceStatus.IsUnknown() {
		r.readServiceStatus(ctx, &plan, diags)
	}
	diags.Append(state.Set(ctx, &plan)...)
	diags.Append(identity.Set(ctx, plan.identity())...)
}

// recordTruth fills what a purchase left unsettled from what HostUp reports.
// The purchase stands whatever this read says, so a failed read is a warning.
func (r *sharedHostingPlanResource) recordTruth(ctx context.Context, account accountRef, plan *sharedHostingPlanModel, diags *diag.Diagnostics) {
	current := *plan
	var readDiags diag.Diagnostics
	if err := r.readCurrent(ctx, account, &current, &readDiags); err != nil {
		diags.AddWarning("The account could not be read back",
			fmt.Sprintf("Reading account %s after the change failed: %s. The next refresh updates it.", account, err))
		if plan.CurrentProduct.IsUnknown() {
			var d diag.Diagnostics
			plan.CurrentProduct, d = productValue(ctx, plan.target().ValueString(), "")
			diags.Append(d...)
		}
		if plan.PriceChange.IsUnknown() {
			plan.PriceChange = types.ObjectNull(priceChangeAttrTypes)
		}
		return
	}
	plan.CurrentProduct = current.CurrentProduct
	plan.Domain = current.Domain
	plan.ServiceStatus = current.ServiceStatus
	if plan.PriceChange.IsUnknown() {
		plan.PriceChange = types.ObjectNull(priceChangeAttrTypes)
	}
	if !current.target().Equal(plan.target()) {
		// HostUp holds another plan than the one configured: state says so,
		// and the next plan prices the change still needed.
		plan.ProductSlug, plan.ProductID = current.ProductSlug, current.ProductID
		plan.PriceChange = types.ObjectNull(priceChangeAttrTypes)
		plan.PriceStatus = types.StringNull()
	}
}

func (r *sharedHostingPlanResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state sharedHostingPlanModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.AddWarning("Hosting account keeps its plan",
		fmt.Sprintf("Account %s was removed from Terraform state only. It stays on its current plan at HostUp; nothing was cancelled or refunded.",
			state.AccountID.ValueString()))
}

func (r *sharedHostingPlanResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID != "" {
		if _, err := parseAccountID(req.ID); err != nil {
			resp.Diagnostics.AddError("Invalid import id", err.Error())
			return
		}
	}
	resource.ImportStatePassthroughWithIdentity(ctx, path.Root("account_id"), path.Root("account_id"), req, resp)
}

// planErrorTarget places v2 field errors of the upgrade call.
var planErrorTarget = apiErrorTarget{
	attribute: path.Root("product_slug"),
	pointers: map[string]path.Path{
		"/productSlug":           path.Root("product_slug"),
		"/cancelExistingInvoice": path.Root("cancel_existing_invoice"),
		"/accountId":             path.Root("account_id"),
	},
}

// change describes the plan change of one account for the purchase flow.
func (r *sharedHostingPlanResource) change(account accountRef, plan *sharedHostingPlanModel) *paidChange {
	target := plan.target().ValueString()
	ch := &paidChange{
		subject:   "account " + account.String(),
		lockKey:   "hosting:" + account.String(),
		action:    "move account " + account.String() + " to " + target,
		attribute: path.Root("product_slug"),
		errTarget: planErrorTarget,
		confirm:   func(ctx context.Context) (bool, error) { return r.onTarget(ctx, account, target) },
	}
	if account.isV2() {
		req := plan.upgradeRequest()
		ch.inspect = func(ctx context.Context, diags *diag.Diagnostics) *quote {
			return r.inspectV2(ctx, account, plan, req, diags)
		}
		ch.price = func(ctx context.Context, q *quote, diags *diag.Diagnostics) bool {
			return r.priceV2(ctx, account, plan, req, q, diags)
		}
		ch.commit = func(ctx context.Context, _ *quote) (*receipt, error) { return r.commitV2(ctx, account, req) }
	} else {
		ch.attribute = path.Root("product_id")
		ch.errTarget = apiErrorTarget{attribute: path.Root("product_id")}
		ch.inspect = func(context.Context, *diag.Diagnostics) *quote { return &quote{to: target} }
		ch.commit = func(ctx context.Context, _ *quote) (*receipt, error) { return r.commitV1(ctx, account, target) }
	}
	return ch
}

// inspectV2 checks the target against the account's options. It fills the
// computed attributes the plan shows: the domain, and the product the
// account will be on.
func (r *sharedHostingPlanResource) inspectV2(ctx context.Context, account accountRef, plan *sharedHostingPlanModel, req client.SharedHostingUpgrade, diags *diag.Diagnostics) *quote {
	opts, err := r.client.GetSharedHostingUpgradeOptions(ctx, account.v2)
	if err != nil {
		addAPIError(diags, "Could not read the plans account "+account.String()+" can move to", err, apiErrorTarget{attribute: path.Root("account_id")})
		return nil
	}
	plan.Domain = types.StringValue(opts.Domain)
	target := req.ProductSlug
	current := opts.CurrentPackage
	q := &quote{from: current.ProductSlug, fromName: describeProduct(current.Name, current.ProductSlug), to: target}
	if current.ProductSlug == target {
		q.inPlace, q.toName = true, current.Name
		r.setCurrentProduct(ctx, plan, target, current.Name, diags)
		return q
	}
	option, ok := findOption(opts.AvailableOptions, target)
	gate := opts.Actions.CanUpgrade
	switch {
	case !ok:
		diags.AddAttributeError(path.Root("product_slug"), "Unknown plan for this account",
			fmt.Sprintf("%q is not a plan account %s can move to. Valid values: %s (current: %q). "+
				"The hostup_shared_hosting_plan_options data source lists them with their prices.",
				target, account, strings.Join(optionSlugs(opts.AvailableOptions), ", "), current.ProductSlug))
		return nil
	case !option.Available:
		diags.AddAttributeError(path.Root("product_slug"), "Plan not available",
			fmt.Sprintf("HostUp does not offer %q to account %s now: %s.", target, account, valueOr(option.Reason, "no reason given")))
		return nil
	case !gate.Allowed && gateBlockedByInvoice(gate) && !req.CancelExistingInvoice:
		diags.AddAttributeError(path.Root("cancel_existing_invoice"), "An unpaid invoice blocks the plan change",
			fmt.Sprintf("HostUp refuses to change the plan of account %s now: %s (code %s). Pay the invoice in HostUp's control panel, "+
				"or set cancel_existing_invoice = true on this resource to let HostUp cancel it as part of the change.",
				account, valueOr(gate.Reason, "an unpaid invoice blocks it"), valueOr(gate.Code, "none")))
		return nil
	case !gate.Allowed && !gateBlockedByInvoice(gate):
		diags.AddAttributeError(path.Root("account_id"), "HostUp does not allow a plan change now",
			fmt.Sprintf("HostUp refuses to change the plan of account %s now: %s (code %s). Try again once that is resolved.",
				account, valueOr(gate.Reason, "no reason given"), valueOr(gate.Code, "none")))
		return nil
	}
	q.toName = describeProduct(option.Name, option.ProductSlug)
	q.downgrade = option.Type == client.OptionTypeDowngrade
	r.setCurrentProduct(ctx, plan, target, option.Name, diags)
	return q
}

// priceV2 asks HostUp for the price of the change with a dry run.
func (r *sharedHostingPlanResource) priceV2(ctx context.Context, account accountRef, plan *sharedHostingPlanModel, req client.SharedHostingUpgrade, q *quote, diags *diag.Diagnostics) bool {
	preview, err := r.client.PreviewSharedHostingUpgrade(ctx, account.v2, req)
	if err != nil {
		addAPIError(diags, "Could not preview the price of moving account "+account.String()+" to "+req.ProductSlug, err, planErrorTarget)
		return false
	}
	q.price = &preview.PriceChange
	if preview.NewProduct != nil && preview.NewProduct.Name != "" {
		q.toName = describeProduct(preview.NewProduct.Name, req.ProductSlug)
		r.setCurrentProduct(ctx, plan, req.ProductSlug, preview.NewProduct.Name, diags)
	}
	return true
}

func (r *sharedHostingPlanResource) setCurrentProduct(ctx context.Context, plan *sharedHostingPlanModel, id, name string, diags *diag.Diagnostics) {
	var d diag.Diagnostics
	plan.CurrentProduct, d = productValue(ctx, id, name)
	diags.Append(d...)
}

// gateBlockedByInvoice reports whether a closed gate is closed only by an
// unpaid invoice, which cancel_existing_invoice lets HostUp cancel.
func gateBlockedByInvoice(g client.ActionGate) bool {
	return strings.EqualFold(valueOr(g.Code, ""), string(client.ErrorCodeExistingInvoiceBlocking))
}

func describeProduct(name, id string) string {
	if name == "" {
		return id
	}
	return name + " (" + id + ")"
}

// commitV2 buys the plan change. same_product_plan means the account is
// already there: converged, nothing bought.
func (r *sharedHostingPlanResource) commitV2(ctx context.Context, account accountRef, req client.SharedHostingUpgrade) (*receipt, error) {
	res, err := r.client.UpgradeSharedHosting(ctx, account.v2, req)
	if client.HasCode(err, client.ErrorCodeSameProductPlan) {
		return &receipt{inPlace: true}, nil
	}
	if err != nil {
		return nil, err
	}
	out := &receipt{lastOrder: lastOrderFromV2(res)}
	if res.CurrentProduct != nil {
		out.from = res.CurrentProduct.Slug
	}
	if res.NewProduct != nil {
		out.to = res.NewProduct.Slug
	}
	if inv := res.PaymentInvoice; inv != nil {
		out.invoiced, out.charged = true, inv.Amount
	}
	return out, nil
}

// commitV1 buys a v1 plan change, which has no preview to check against.
func (r *sharedHostingPlanResource) commitV1(ctx context.Context, account accountRef, productID string) (*receipt, error) {
	res, err := r.client.UpgradeHostingAccountV1(ctx, account.v1, productID)
	if client.HasCode(err, client.ErrorCodeV1SameProduct) {
		return &receipt{inPlace: true}, nil
	}
	if err != nil {
		return nil, err
	}
	return &receipt{lastOrder: lastOrderFromV1(res), invoiced: res.InvoiceID != "", charged: res.Total, chargeReported: true}, nil
}

// onTarget reads the account, bypassing nothing that could be stale, and
// reports whether it is on target: the confirmation of an uncertain purchase.
func (r *sharedHostingPlanResource) onTarget(ctx context.Context, account accountRef, target string) (bool, error) {
	if account.isV2() {
		opts, err := r.client.GetSharedHostingUpgradeOptions(ctx, account.v2)
		if err != nil {
			return false, err
		}
		return opts.CurrentPackage.ProductSlug == target, nil
	}
	info, err := r.client.GetHostingBillingCycle(ctx, account.v1)
	if err != nil {
		return false, err
	}
	return info.ProductID == target, nil
}

// readServiceStatus fills service_status after a create. A failed read does
// not undo what was bought: the status is then left for the next refresh.
func (r *sharedHostingPlanResource) readServiceStatus(ctx context.Context, m *sharedHostingPlanModel, diags *diag.Diagnostics) {
	m.ServiceStatus = types.StringNull()
	account, err := parseAccountID(m.AccountID.ValueString())
	if err != nil || !account.isV2() {
		return
	}
	acct, err := r.client.GetSharedHostingAccount(ctx, account.v2)
	if err != nil {
		diags.AddWarning("Could not read the account's status",
			fmt.Sprintf("Reading account %s failed: %s. service_status is left null until the next refresh.", account, err))
		return
	}
	m.ServiceStatus = types.StringValue(acct.ServiceStatus)
}

// readCurrent refreshes the plan-related attributes from HostUp. Any pending
// change has taken effect once HostUp reports it, so price_change becomes null.
func (r *sharedHostingPlanResource) readCurrent(ctx context.Context, account accountRef, m *sharedHostingPlanModel, diags *diag.Diagnostics) error {
	var d diag.Diagnostics
	readFailed := func(what string, err error) error {
		if !client.IsNotFound(err) {
			addAPIError(diags, "Could not read "+what+" "+account.String(), err, apiErrorTarget{attribute: path.Root("account_id")})
		}
		return err
	}
	if account.isV2() {
		opts, err := r.client.GetSharedHostingUpgradeOptions(ctx, account.v2)
		if err != nil {
			return readFailed("the plan of account", err)
		}
		// From the account list, read once for every account refreshed.
		acct, err := r.client.LookupSharedHostingAccount(ctx, account.v2)
		if err != nil {
			return readFailed("account", err)
		}
		m.ProductSlug = types.StringValue(opts.CurrentPackage.ProductSlug)
		m.Domain = types.StringValue(opts.Domain)
		m.ServiceStatus = types.StringValue(acct.ServiceStatus)
		m.CurrentProduct, d = productValue(ctx, opts.CurrentPackage.ProductSlug, opts.CurrentPackage.Name)
	} else {
		info, err := r.client.GetHostingBillingCycle(ctx, account.v1)
		if err != nil {
			return readFailed("the plan of account", err)
		}
		m.ProductID = types.StringValue(info.ProductID)
		m.Domain = types.StringValue(info.AccountDetails.Domain)
		m.ServiceStatus = types.StringNull()
		m.CurrentProduct, d = productValue(ctx, info.ProductID, info.AccountDetails.Name)
	}
	diags.Append(d...)
	m.settled()
	// Imported resources have no configuration yet: give the flags their
	// defaults.
	if m.AllowDowngrade.IsNull() {
		m.AllowDowngrade = types.BoolValue(false)
	}
	if m.CancelExistingInvoice.IsNull() {
		m.CancelExistingInvoice = types.BoolValue(false)
	}
	return nil
}

// purchase, unknownInput, sameSubject, sameTarget and keepComputed are what
// the purchase flow's plan skeleton needs of the model.
func (m *sharedHostingPlanModel) purchase() *purchaseFields { return &m.purchaseFields }

func (m *sharedHostingPlanModel) unknownInput() (path.Path, bool) {
	switch {
	case m.AccountID.IsUnknown():
		return path.Root("account_id"), true
	case m.ProductSlug.IsUnknown():
		return path.Root("product_slug"), true
	case m.CancelExistingInvoice.IsUnknown():
		return path.Root("cancel_existing_invoice"), true
	}
	// An unknown product_id of a v1 account is planned by planV1, which has
	// no preview either way and says so.
	return path.Empty(), false
}

func (m *sharedHostingPlanModel) sameSubject(state *sharedHostingPlanModel) bool {
	return state.AccountID.Equal(m.AccountID)
}

func (m *sharedHostingPlanModel) sameTarget(state *sharedHostingPlanModel) bool {
	return state.target().Equal(m.target())
}

func (m *sharedHostingPlanModel) keepComputed(state *sharedHostingPlanModel) {
	m.Domain = state.Domain
	m.ServiceStatus = state.ServiceStatus
	m.CurrentProduct = state.CurrentProduct
	m.keep(&state.purchaseFields)
}

// target is the plan asked for, in the account's generation's terms.
func (m *sharedHostingPlanModel) target() types.String {
	if !m.ProductSlug.IsNull() {
		return m.ProductSlug
	}
	return m.ProductID
}

func (m *sharedHostingPlanModel) identity() sharedHostingPlanIdentity {
	return sharedHostingPlanIdentity{AccountID: m.AccountID}
}

func (m *sharedHostingPlanModel) guards() changeGuards {
	return changeGuards{maxAmount: m.MaxAmount, allowDowngrade: m.AllowDowngrade, cancelExistingInvoice: m.CancelExistingInvoice}
}

func (m *sharedHostingPlanModel) upgradeRequest() client.SharedHostingUpgrade {
	return client.SharedHostingUpgrade{
		ProductSlug:           m.ProductSlug.ValueString(),
		CancelExistingInvoice: m.CancelExistingInvoice.ValueBool(),
	}
}

func findOption(options []client.UpgradeOption, slug string) (client.UpgradeOption, bool) {
	for _, o := range options {
		if o.ProductSlug == slug {
			return o, true
		}
	}
	return client.UpgradeOption{}, false
}

func optionSlugs(options []client.UpgradeOption) []string {
	slugs := make([]string, 0, len(options))
	for _, o := range options {
		slugs = append(slugs, fmt.Sprintf("%q", o.ProductSlug))
	}
	sort.Strings(slugs)
	return slugs
}

func valueOr(s *string, def string) string {
	if s == nil || *s == "" {
		return def
	}
	return *s
}
