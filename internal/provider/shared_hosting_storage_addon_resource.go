package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

var (
	_ resource.Resource                = (*storageAddonResource)(nil)
	_ resource.ResourceWithConfigure   = (*storageAddonResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*storageAddonResource)(nil)
	_ resource.ResourceWithImportState = (*storageAddonResource)(nil)
	_ resource.ResourceWithIdentity    = (*storageAddonResource)(nil)
)

// NewStorageAddonResource is the hostup_shared_hosting_storage_addon resource.
func NewStorageAddonResource() resource.Resource {
	return &storageAddonResource{}
}

// storageAddonResource is one purchased storage block. HostUp's blocks stack
// (every accepted order buys one more), and HostUp has no preview, no
// idempotency key and no list of bought blocks: so the resource is the
// purchase itself, identified by its order, and it is bought at most once.
type storageAddonResource struct {
	client *client.Client
	flow   *purchaseFlow
}

// orderStatusOutcomeUnknown is order_status of a purchase whose answer was
// lost: the block may or may not have been bought.
const orderStatusOutcomeUnknown = "outcome_unknown"

// storageAddonModel is the resource's state.
type storageAddonModel struct {
	purchaseFields
	AccountID     types.String `tfsdk:"account_id"`
	AddonID       types.String `tfsdk:"addon_id"`
	PaymentMethod types.String `tfsdk:"payment_method"`
	OrderID       types.String `tfsdk:"order_id"`
	InvoiceID     types.String `tfsdk:"invoice_id"`
	RedirectURL   types.String `tfsdk:"redirect_url"`
	OrderStatus   types.String `tfsdk:"order_status"`
	SizeGB        types.Int64  `tfsdk:"size_gb"`
	RequestedAt   types.String `tfsdk:"requested_at"`
}

// storageAddonIdentity is the resource identity: the order, on its account.
type storageAddonIdentity struct {
	AccountID types.String `tfsdk:"account_id"`
	OrderID   types.String `tfsdk:"order_id"`
}

func (r *storageAddonResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_shared_hosting_storage_addon"
}

