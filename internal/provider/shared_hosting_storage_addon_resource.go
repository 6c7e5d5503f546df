package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
	"github.com/hostup/terraform-provider-hostup/internal/provider/purchase"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

// storageAddonResource is one purchased storage block. HostUp's blocks stack
// (every accepted order buys one more), and HostUp has no preview, no
// idempotency key and no list of bought blocks: so the resource is the
// purchase itself, identified by its order, and it is bought at most once.
type storageAddonResource struct {
	purchase.Resource[storageAddonModel, *storageAddonModel]
}

// NewStorageAddonResource is the hostup_shared_hosting_storage_addon resource.
func NewStorageAddonResource() resource.Resource {
	return &storageAddonResource{purchase.NewResource[storageAddonModel, *storageAddonModel](storageKind{})}
}

// storageKind is what a storage block supplies to the purchase engine.
type storageKind struct{}

func (storageKind) Descriptor() purchase.Descriptor {
	return purchase.Descriptor{
		TypeName: "shared_hosting_storage_addon",
		Noun:     "storage",
		// Another account or tier is another purchase; an imported block
		// records no tier.
		Subject: []string{"account_id", "addon_id"},
		// A block once bought has nothing left to buy: what else may change
		// (payment_method, max_amount) changes in place.
		Targets: nil,
		Inputs:  []string{"account_id", "addon_id"},
		Identity: []purchase.IdentityAttribute{
			{Name: "account_id", Description: "The account's v2 id (`acct_…`)."},
			{Name: "order_id", Description: "The block's order (`ord_…`)."},
		},
		ParseImportID: parseStorageAddonImportID,
		ImportForm:    "acct_…/ord_… (the account and the block's order id)",
		Keeps:         purchase.Keeps{Summary: "Storage block stays bought", Detail: "The block stays bought and billed at HostUp"},
		MaxAmountNote: " Changing it later buys nothing.",
		Lookup:        accountLookup,
	}
}

func (storageKind) Schema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "One block of extra storage bought for a v2 shared-hosting account. `terraform plan` shows its " +
			"price (`price_change`, the tier's price from HostUp's tier list) before anything is bought; `terraform apply` " +
			"buys exactly one block and records its order. Blocks stack: `count = 2` buys two. The resource **is** the " +
			"purchase: a new `account_id` or `addon_id`, or a replacement, buys a new block while the old one stays bought " +
			"and billed; destroying it only forgets the block. Import takes `acct_…/ord_…`." +
			scopesNote("hostup_shared_hosting_storage_addon"),
		Attributes: map[string]schema.Attribute{
			"account_id": subjectAttribute("The account's v2 id (`acct_…`; `hostup_shared_hosting_accounts` lists them). "+
				"Changing it buys a new block on the new account; the old block stays bought.", v2AccountIDValidator),
			"addon_id": schema.StringAttribute{
				MarkdownDescription: "The storage tier to buy, e.g. `storage-10gb` (`hostup_shared_hosting_storage_tiers` lists " +
					"them with prices); needed to buy a block. Changing it buys a new block; the old one stays bought. An " +
					"imported block has none in state (HostUp's order does not name its tier), and setting it then buys nothing.",
				Optional:   true,
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
				MarkdownDescription: "`card` or `invoice`; unset leaves HostUp's normal invoice flow. Sent with the purchase " +
					"only: changing it later buys nothing and changes nothing at HostUp.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(client.PaymentMethodCard, client.PaymentMethodInvoice)},
			},
			"order_id": schema.StringAttribute{Computed: true, MarkdownDescription: "The block's order (`ord_…`): its " +
				"identity. Null while `order_status` is `" + orderStatusOutcomeUnknown + "`."},
			"invoice_id":   schema.StringAttribute{Computed: true, MarkdownDescription: "The block's invoice (`inv_…`)."},
			"redirect_url": schema.StringAttribute{Computed: true, MarkdownDescription: "Where to pay the invoice, relative to HostUp's control panel. Null after an import."},
			"order_status": schema.StringAttribute{Computed: true, MarkdownDescription: "The order's status at HostUp " +
				"(`pending`, `active`, `completed`, `cancelled`, `failed`), refreshed on every read; or `" +
				orderStatusOutcomeUnknown + "` when the purchase's answer was lost: every plan then stops until it is resolved " +
				"(see the guide \"When an apply stops\")."},
			"size_gb":      schema.Int64Attribute{Computed: true, MarkdownDescription: "Disk space the block adds, in GB; known during `plan`. Null after an import."},
			"requested_at": schema.StringAttribute{Computed: true, MarkdownDescription: "When this provider sent the purchase (RFC 3339, UTC). Null after an import."},
		},
	}
}

