package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
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
	"github.com/hashicorp/terraform-plugin-log/tflog"

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
}

// sharedHostingPlanModel is the resource's state.
type sharedHostingPlanModel struct {
	AccountID             types.String `tfsdk:"account_id"`
	ProductSlug           types.String `tfsdk:"product_slug"`
	ProductID             types.String `tfsdk:"product_id"`
	MaxAmount             types.Number `tfsdk:"max_amount"`
	AllowDowngrade        types.Bool   `tfsdk:"allow_downgrade"`
	CancelExistingInvoice types.Bool   `tfsdk:"cancel_existing_invoice"`
	Domain                types.String `tfsdk:"domain"`
	ServiceStatus         types.String `tfsdk:"service_status"`
	CurrentProduct        types.Object `tfsdk:"current_product"`
	PriceChange           types.Object `tfsdk:"price_change"`
	LastOrder             types.Object `tfsdk:"last_order"`
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
			"max_amount": schema.NumberAttribute{
				MarkdownDescription: "Spend guard: the plan fails when the amount due now for the change exceeds " +
					"this (in the account's currency). Checked again when Terraform re-plans at apply, before anything " +
					"is bought. Needs a preview, so it is only accepted for v2 accounts.",
				Optional: true,
			},
			"allow_downgrade": schema.BoolAttribute{
				MarkdownDescription: "Allow moving to a lower plan. Default `false`: a downgrade fails the plan.",
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(false),
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
		resourcevalidator.ExactlyOneOf(path.MatchRoot("product_slug"), path.MatchRoot("product_id")),
	}
}

// ValidateConfig catches, before any request, a plan named the way the
// account's API generation does not understand, and a negative spend guard.
func (r *sharedHostingPlanResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg sharedHostingPlanModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !cfg.MaxAmount.IsNull() && !cfg.MaxAmount.IsUnknown() && cfg.MaxAmount.ValueBigFloat().Sign() < 0 {
		resp.Diagnostics.AddAttributeError(path.Root("max_amount"), "Negative max_amount",
			"max_amount is the most a change may cost now; it cannot be negative.")
	}
	if cfg.AccountID.IsUnknown() || cfg.AccountID.IsNull() {
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
	}
}