func (r *storageAddonResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "One block of extra storage bought for a v2 shared-hosting account. `terraform plan` shows " +
			"its price (`price_change`, the tier's price from HostUp's tier list) before anything is bought; " +
			"`terraform apply` buys exactly one block and records its order. Blocks stack: `count = 2` buys two.\n\n" +
			"HostUp has no preview, no idempotency key and no list of bought blocks, so this resource **is** the " +
			"purchase: it is bought once and never again by itself. Changing `account_id` or `addon_id` buys a new " +
			"block, and the old one stays bought (the plan warns). Destroying the resource only forgets the block: it " +
			"stays bought and billed. Import takes `acct_…/ord_…`.\n\n" +
			"If the tier's price changes between a saved plan and its apply, the apply stops before anything is bought " +
			"with Terraform's \"Provider produced inconsistent final plan\" error naming `price_change`: plan again to " +
			"see the new price.\n\n" +
			"When the purchase's answer is lost (a dropped connection, a time-out, an HTTP 5xx, or an answer without an " +
			"order id), nothing is resent: the apply fails and state records the attempt with `order_status = " +
			"\"" + orderStatusOutcomeUnknown + "\"` and no `order_id`. Every later plan and apply then stops with an " +
			"error, before any request is sent, until you resolve it: if the block was bought (see HostUp's control " +
			"panel), `terraform state rm` the resource and `terraform import` it as `acct_…/ord_…`; if it was not, " +
			"`terraform state rm` it (or use a `removed` block) and apply again. Two things bypass that stop and " +
			"cannot be protected this way: `lifecycle { create_before_destroy = true }` (the replacement is bought " +
			"before the failed attempt is looked at) and `-refresh=false` together with it; do not use them on this " +
			"resource.",
		Attributes: map[string]schema.Attribute{
			"account_id": schema.StringAttribute{
				MarkdownDescription: "The account's v2 id (`acct_…`; `hostup_shared_hosting_accounts` lists them). " +
					"Changing it buys a new block on the new account; the old block stays bought.",
				Required:      true,
				Validators:    []validator.String{v2AccountIDValidator{}},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"addon_id": schema.StringAttribute{
				MarkdownDescription: "The storage tier to buy, e.g. `storage-10gb` (`hostup_shared_hosting_storage_tiers` " +
					"lists them with their prices). An unknown or unavailable tier fails the plan with the available ones. " +
					"Changing it buys a new block; the old block stays bought. An imported block has no `addon_id` in " +
					"state (HostUp's order does not say it), and setting it then buys nothing.",
				Required:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(
					func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
						resp.RequiresReplace = !req.StateValue.IsNull()
					},
					"Changing the tier buys a new block, unless state has none recorded (after an import).",
					"Changing the tier buys a new block, unless state has none recorded (after an import).",
				)},
			},
			"payment_method": schema.StringAttribute{
				MarkdownDescription: "`card` or `invoice`; unset leaves HostUp's normal invoice flow. Sent with the " +
					"purchase only: changing it later buys nothing and changes nothing at HostUp.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(client.PaymentMethodCard, client.PaymentMethodInvoice)},
			},
			"max_amount": maxAmountSchema(" Changing it later buys nothing."),
			"order_id": schema.StringAttribute{
				MarkdownDescription: "The order of the block (`ord_…`): the resource's id. Null while " +
					"`order_status` is `" + orderStatusOutcomeUnknown + "`.",
				Computed: true,
			},
			"invoice_id": schema.StringAttribute{
				MarkdownDescription: "The block's invoice (`inv_…`).",
				Computed:            true,
			},
			"redirect_url": schema.StringAttribute{
				MarkdownDescription: "Where to pay the invoice, relative to HostUp's control panel. Null after an import.",
				Computed:            true,
			},
			"order_status": schema.StringAttribute{
				MarkdownDescription: "The order's status at HostUp (`pending`, `active`, `completed`, `cancelled`, " +
					"`failed`), refreshed on every read; or `" + orderStatusOutcomeUnknown + "` when the purchase's answer " +
					"was lost (see above). A cancelled or failed order stays in state, with a warning: it is never bought " +
					"again by itself.",
				Computed: true,
			},
			"size_gb": schema.Int64Attribute{
				MarkdownDescription: "Disk space the block adds, in GB, from the tier list; known during `plan`. Null after an import.",
				Computed:            true,
			},
			"requested_at": schema.StringAttribute{
				MarkdownDescription: "When this provider sent the purchase (RFC 3339, UTC). Null after an import.",
				Computed:            true,
			},
			"price_change": priceChangeSchema(),
			"price_status": priceStatusSchema(),
			"last_order":   lastOrderSchema(),
		},
	}
}

func (r *storageAddonResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"account_id": identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       "The account's v2 id (`acct_…`).",
			},
			"order_id": identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       "The block's order (`ord_…`).",
			},
		},
	}
}

func (r *storageAddonResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client, r.flow = purchaseFlowFromProviderData(req.ProviderData, &resp.Diagnostics)
}

func (r *storageAddonResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	modifyPaidPlan[storageAddonModel](ctx, r, r.flow, req, resp)
}

func (r *storageAddonResource) destroyWarning() (string, string) {
	return "Destroying hostup_shared_hosting_storage_addon keeps the storage",
		"Removing this resource only stops Terraform from managing the storage block. The block stays bought and billed at HostUp; nothing is cancelled or refunded."
}

func (r *storageAddonResource) replacementWarning(plan, state *storageAddonModel) (string, string) {
	return "Replacing a storage block buys another one; the old one stays bought",
		fmt.Sprintf("%s cannot be changed on a bought block, so this plan buys a new block (%s on account %s). The block "+
			"already bought (order %s, %s on account %s) stays bought and billed at HostUp: Terraform only forgets it.",
			replacedAttribute(plan, state), plan.AddonID.ValueString(), plan.AccountID.ValueString(),
			valueOrNone(state.OrderID), state.AddonID.ValueString(), state.AccountID.ValueString())
}

func replacedAttribute(plan, state *storageAddonModel) string {
	if !plan.AccountID.Equal(state.AccountID) {
		return "account_id"
	}
	return "addon_id"
}

func (r *storageAddonResource) noun() string { return "storage" }

func (r *storageAddonResource) configured() bool { return r.client != nil }