func (storageKind) NewChange(c *client.Client, plan, _ *storageAddonModel) (purchase.Change, error) {
	if plan.AddonID.IsNull() {
		return nil, fmt.Errorf("buying a storage block needs addon_id, the tier to buy; the hostup_shared_hosting_storage_tiers data source lists them")
	}
	account := plan.AccountID.ValueString()
	order := plan.ToAPI()
	return &storageChange{client: c, account: account, order: order, plan: plan, about: purchase.About{
		Subject:     "account " + account,
		LockKey:     hostingLockKey(account),
		Action:      "buy storage " + order.AddonID + " for account " + account,
		Attribute:   path.Root("addon_id"),
		OnePurchase: true,
		Errors: apierror.Target{Attribute: path.Root("addon_id"), Lookup: accountLookup, Pointers: map[string]path.Path{
			"/addonId": path.Root("addon_id"), "/paymentMethod": path.Root("payment_method"),
		}},
	}}, nil
}

// Read refreshes the order's status. An order HostUp does not know stays in
// state, with an error: forgetting it would make the next apply buy another
// block. An imported order is checked to be a storage block of the account.
func (storageKind) Read(ctx context.Context, env purchase.Env, m *storageAddonModel) bool {
	orderID := m.OrderID.ValueString()
	order, err := env.Client.GetOrder(ctx, orderID)
	switch {
	case client.IsNotFound(err):
		env.Diags.AddAttributeError(path.Root("order_id"), "Storage order not found",
			fmt.Sprintf("HostUp answers that order %s (a storage block on account %s) does not exist, or is not visible to "+
				"this API key. The provider keeps it in state: removing it would make the next apply buy another block. "+
				"Check the order in HostUp's control panel. To stop managing it, run terraform state rm on this resource "+
				"(or declare a removed block); to buy a new block, do that and apply again.", orderID, m.AccountID.ValueString()))
		return false
	case err != nil:
		apierror.Add(env.Diags, "Could not read storage order "+orderID, err, apierror.At(path.Root("order_id"), ""))
		return false
	}
	if m.Imported() && !verifyStorageOrder(ctx, env, m.AccountID.ValueString(), order) {
		return false
	}
	m.FromAPI(order)
	if order.Status.Settled() {
		env.Diags.AddAttributeWarning(path.Root("order_status"), "Storage order is "+string(order.Status),
			fmt.Sprintf("HostUp reports order %s (a storage block on account %s) as %s. It stays in state and is never bought "+
				"again by itself. To buy a new block, run terraform apply -replace on this resource.", orderID, m.AccountID.ValueString(), order.Status))
	}
	if !m.InvoiceID.IsNull() {
		env.Ledger.NoteInvoiceOwner(m.InvoiceID.ValueString(), "storage order "+orderID+" (a hostup_shared_hosting_storage_addon)")
	}
	return false
}

// Record fills the order's attributes after a purchase from HostUp's
// answer, and records a purchase whose answer was lost as such, so that
// nothing buys it again until the user has looked.
func (storageKind) Record(ctx context.Context, env purchase.Env, outcome purchase.Outcome, plan *storageAddonModel) {
	switch outcome {
	case purchase.Uncertain:
		plan.recordOutcomeUnknown(env.SentAt)
	case purchase.Bought:
		// The order's status is read back with the rest of what is unknown.
		env.Diags.Append(plan.recordPurchase(ctx, env.SentAt)...)
	}
}

func (storageKind) ReplacementWarning(plan, state *storageAddonModel) (string, string) {
	attribute := "addon_id"
	if !plan.AccountID.Equal(state.AccountID) {
		attribute = "account_id"
	}
	return "Replacing a storage block buys another one; the old one stays bought",
		fmt.Sprintf("%s cannot be changed on a bought block, so this plan buys a new block (%s on account %s). The block "+
			"already bought (order %s, %s on account %s) stays bought and billed at HostUp: Terraform only forgets it.",
			attribute, plan.AddonID.ValueString(), plan.AccountID.ValueString(), tfvalue.Text(state.OrderID),
			state.AddonID.ValueString(), state.AccountID.ValueString())
}

// parseStorageAddonImportID reads "acct_…/ord_…".
func parseStorageAddonImportID(s string) ([]string, error) {
	account, order, ok := strings.Cut(s, "/")
	if !ok {
		return nil, fmt.Errorf("%q: want the account's v2 id and the block's order id, as acct_…/ord_…", s)
	}
	if _, err := parseV2AccountID(account); err != nil {
		return nil, err
	}
	if !v2OrderIDPattern.MatchString(order) {
		return nil, fmt.Errorf("%q is not a v2 order id (ord_ followed by lowercase letters and digits)", order)
	}
	return []string{account, order}, nil
}
