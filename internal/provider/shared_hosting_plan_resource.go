package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/purchase"
)

var _ resource.ResourceWithConfigValidators = (*sharedHostingPlanResource)(nil)

// sharedHostingPlanResource manages the plan of an existing shared-hosting
// account: create adopts it (and changes the plan if it differs), delete
// forgets it.
type sharedHostingPlanResource struct {
	purchase.Resource[sharedHostingPlanModel, *sharedHostingPlanModel]
}

// NewSharedHostingPlanResource is the hostup_shared_hosting_plan resource.
func NewSharedHostingPlanResource() resource.Resource {
	return &sharedHostingPlanResource{purchase.NewResource[sharedHostingPlanModel, *sharedHostingPlanModel](planKind{})}
}

// planKind is what the plan supplies to the purchase engine.
type planKind struct{}

func (planKind) Descriptor() purchase.Descriptor {
	return purchase.Descriptor{
		TypeName: "shared_hosting_plan",
		Noun:     "plan",
		Subject:  []string{"account_id"},
		Targets:  []string{"product_slug", "product_id"},
		// An unknown product_id of a v1 account is not among them: v1 has no
		// preview either way, and the plan says so.
		Inputs: []string{"account_id", "product_slug", "cancel_existing_invoice"},
		Adopts: []string{"product_slug", "product_id"},
		Identity: []purchase.IdentityAttribute{{Name: "account_id", Form: "acct_… (or a v1 id such as 20000)",
			Description: "The account: a v2 id (`acct_…`) or a v1 integer id (`20000`).", Check: idCheck(parseAccountID)}},
		Keeps:         purchase.Keeps{Summary: "Hosting account keeps its plan", Detail: "It stays on its current plan at HostUp"},
		MaxAmountNote: " Needs a preview, so it is only accepted for v2 accounts.",
		Lookup:        accountLookup,
	}
}

func (planKind) Schema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "The plan of an existing shared-hosting account. `terraform plan` shows the exact price of a " +
			"plan change (`price_change`, from HostUp's dry run) before anything is bought; `terraform apply` buys exactly " +
			"that and records the order (`last_order`). Creating the resource adopts the account; destroying it only forgets it." +
			scopesNote("hostup_shared_hosting_plan"),
		Attributes: map[string]schema.Attribute{
			"account_id": subjectAttribute("The account: a v2 id (`acct_…`; `hostup_shared_hosting_accounts` lists them) or "+
				"a v1 integer id (`20000`). Use the v2 id: only v2 previews prices. Changing it forces replacement: the old "+
				"account is only forgotten.", accountIDValidator),
			"product_slug": slugAttribute("The plan of a v2 account, by slug (e.g. `webbhotell-business`; " +
				"`hostup_shared_hosting_plan_options` lists them with prices). Exactly one of `product_slug` and `product_id`."),
			"product_id": productIDAttribute("The plan of a v1 (integer id) account, by product id (e.g. `1913`; "+
				"`hostup_billing_cycle` reports the current one). Exactly one of `product_slug` and `product_id`.", "1913"),
			"allow_downgrade": allowDowngradeSchema(" HostUp's plan catalogue says which plans are lower; v1 accounts have " +
				"none, so `true` is refused for them."),
			"cancel_existing_invoice": cancelExistingInvoiceSchema(""),
			"domain": schema.StringAttribute{MarkdownDescription: "The account's primary domain.", Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"service_status": schema.StringAttribute{MarkdownDescription: "The account's service status on v2 (`active`, " +
				"`pending`, `suspended`, …); null for v1 accounts, whose API does not report it.", Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"current_product": productSchema(),
		},
	}
}

func (planKind) NewChange(c *client.Client, plan, _ *sharedHostingPlanModel) (purchase.Change, error) {
	account, err := parseAccountID(plan.AccountID.ValueString())
	if err != nil {
		return nil, err
	}
	action := "move account " + account.String() + " to " + plan.describeTarget()
	if !account.isV2() {
		return &planV1Change{paidChange: accountChange(c, account.String(), action, "product_id"), account: account.v1, plan: plan}, nil
	}
	return &planV2Change{paidChange: accountChange(c, account.v2, action, "product_slug"), account: account.v2, req: plan.ToAPI(), plan: plan}, nil
}

func (planKind) Read(ctx context.Context, env purchase.Env, m *sharedHostingPlanModel) bool {
	account, err := parseAccountID(m.AccountID.ValueString())
	if err != nil {
		env.Diags.AddAttributeError(path.Root("account_id"), "Invalid account id", err.Error())
		return false
	}
	target := accountErrors
	if !account.isV2() {
		info, err := env.Client.GetHostingBillingCycle(ctx, account.v1)
		if err != nil {
			return env.ReadFailed(err, "Could not read the plan of account "+account.String(), target)
		}
		m.FromV1(info)
		return false
	}
	opts, err := env.Client.GetSharedHostingUpgradeOptions(ctx, account.v2)
	if err != nil {
		return env.ReadFailed(err, "Could not read the plan of account "+account.String(), target)
	}
	// From the account list, read once for every account refreshed.
	acct, err := env.Client.LookupSharedHostingAccount(ctx, account.v2)
	if err != nil {
		return env.ReadFailed(err, "Could not read account "+account.String(), target)
	}
	m.FromAPI(opts, acct)
	return false
}

func (r *sharedHostingPlanResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	const v2Instead = "Manage the account by its v2 id (acct_…) with product_slug"
	return []resource.ConfigValidator{
		exactlyOneOf{attributes: []string{"product_slug", "product_id"},
			hint: "Use product_slug for a v2 account (acct_…) and product_id for a v1 (integer) account."},
		generationInputs{subject: "account_id", isV2: accountIsV2, inputs: []generationInput{
			{attribute: "product_id", summary: "product_id is for v1 accounts", detail: "Account %s is a v2 account, whose " +
				"plans are named by slug: use product_slug (e.g. \"webbhotell-business\") instead of product_id."},
			{attribute: "product_slug", v2: true, summary: "product_slug is for v2 accounts", detail: "Account %s is a v1 " +
				"(integer) account, whose plans are named by product id: use product_id (e.g. \"1913\"). " + v2Instead +
				" to use product_slug and get price previews."},
			{attribute: "max_amount", v2: true, summary: "max_amount needs a price preview", detail: "HostUp's v1 upgrade " +
				"route has no preview, so the price of a change to account %s is unknown until it is bought and max_amount " +
				"cannot be enforced. " + v2Instead + ", or remove max_amount."},
			{attribute: "allow_downgrade", v2: true, whenTrue: true, summary: "allow_downgrade needs a plan catalogue",
				detail: "HostUp's v1 API has no plan catalogue, so the provider cannot tell whether a change of account %s " +
					"is an upgrade or a downgrade, and allow_downgrade = true cannot be honoured. " + v2Instead + "."},
		}},
	}
}