// planChange prices a new block from the account's tier list.
func (r *storageAddonResource) planChange(ctx context.Context, plan, _ *storageAddonModel, diags *diag.Diagnostics) {
	r.flow.plan(ctx, &plan.purchaseFields, plan.guards(), r.change(plan), diags)
}

// storageErrorTarget places v2 field errors of the storage order.
var storageErrorTarget = apiErrorTarget{
	attribute: path.Root("addon_id"),
	pointers: map[string]path.Path{
		"/addonId":       path.Root("addon_id"),
		"/paymentMethod": path.Root("payment_method"),
		"/accountId":     path.Root("account_id"),
	},
}

// change describes the purchase of one block for the purchase flow. HostUp
// has nothing to read that would confirm a lost purchase, so confirm is nil.
func (r *storageAddonResource) change(plan *storageAddonModel) *paidChange {
	account := plan.AccountID.ValueString()
	order := client.StorageAddonOrder{AddonID: plan.AddonID.ValueString(), PaymentMethod: plan.PaymentMethod.ValueString()}
	return &paidChange{
		subject:   "account " + account,
		lockKey:   "hosting:" + account,
		action:    "buy storage " + order.AddonID + " for account " + account,
		attribute: path.Root("addon_id"),
		errTarget: storageErrorTarget,
		purchase:  true,
		inspect: func(ctx context.Context, diags *diag.Diagnostics) *quote {
			return r.inspect(ctx, account, plan, diags)
		},
		price: func(_ context.Context, q *quote, _ *diag.Diagnostics) bool {
			t := q.commitData.(client.StorageTier)
			q.price = &client.PriceChange{Amount: t.Price, RecurringAmount: t.Price, CurrencyCode: t.CurrencyCode, BillingCycle: t.BillingCycle}
			return true
		},
		commit: func(ctx context.Context, _ *quote) (*receipt, error) { return r.commit(ctx, account, order) },
	}
}

// inspect checks the tier against the account's tier list and HostUp's
// canAddStorage gate, and fills size_gb. It runs at plan time and again
// under the lock before the purchase.
func (r *storageAddonResource) inspect(ctx context.Context, account string, plan *storageAddonModel, diags *diag.Diagnostics) *quote {
	list, err := r.client.ListStorageTiers(ctx, account)
	if err != nil {
		addAPIError(diags, "Could not read the storage tiers of account "+account, err, apiErrorTarget{attribute: path.Root("account_id")})
		return nil
	}
	addonID := plan.AddonID.ValueString()
	tier, found := findStorageTier(list.Tiers, addonID)
	gate := list.Actions.CanAddStorage
	switch {
	case !found:
		diags.AddAttributeError(path.Root("addon_id"), "Unknown storage tier",
			fmt.Sprintf("%q is not a storage tier of account %s. Available: %s. Nothing was bought.",
				addonID, account, describeAvailableTiers(list.Tiers)))
		return nil
	case !tier.Available:
		diags.AddAttributeError(path.Root("addon_id"), "Storage tier not available",
			fmt.Sprintf("HostUp does not sell %q to account %s now: %s. Available: %s. Nothing was bought.",
				addonID, account, valueOr(tier.Reason, "no reason given"), describeAvailableTiers(list.Tiers)))
		return nil
	case !gate.Allowed:
		diags.AddAttributeError(path.Root("account_id"), "HostUp does not accept a storage order now",
			fmt.Sprintf("HostUp refuses to add storage to account %s now: %s (code %s). Nothing was bought; try again once that is resolved.",
				account, valueOr(gate.Reason, "no reason given"), valueOr(gate.Code, "none")))
		return nil
	}
	plan.SizeGB = types.Int64Value(int64(tier.SizeGB))
	return &quote{to: tier.ID, toName: tier.Name, commitData: tier}
}

func findStorageTier(tiers []client.StorageTier, id string) (client.StorageTier, bool) {
	for _, t := range tiers {
		if t.ID == id {
			return t, true
		}
	}
	return client.StorageTier{}, false
}

