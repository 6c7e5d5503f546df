package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/purchase"
)

// v2BillingCycles are the billing cycles HostUp's v2 API names. Which of
// them an account offers is HostUp's to say, at plan time.
var v2BillingCycles = []string{"monthly", "quarterly", "semiannually", "annually", "biennially", "triennially", "free"}

// sharedHostingBillingCycleResource manages how an existing v2
// shared-hosting account is billed (monthly, annually, …).
type sharedHostingBillingCycleResource struct {
	purchase.Resource[sharedHostingBillingCycleModel, *sharedHostingBillingCycleModel]
}

// NewSharedHostingBillingCycleResource is the
// hostup_shared_hosting_billing_cycle resource.
func NewSharedHostingBillingCycleResource() resource.Resource {
	return &sharedHostingBillingCycleResource{
		purchase.NewResource[sharedHostingBillingCycleModel, *sharedHostingBillingCycleModel](billingCycleKind{}),
	}
}

// billingCycleKind is what the billing cycle supplies to the purchase engine.
type billingCycleKind struct{}

func (billingCycleKind) Descriptor() purchase.Descriptor {
	return purchase.Descriptor{
		TypeName: "shared_hosting_billing_cycle",
		Noun:     "billing cycle",
		Subject:  []string{"account_id"},
		Targets:  []string{"billing_cycle"},
		Inputs:   []string{"account_id", "billing_cycle", "cancel_existing_invoice"},
		Identity: []purchase.IdentityAttribute{{Name: "account_id", Form: "acct_…", Description: "The account's v2 id (`acct_…`).",
			Check: idCheck(parseV2AccountID)}},
		Adopts: []string{"billing_cycle"},
		Keeps:  purchase.Keeps{Summary: "Hosting account keeps its billing cycle", Detail: "It stays on its current billing cycle at HostUp"},
		Lookup: accountLookup,
	}
}

func (billingCycleKind) Schema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "The billing cycle of an existing shared-hosting account (v2), e.g. monthly or annually. " +
			"`terraform plan` shows the exact price of switching (`price_change`, from HostUp's dry run): the new " +
			"cycle's price, less a credit for the unused part of the period already paid; `terraform apply` buys " +
			"exactly that and records the order (`last_order`). Creating the resource adopts the account; destroying " +
			"it only forgets it." +
			scopesNote("hostup_shared_hosting_billing_cycle"),
		Attributes: map[string]schema.Attribute{
			"account_id": subjectAttribute("The account's v2 id (`acct_…`; `hostup_shared_hosting_accounts` lists them). "+
				"Changing it forces replacement: the old account is only forgotten.", v2AccountIDValidator),
			"billing_cycle": schema.StringAttribute{
				MarkdownDescription: "The cycle to bill the account on (`monthly`, `annually`, …, as `hostup_billing_cycle` " +
					"reports it). A cycle the account's plan is not offered on fails the plan, listing the offered ones.",
				Required:   true,
				Validators: []validator.String{stringvalidator.OneOf(v2BillingCycles...)},
			},
			"cancel_existing_invoice": cancelExistingInvoiceSchema(""),
		},
	}
}

func (billingCycleKind) NewChange(c *client.Client, plan, _ *sharedHostingBillingCycleModel) (purchase.Change, error) {
	account, err := parseV2AccountID(plan.AccountID.ValueString())
	if err != nil {
		return nil, err
	}
	req := plan.ToAPI()
	return &billingCycleChange{paidChange: accountChange(c, account, "bill account "+account+" "+req.BillingCycle, "billing_cycle"),
		account: account, req: req}, nil
}

func (billingCycleKind) Read(ctx context.Context, env purchase.Env, m *sharedHostingBillingCycleModel) bool {
	account := m.AccountID.ValueString()
	cycles, err := env.Client.GetSharedHostingBillingCycles(ctx, account)
	if err != nil {
		return env.ReadFailed(err, "Could not read the billing cycle of account "+account, accountErrors)
	}
	m.FromAPI(cycles)
	return false
}
