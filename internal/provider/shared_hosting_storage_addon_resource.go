package provider

import (
	"context"
	"fmt"

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
			{Name: "account_id", Form: "acct_…", Description: "The account's v2 id (`acct_…`).", Check: idCheck(parseV2AccountID)},
			{Name: "order_id", Form: "ord_…", Description: "The block's order (`ord_…`).", Check: checkV2OrderID},
		},
		Keeps:         purchase.Keeps{Summary: "Storage block stays bought", Detail: "The block stays bought and billed at HostUp"},
		MaxAmountNote: " Changing it later buys nothing.",
		PriceSource:   "the tier's price in the account's tier list (HostUp has no preview of a storage order)",
		Lookup:        accountLookup,
		Purchase: &purchase.PurchaseAttributes{OrderID: "order_id", InvoiceID: "invoice_id", PaymentURL: "redirect_url",
			Status: "order_status", SentAt: "requested_at"},
	}
}

func (storageKind) Schema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "One block of extra storage bought for a v2 shared-hosting account, priced in the plan at its " +
			"tier's price and bought once. Blocks stack: `count = 2` buys two. The resource **is** the purchase: a new " +
			"`account_id` or `addon_id`, or a replacement, buys a new block while the old one stays bought and billed; " +
			"destroying it only forgets the block." +
			scopesNote("hostup_shared_hosting_storage_addon"),
		Attributes: map[string]schema.Attribute{
			"account_id": subjectAttribute("The account's v2 id (`acct_…`; `hostup_shared_hosting_accounts` lists them). "+
				"Changing it buys a new block on the new account; the old block stays bought.", v2AccountIDValidator),
			"addon_id": schema.StringAttribute{
				MarkdownDescription: "The tier to buy, e.g. `storage-10gb` (`hostup_shared_hosting_storage_tiers` lists them). " +
					"Changing it buys a new block. An imported block has none (HostUp's order does not name it); setting it then buys nothing.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(
					func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
						resp.RequiresReplace = !req.StateValue.IsNull()
					}, "A new tier buys a new block, unless state has none.", "A new tier buys a new block, unless state has none.")},
			},
			"payment_method": schema.StringAttribute{
				MarkdownDescription: "`card` or `invoice`; unset is HostUp's invoice flow. Sent with the purchase only.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(client.PaymentMethodCard, client.PaymentMethodInvoice)},
			},
			"order_id": schema.StringAttribute{Computed: true, MarkdownDescription: "The block's order (`ord_…`): its " +
				"identity. Null while `order_status` is `" + purchase.OutcomeUnknown + "`."},
			"invoice_id":   schema.StringAttribute{Computed: true, MarkdownDescription: "The block's invoice (`inv_…`)."},
			"redirect_url": schema.StringAttribute{Computed: true, MarkdownDescription: "Where to pay the invoice, relative to HostUp's control panel. Null after an import."},
			"order_status": schema.StringAttribute{Computed: true, MarkdownDescription: "The order's status at HostUp " +
				"(`pending`, `completed`, `cancelled`, …); `" + purchase.OutcomeUnknown + "` when the purchase's answer was " +
				"lost (see the guide \"When an apply stops\")."},
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
	return &storageChange{paidChange: accountChange(c, account, "buy storage "+order.AddonID+" for account "+account, "addon_id"),
		account: account, order: order, plan: plan}, nil
}

// Read refreshes the order's status. An order HostUp does not know stays in
// state, with an error: forgetting it would make the next apply buy another
// block. An imported order is checked to be a storage block of the account.
func (storageKind) Read(ctx context.Context, env purchase.Env, m *storageAddonModel) bool {
	orderID := m.OrderID.ValueString()
	order, err := env.Client.GetOrder(ctx, orderID)
	if err != nil {
		return env.ReadFailed(err, "Could not read storage order "+orderID, apierror.At(path.Root("order_id"), ""))
	}
	if m.Imported() && !verifyStorageOrder(ctx, env, m.AccountID.ValueString(), order) {
		return false
	}
	m.FromAPI(order)
	if order.Status.Settled() {
		env.Diags.AddAttributeWarning(path.Root("order_status"), "Storage order is "+string(order.Status), fmt.Sprintf("%s is %s at "+
			"HostUp. It is never bought again by itself: terraform apply -replace buys a new block.", m.Describe(), order.Status))
	}
	if !m.InvoiceID.IsNull() {
		env.Ledger.NoteInvoiceOwner(m.InvoiceID.ValueString(), "storage order "+orderID+" (a hostup_shared_hosting_storage_addon)")
	}
	return false
}