// describeAvailableTiers lists the tiers the account can buy, with prices,
// in HostUp's order.
func describeAvailableTiers(tiers []client.StorageTier) string {
	var out []string
	for _, t := range tiers {
		if t.Available {
			out = append(out, fmt.Sprintf("%q (%s %s %s)", t.ID, t.Price, t.CurrencyCode, t.BillingCycle))
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, ", ")
}

// commit buys one block, then reads its invoice so that the charge can be
// checked against the tier's price. The client refuses an answer without an
// order id as an unknown outcome, as a lost answer is.
func (r *storageAddonResource) commit(ctx context.Context, account string, order client.StorageAddonOrder) (*receipt, error) {
	res, err := r.client.OrderStorageAddon(ctx, account, order)
	if err != nil {
		return nil, err
	}
	out := &receipt{lastOrder: lastOrderModel{
		OrderID:       types.StringValue(*res.OrderID),
		InvoiceID:     stringPointerValue(res.InvoiceID),
		InvoiceNumber: types.StringNull(),
		Amount:        types.NumberNull(),
		CurrencyCode:  types.StringNull(),
		DueAt:         types.StringNull(),
		Status:        types.StringNull(),
		PaymentURL:    stringPointerValue(res.RedirectURL),
	}}
	if res.InvoiceID == nil || *res.InvoiceID == "" {
		return out, nil
	}
	inv, err := r.client.GetInvoice(ctx, *res.InvoiceID)
	if err != nil {
		out.chargeUnread = err
		return out, nil
	}
	out.invoiced, out.charged = true, inv.Amount
	out.lastOrder.InvoiceNumber = nonEmptyString(string(inv.Number))
	out.lastOrder.Amount = numberValue(inv.Amount)
	out.lastOrder.CurrencyCode = nonEmptyString(inv.CurrencyCode)
	out.lastOrder.DueAt = nonEmptyString(inv.DueAt)
	out.lastOrder.Status = nonEmptyString(inv.Status)
	return out, nil
}

func (r *storageAddonResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.applyPlan(ctx, req.Plan, &resp.State, resp.Identity, &resp.Diagnostics)
}

func (r *storageAddonResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.applyPlan(ctx, req.Plan, &resp.State, resp.Identity, &resp.Diagnostics)
}

// applyPlan is Create and Update alike: buy the block if the plan holds a
// purchase (only a create does), and store the plan, which already holds
// what state must become. A purchase whose answer was lost is recorded as
// such, so that nothing buys it again until the user has looked.
func (r *storageAddonResource) applyPlan(ctx context.Context, planned tfsdk.Plan, state *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	var plan storageAddonModel
	diags.Append(planned.Get(ctx, &plan)...)
	if diags.HasError() {
		return
	}
	requestedAt := types.StringValue(time.Now().UTC().Format(time.RFC3339))
	switch r.flow.apply(ctx, &plan.purchaseFields, plan.guards(), r.change(&plan), diags) {
	case outcomeRefused:
		return
	case outcomeUncertain:
		plan.recordOutcomeUnknown(requestedAt)
		diags.AddAttributeError(path.Root("order_id"), "Storage block may have been bought",
			fmt.Sprintf("State records this purchase with order_status = %q and no order id, and every plan and apply "+
				"stops here, before anything is sent, until you resolve it:\n"+
				"  - if HostUp's control panel shows the block (an order for %s on account %s around %s): run "+
				"terraform state rm on this resource, then terraform import it as %s/ord_… (its order id);\n"+
				"  - if it shows none: run terraform state rm on this resource (or declare a removed block), then "+
				"terraform apply to buy it.", orderStatusOutcomeUnknown, plan.AddonID.ValueString(),
				plan.AccountID.ValueString(), requestedAt.ValueString(), plan.AccountID.ValueString()))
	case outcomeBought:
		diags.Append(plan.recordPurchase(ctx, requestedAt)...)
		r.readOrderStatus(ctx, &plan, diags)
	}
	if plan.PriceChange.IsUnknown() {
		plan.PriceChange = types.ObjectNull(priceChangeAttrTypes)
	}
	diags.Append(state.Set(ctx, &plan)...)
	diags.Append(identity.Set(ctx, plan.identity())...)
}

// recordPurchase fills the order's attributes from last_order, which the
// purchase flow set from HostUp's answer.
func (m *storageAddonModel) recordPurchase(ctx context.Context, requestedAt types.String) diag.Diagnostics {
	var bought lastOrderModel
	d := m.LastOrder.As(ctx, &bought, basetypesObjectAsOptions)
	m.OrderID = bought.OrderID
	m.InvoiceID = bought.InvoiceID
	m.RedirectURL = bought.PaymentURL
	m.RequestedAt = requestedAt
	return d
}

// recordOutcomeUnknown is the state of a purchase whose answer was lost.
func (m *storageAddonModel) recordOutcomeUnknown(requestedAt types.String) {
	m.OrderID = types.StringNull()
	m.InvoiceID = types.StringNull()
	m.RedirectURL = types.StringNull()
	m.OrderStatus = types.StringValue(orderStatusOutcomeUnknown)
	m.RequestedAt = requestedAt
	m.LastOrder = types.ObjectNull(lastOrderAttrTypes)
}

// readOrderStatus fills order_status after a purchase. A failed read does not
// undo the purchase: the status is then left for the next refresh.
func (r *storageAddonResource) readOrderStatus(ctx context.Context, m *storageAddonModel, diags *diag.Diagnostics) {
	m.OrderStatus = types.StringNull()
	if m.OrderID.IsNull() {
		return
	}
	order, err := r.client.GetOrder(ctx, m.OrderID.ValueString())
	if err != nil {
		diags.AddWarning("Could not read the new order's status",
			fmt.Sprintf("The block was bought (order %s), but reading the order failed: %s. order_status is left null until the next refresh.",
				m.OrderID.ValueString(), err))
		return
	}
	m.OrderStatus = types.StringValue(order.Status)
	if order.InvoiceID != nil && m.InvoiceID.IsNull() {
		m.InvoiceID = types.StringValue(*order.InvoiceID)
	}
}

func (r *storageAddonResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state storageAddonModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if state.outcomeUnknown() {
		addOutcomeUnknownError(&resp.Diagnostics, &state)
		return
	}
	orderID := state.OrderID.ValueString()
	order, err := r.client.GetOrder(ctx, orderID)
	switch {
	case client.IsNotFound(err):
		resp.Diagnostics.AddAttributeError(path.Root("order_id"), "Storage order not found",
			fmt.Sprintf("HostUp answers that order %s (a storage block on account %s) does not exist, or is not visible to "+
				"this API key. The provider keeps it in state: removing it would make the next apply buy another block. "+
				"Check the order in HostUp's control panel. To stop managing it, run terraform state rm on this resource "+
				"(or declare a removed block); to buy a new block, do that and apply again.",
				orderID, state.AccountID.ValueString()))
		return
	case err != nil:
		addAPIError(&resp.Diagnostics, "Could not read storage order "+orderID, err, apiErrorTarget{attribute: path.Root("order_id")})
		return
	}
	state.OrderStatus = types.StringValue(order.Status)
	state.InvoiceID = stringPointerValue(order.InvoiceID)
	if order.Status == client.OrderStatusCancelled || order.Status == client.OrderStatusFailed {
		resp.Diagnostics.AddAttributeWarning(path.Root("order_status"), "Storage order is "+order.Status,
			fmt.Sprintf("HostUp reports order %s (a storage block on account %s) as %s. It stays in state and is never "+
				"bought again by itself. To buy a new block, run terraform apply -replace on this resource.",
				orderID, state.AccountID.ValueString(), order.Status))
	}
	state.settled()
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, state.identity())...)
}