func (r *sharedHostingPlanResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFromProviderData(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan prices the change. Terraform calls it at plan time and again at
// apply time, and refuses the apply if the second answer differs from the
// saved plan ("Provider produced inconsistent final plan"): so a price that
// changed between plan and apply stops the purchase. Keep price_change known
// whenever HostUp can preview it; never hide a change by leaving it unknown.
func (r *sharedHostingPlanResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		resp.Diagnostics.AddWarning("Destroying hostup_shared_hosting_plan keeps the account's plan",
			"Removing this resource only stops Terraform from managing the plan. The account, its plan and its invoices stay as they are at HostUp; nothing is cancelled or refunded.")
		return
	}
	var plan sharedHostingPlanModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	var state *sharedHostingPlanModel
	if !req.State.Raw.IsNull() {
		state = &sharedHostingPlanModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	if resp.Diagnostics.HasError() || r.client == nil || plan.AccountID.IsUnknown() || plan.target().IsUnknown() {
		return // computed values stay unknown until the inputs are known
	}
	account, err := parseAccountID(plan.AccountID.ValueString())
	if err != nil {
		return
	}

	if state != nil && !state.AccountID.Equal(plan.AccountID) {
		// Another account: account_id forces replacement, and Terraform
		// plans the replacement again as a create (no prior state), which is
		// where it is priced. Nothing to ask HostUp here.
		return
	}
	if state != nil && state.target().Equal(plan.target()) {
		// Same plan as now: nothing to buy, no preview to ask for, and the
		// computed values stay as they are, so the plan is empty.
		plan.Domain = state.Domain
		plan.ServiceStatus = state.ServiceStatus
		plan.CurrentProduct = state.CurrentProduct
		plan.PriceChange = state.PriceChange
		plan.LastOrder = state.LastOrder
		resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
		return
	}

	if account.isV2() {
		r.planV2(ctx, account, &plan, state, &resp.Diagnostics)
	} else {
		r.planV1(ctx, account, &plan, state, &resp.Diagnostics)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

// planV2 checks the target against the account's options and previews the
// price with a dry run.
func (r *sharedHostingPlanResource) planV2(ctx context.Context, account accountRef, plan, state *sharedHostingPlanModel, diags *diag.Diagnostics) {
	opts, err := r.client.GetSharedHostingUpgradeOptions(ctx, account.v2)
	if err != nil {
		addAPIError(diags, "Could not read the plans account "+account.String()+" can move to", err, apiErrorTarget{attribute: path.Root("account_id")})
		return
	}
	plan.Domain = types.StringValue(opts.Domain)
	target := plan.ProductSlug.ValueString()
	current := opts.CurrentPackage
	if current.ProductSlug == target {
		r.planNoPurchase(ctx, plan, state, current.ProductSlug, current.Name, diags)
		return
	}

	option, ok := findOption(opts.AvailableOptions, target)
	switch {
	case !ok:
		diags.AddAttributeError(path.Root("product_slug"), "Unknown plan for this account",
			fmt.Sprintf("%q is not a plan account %s can move to. Valid values: %s (current: %q). "+
				"The hostup_shared_hosting_plan_options data source lists them with their prices.",
				target, account, strings.Join(optionSlugs(opts.AvailableOptions), ", "), current.ProductSlug))
		return
	case !option.Available:
		diags.AddAttributeError(path.Root("product_slug"), "Plan not available",
			fmt.Sprintf("HostUp does not offer %q to account %s now: %s.", target, account, valueOr(option.Reason, "no reason given")))
		return
	case option.Type == client.OptionTypeDowngrade && !plan.AllowDowngrade.ValueBool():
		diags.AddAttributeError(path.Root("product_slug"), "Downgrade not allowed",
			fmt.Sprintf("Moving account %s from %s (%s) to %s (%s) is a downgrade. Set allow_downgrade = true to allow it.",
				account, current.Name, current.ProductSlug, option.Name, option.ProductSlug))
		return
	case !opts.Actions.CanUpgrade.Allowed:
		diags.AddAttributeError(path.Root("account_id"), "HostUp does not allow a plan change now",
			fmt.Sprintf("HostUp refuses to change the plan of account %s now: %s (code %s). Try again once that is resolved.",
				account, valueOr(opts.Actions.CanUpgrade.Reason, "no reason given"), valueOr(opts.Actions.CanUpgrade.Code, "none")))
		return
	}

	preview, err := r.client.PreviewSharedHostingUpgrade(ctx, account.v2, plan.upgradeRequest())
	if err != nil {
		addAPIError(diags, "Could not preview the price of moving account "+account.String()+" to "+target, err, planErrorTarget)
		return
	}
	tflog.Info(ctx, "previewed plan change", map[string]any{"account_id": account.String(), "product_slug": target, "amount": preview.PriceChange.Amount.String()})
	if exceedsMaxAmount(plan.MaxAmount, preview.PriceChange.Amount, diags) {
		diags.AddAttributeError(path.Root("max_amount"), "Plan change costs more than max_amount",
			fmt.Sprintf("Moving account %s to %s costs %s %s now, more than max_amount (%s). Raise max_amount to allow it; nothing was bought.",
				account, target, preview.PriceChange.Amount, preview.PriceChange.CurrencyCode, plan.MaxAmount.ValueBigFloat().Text('f', -1)))
		return
	}
	var d diag.Diagnostics
	plan.PriceChange, d = priceChangeValue(ctx, preview.PriceChange)
	diags.Append(d...)
	name := option.Name
	if preview.NewProduct != nil {
		name = preview.NewProduct.Name
	}
	plan.CurrentProduct, d = productValue(ctx, target, name)
	diags.Append(d...)
	plan.LastOrder = types.ObjectUnknown(lastOrderAttrTypes) // a purchase is planned
}

// planV1 can only say that a change will be bought: v1 has no preview.
func (r *sharedHostingPlanResource) planV1(ctx context.Context, account accountRef, plan, state *sharedHostingPlanModel, diags *diag.Diagnostics) {
	info, err := r.client.GetHostingBillingCycle(ctx, account.v1)
	if err != nil {
		addAPIError(diags, "Could not read the plan of account "+account.String(), err, apiErrorTarget{attribute: path.Root("account_id")})
		return
	}
	plan.Domain = types.StringValue(info.AccountDetails.Domain)
	plan.ServiceStatus = types.StringNull() // v1 does not report it
	if info.ProductID == plan.ProductID.ValueString() {
		r.planNoPurchase(ctx, plan, state, info.ProductID, info.AccountDetails.Name, diags)
		return
	}
	diags.AddAttributeWarning(path.Root("product_id"), "No price preview for a v1 account",
		fmt.Sprintf("HostUp's v1 upgrade route (account %s) has no dry run, so the price of moving from product %s to %s is unknown "+
			"until apply, which buys it at once. To see the exact price in the plan, manage the account by its v2 id "+
			"(acct_…, from GET /api/v2/shared-hosting) with product_slug.", account, info.ProductID, plan.ProductID.ValueString()))
	plan.PriceChange = types.ObjectUnknown(priceChangeAttrTypes)
	plan.CurrentProduct = types.ObjectUnknown(productAttrTypes)
	plan.LastOrder = types.ObjectUnknown(lastOrderAttrTypes)
}

// planNoPurchase is the plan of adopting an account already on the target.
func (r *sharedHostingPlanResource) planNoPurchase(ctx context.Context, plan, state *sharedHostingPlanModel, id, name string, diags *diag.Diagnostics) {
	var d diag.Diagnostics
	plan.CurrentProduct, d = productValue(ctx, id, name)
	diags.Append(d...)
	plan.PriceChange = types.ObjectNull(priceChangeAttrTypes)
	plan.LastOrder = types.ObjectNull(lastOrderAttrTypes)
	if state != nil {
		plan.LastOrder = state.LastOrder
	}
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
	err = r.readCurrent(ctx, account, &state, &resp.Diagnostics)
	if client.IsNotFound(err) {
		resp.Diagnostics.AddWarning("Hosting account no longer exists",
			fmt.Sprintf("HostUp has no account %s visible to this API key any more; it was removed from state.", account))
		resp.State.RemoveResource(ctx)
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
func (r *sharedHostingPlanResource) applyPlan(ctx context.Context, planned tfsdk.Plan, state *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	var plan sharedHostingPlanModel
	diags.Append(planned.Get(ctx, &plan)...)
	if diags.HasError() {
		return
	}
	r.buyPlanned(ctx, &plan, diags)
	if diags.HasError() {
		return
	}
	if plan.ServiceStatus.IsUnknown() {
		r.readServiceStatus(ctx, &plan, diags)
	}
	diags.Append(state.Set(ctx, &plan)...)
	diags.Append(identity.Set(ctx, plan.identity())...)
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

// buyPlanned carries out the purchase ModifyPlan planned, if any: it marks
// one by leaving last_order unknown. Everything else in the plan is already
// what the state must become.
func (r *sharedHostingPlanResource) buyPlanned(ctx context.Context, plan *sharedHostingPlanModel, diags *diag.Diagnostics) {
	account, err := parseAccountID(plan.AccountID.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("account_id"), "Invalid account id", err.Error())
		return
	}
	if !plan.LastOrder.IsUnknown() {
		return
	}
	if account.isV2() {
		r.buyV2(ctx, account, plan, diags)
	} else {
		r.buyV1(ctx, account, plan, diags)
	}
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

func (r *sharedHostingPlanResource) buyV2(ctx context.Context, account accountRef, plan *sharedHostingPlanModel, diags *diag.Diagnostics) {
	target := plan.ProductSlug.ValueString()
	res, err := r.client.UpgradeSharedHosting(ctx, account.v2, plan.upgradeRequest())
	switch {
	case err == nil:
		var d diag.Diagnostics
		plan.LastOrder, d = lastOrderFromV2(ctx, res)
		diags.Append(d...)
		warnIfChargedOtherThanPreviewed(ctx, plan, res, diags)
		tflog.Info(ctx, "upgraded shared hosting plan", map[string]any{"account_id": account.String(), "product_slug": target})
	case client.HasCode(err, client.ErrorCodeSameProductPlan):
		// Already there (changed outside Terraform since the plan): converged.
		plan.LastOrder = types.ObjectNull(lastOrderAttrTypes)
	case client.HasCode(err, client.ErrorCodeUpstreamRenewalRegenerationFailed):
		// HostUp committed the change but failed to make the renewal
		// invoice: confirm, and never resend.
		if !r.confirmCommitted(ctx, account, plan, err, diags) {
			return
		}
		diags.AddWarning("HostUp made no renewal invoice for the new plan",
			fmt.Sprintf("Account %s was moved to %s, but HostUp reported that it could not regenerate the renewal invoice. "+
				"Contact HostUp support about the missing renewal invoice, quoting this:\n\n%s", account, target, err))
	case client.OutcomeUnknown(err):
		r.confirmCommitted(ctx, account, plan, err, diags)
	default:
		addAPIError(diags, "Could not move account "+account.String()+" to "+target, err, planErrorTarget)
	}
}

func (r *sharedHostingPlanResource) buyV1(ctx context.Context, account accountRef, plan *sharedHostingPlanModel, diags *diag.Diagnostics) {
	target := plan.ProductID.ValueString()
	res, err := r.client.UpgradeHostingAccountV1(ctx, account.v1, target)
	switch {
	case err == nil:
		var d diag.Diagnostics
		plan.LastOrder, d = lastOrderFromV1(ctx, res)
		diags.Append(d...)
		tflog.Info(ctx, "upgraded v1 hosting account", map[string]any{"account_id": account.String(), "product_id": target})
	case client.HasCode(err, client.ErrorCodeV1SameProduct):
		plan.LastOrder = types.ObjectNull(lastOrderAttrTypes)
	case client.OutcomeUnknown(err):
		r.confirmCommitted(ctx, account, plan, err, diags)
		return
	default:
		addAPIError(diags, "Could not upgrade account "+account.String()+" to product "+target, err,
			apiErrorTarget{attribute: path.Root("product_id")})
		return
	}
	// v1 names plans differently in its upgrade answer and its billing-cycle
	// route: read the account back so that state matches what Read will say.
	// The purchase stands either way, so a failed read is only a warning.
	plan.PriceChange = types.ObjectNull(priceChangeAttrTypes)
	var readDiags diag.Diagnostics
	if err := r.readCurrent(ctx, account, plan, &readDiags); err != nil {
		var d diag.Diagnostics
		plan.CurrentProduct, d = productValue(ctx, target, upgradedName(res))
		diags.Append(d...)
		diags.AddWarning("Upgrade done; the account could not be read back",
			fmt.Sprintf("Account %s was moved to product %s, but reading it back failed: %s. The next refresh will update the product name.", account, target, err))
	}
}

// upgradedName is the product name a v1 upgrade reported, if it answered.
func upgradedName(res *client.HostingUpgradeV1Result) string {
	if res == nil {
		return ""
	}
	return res.UpgradedTo.Name
}

// confirmCommitted decides, after a purchase whose outcome is unknown (no
// answer, or a 5xx), whether it happened, by reading the account, and
// reports whether it did. It never resends: HostUp has no idempotency key,
// and a second request could buy twice.
func (r *sharedHostingPlanResource) confirmCommitted(ctx context.Context, account accountRef, plan *sharedHostingPlanModel, cause error, diags *diag.Diagnostics) bool {
	want := plan.target().ValueString()
	current := *plan
	var readDiags diag.Diagnostics
	if err := r.readCurrent(ctx, account, &current, &readDiags); err != nil || current.target().ValueString() != want {
		diags.AddAttributeError(path.Root("account_id"), "Plan change may not have been carried out",
			fmt.Sprintf("The request to move account %s to %s failed without a clear answer, and the account could not be confirmed "+
				"on the new plan. Nothing was resent, so nothing can have been bought twice. Check the account and its invoices "+
				"in HostUp's control panel, then run terraform plan again.\n\nThe request failed with: %s", account, want, cause))
		diags.Append(readDiags...)
		return false
	}
	plan.LastOrder = types.ObjectNull(lastOrderAttrTypes)
	// v1 plans leave the product and price unknown; take them from HostUp.
	if plan.CurrentProduct.IsUnknown() {
		plan.CurrentProduct = current.CurrentProduct
	}
	if plan.PriceChange.IsUnknown() {
		plan.PriceChange = types.ObjectNull(priceChangeAttrTypes)
	}
	if !client.HasCode(cause, client.ErrorCodeUpstreamRenewalRegenerationFailed) {
		diags.AddWarning("Plan changed, but HostUp's answer was lost",
			fmt.Sprintf("Account %s is now on %s, but the answer to the purchase was lost (%s), so last_order is unknown. "+
				"Find the order and invoice in HostUp's control panel.", account, want, cause))
	}
	return true
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
	if account.isV2() {
		opts, err := r.client.GetSharedHostingUpgradeOptions(ctx, account.v2)
		if err != nil {
			if !client.IsNotFound(err) {
				addAPIError(diags, "Could not read the plan of account "+account.String(), err, apiErrorTarget{attribute: path.Root("account_id")})
			}
			return err
		}
		acct, err := r.client.GetSharedHostingAccount(ctx, account.v2)
		if err != nil {
			if !client.IsNotFound(err) {
				addAPIError(diags, "Could not read account "+account.String(), err, apiErrorTarget{attribute: path.Root("account_id")})
			}
			return err
		}
		m.ProductSlug = types.StringValue(opts.CurrentPackage.ProductSlug)
		m.Domain = types.StringValue(opts.Domain)
		m.ServiceStatus = types.StringValue(acct.ServiceStatus)
		m.CurrentProduct, d = productValue(ctx, opts.CurrentPackage.ProductSlug, opts.CurrentPackage.Name)
	} else {
		info, err := r.client.GetHostingBillingCycle(ctx, account.v1)
		if err != nil {
			if !client.IsNotFound(err) {
				addAPIError(diags, "Could not read the plan of account "+account.String(), err, apiErrorTarget{attribute: path.Root("account_id")})
			}
			return err
		}
		m.ProductID = types.StringValue(info.ProductID)
		m.Domain = types.StringValue(info.AccountDetails.Domain)
		m.ServiceStatus = types.StringNull()
		m.CurrentProduct, d = productValue(ctx, info.ProductID, info.AccountDetails.Name)
	}
	diags.Append(d...)
	m.PriceChange = types.ObjectNull(priceChangeAttrTypes)
	if m.LastOrder.IsUnknown() {
		m.LastOrder = types.ObjectNull(lastOrderAttrTypes)
	}
	// Imported resources have no configuration yet: give the flags their defaults.
	if m.AllowDowngrade.IsNull() {
		m.AllowDowngrade = types.BoolValue(false)
	}
	if m.CancelExistingInvoice.IsNull() {
		m.CancelExistingInvoice = types.BoolValue(false)
	}
	return nil
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

func (m *sharedHostingPlanModel) upgradeRequest() client.SharedHostingUpgrade {
	return client.SharedHostingUpgrade{
		ProductSlug:           m.ProductSlug.ValueString(),
		CancelExistingInvoice: m.CancelExistingInvoice.ValueBool(),
	}
}

// exceedsMaxAmount reports whether amount is above the spend guard.
func exceedsMaxAmount(maxAmount types.Number, amount client.Amount, diags *diag.Diagnostics) bool {
	if maxAmount.IsNull() || maxAmount.IsUnknown() {
		return false
	}
	limit, err := amountFromNumber(maxAmount)
	if err != nil {
		diags.AddAttributeError(path.Root("max_amount"), "Invalid max_amount", err.Error())
		return false
	}
	return amount.GreaterThan(limit.Decimal)
}

// warnIfChargedOtherThanPreviewed flags the (narrow) race where the price
// changed between the apply-time preview and the purchase.
func warnIfChargedOtherThanPreviewed(ctx context.Context, plan *sharedHostingPlanModel, res *client.SharedHostingUpgradeResult, diags *diag.Diagnostics) {
	if res.PaymentInvoice == nil || plan.PriceChange.IsNull() || plan.PriceChange.IsUnknown() {
		return
	}
	var pc priceChangeModel
	if d := plan.PriceChange.As(ctx, &pc, basetypesObjectAsOptions); d.HasError() {
		return
	}
	if numberValue(res.PaymentInvoice.Amount).Equal(pc.Amount) {
		return
	}
	diags.AddWarning("Charged amount differs from the preview",
		fmt.Sprintf("HostUp invoiced %s %s for the plan change, while its preview said %s. Check invoice %s in HostUp's control panel.",
			res.PaymentInvoice.Amount, res.PaymentInvoice.CurrencyCode, pc.Amount.ValueBigFloat().Text('f', -1), res.PaymentInvoice.Number))
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