func (r *storageAddonResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state storageAddonModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if state.outcomeUnknown() {
		addOutcomeUnknownError(&resp.Diagnostics, &state)
		return
	}
	resp.Diagnostics.AddWarning("Storage block stays bought",
		fmt.Sprintf("Storage order %s on account %s was removed from Terraform state only. The block stays bought and "+
			"billed at HostUp; nothing was cancelled or refunded.", state.OrderID.ValueString(), state.AccountID.ValueString()))
}

// addOutcomeUnknownError stops any plan or apply that would act on a
// purchase whose answer was lost: its replacement would buy again.
func addOutcomeUnknownError(diags *diag.Diagnostics, m *storageAddonModel) {
	diags.AddAttributeError(path.Root("order_status"), "Storage purchase with an unknown outcome",
		fmt.Sprintf("The purchase of storage %s for account %s, sent at %s, got no usable answer, so it may or may not "+
			"have been bought. Nothing is sent until you resolve it, because buying again could buy a second block:\n"+
			"  - if HostUp's control panel shows the block: run terraform state rm on this resource, then terraform import "+
			"it as %s/ord_… (its order id);\n"+
			"  - if it shows none: run terraform state rm on this resource (or declare a removed block), then terraform apply.",
			m.AddonID.ValueString(), m.AccountID.ValueString(), valueOrNone(m.RequestedAt), m.AccountID.ValueString()))
}

func (r *storageAddonResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var id storageAddonIdentity
	if req.ID != "" {
		account, order, err := parseStorageAddonImportID(req.ID)
		if err != nil {
			resp.Diagnostics.AddError("Invalid import id", err.Error())
			return
		}
		id = storageAddonIdentity{AccountID: types.StringValue(account), OrderID: types.StringValue(order)}
	} else {
		resp.Diagnostics.Append(req.Identity.Get(ctx, &id)...)
		if resp.Diagnostics.HasError() {
			return
		}
		if _, _, err := parseStorageAddonImportID(id.AccountID.ValueString() + "/" + id.OrderID.ValueString()); err != nil {
			resp.Diagnostics.AddError("Invalid import identity", err.Error())
			return
		}
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("account_id"), id.AccountID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("order_id"), id.OrderID)...)
	if resp.Identity != nil {
		resp.Diagnostics.Append(resp.Identity.Set(ctx, id)...)
	}
}

// v2OrderIDPattern is a v2 order id, as HostUp's answers name them.
var v2OrderIDPattern = regexp.MustCompile(`^ord_[0-9a-z]{1,64}$`)

// parseStorageAddonImportID reads "acct_…/ord_…".
func parseStorageAddonImportID(s string) (account, order string, err error) {
	account, order, ok := strings.Cut(s, "/")
	if !ok {
		return "", "", fmt.Errorf("%q: want the account's v2 id and the block's order id, as acct_…/ord_…", s)
	}
	ref, err := parseAccountID(account)
	if err != nil {
		return "", "", err
	}
	if !ref.isV2() {
		return "", "", fmt.Errorf("%s is a v1 account id; storage is managed by the account's acct_… id (the hostup_shared_hosting_accounts data source lists them)", account)
	}
	if !v2OrderIDPattern.MatchString(order) {
		return "", "", fmt.Errorf("%q is not a v2 order id (ord_ followed by lowercase letters and digits)", order)
	}
	return account, order, nil
}

// purchase, unknownInput, sameSubject, sameTarget and keepComputed are what
// the purchase flow's plan skeleton needs of the model.
func (m *storageAddonModel) purchase() *purchaseFields { return &m.purchaseFields }

func (m *storageAddonModel) unknownInput() (path.Path, bool) {
	switch {
	case m.AccountID.IsUnknown():
		return path.Root("account_id"), true
	case m.AddonID.IsUnknown():
		return path.Root("addon_id"), true
	}
	return path.Empty(), false
}

// sameSubject: the same purchase. Another account, or another tier than the
// one bought, is a new purchase; an imported block records no tier.
func (m *storageAddonModel) sameSubject(state *storageAddonModel) bool {
	return state.AccountID.Equal(m.AccountID) && (state.AddonID.IsNull() || state.AddonID.Equal(m.AddonID))
}

// sameTarget: a block once bought has nothing left to buy; what else may
// change (payment_method, max_amount) changes in place.
func (m *storageAddonModel) sameTarget(*storageAddonModel) bool { return true }

func (m *storageAddonModel) keepComputed(state *storageAddonModel) {
	m.OrderID = state.OrderID
	m.InvoiceID = state.InvoiceID
	m.RedirectURL = state.RedirectURL
	m.OrderStatus = state.OrderStatus
	m.SizeGB = state.SizeGB
	m.RequestedAt = state.RequestedAt
	m.keep(&state.purchaseFields)
}

func (m *storageAddonModel) outcomeUnknown() bool {
	return m.OrderStatus.ValueString() == orderStatusOutcomeUnknown
}

func (m *storageAddonModel) identity() storageAddonIdentity {
	return storageAddonIdentity{AccountID: m.AccountID, OrderID: m.OrderID}
}

func (m *storageAddonModel) guards() changeGuards {
	return changeGuards{maxAmount: m.MaxAmount}
}
