package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
)

// NewBillingCycleDataSource is the hostup_billing_cycle data source.
func NewBillingCycleDataSource() datasource.DataSource {
	return &billingCycleDataSource{dataSourceBase{typeName: "billing_cycle"}}
}

// billingCycleDataSource reads the billing cycles of a hosting account or a
// VM, and the productId that v1 upgrades take.
type billingCycleDataSource struct{ dataSourceBase }

func (d *billingCycleDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The current and available billing cycles of a shared-hosting account or a VPS, " +
			"with their prices, and the `product_id` that v1 upgrades take.\n\n" +
			"A numeric `account_id` reads HostUp's v1 route, an `acct_…` id the v2 route, and `vm_id` the v1 VM " +
			"route. Set exactly one of `account_id` and `vm_id`.\n\n" +
			"To switch a shared-hosting account to another cycle, with the price shown in the plan, use the " +
			"`hostup_shared_hosting_billing_cycle` resource; `current_billing_cycle` and `cycles[].billing_cycle` " +
			"use the names it takes." +
			scopesNote("hostup_billing_cycle"),
		Attributes: map[string]schema.Attribute{
			"account_id": schema.StringAttribute{
				MarkdownDescription: "Shared-hosting account: a v1 integer id (`20000`) or a v2 id (`acct_…`).",
				Optional:            true,
				Validators:          []validator.String{accountIDValidator},
			},
			"vm_id": schema.Int64Attribute{
				MarkdownDescription: "VPS id (v1 `vmid`, e.g. `10000`).",
				Optional:            true,
				Validators:          []validator.Int64{positiveIDValidator{example: "10000"}},
			},
			"current_cycle":      computedString("Id of the current cycle as the API names it: `m`/`a` on v1, `monthly`/`annually`… on v2."),
			"current_cycle_name": computedString("Display name of the current cycle, e.g. `Annually`."),
			"current_billing_cycle": computedString("Canonical name of the current cycle (`monthly`, `quarterly`, " +
				"`semiannually`, `annually`, `biennially`, `triennially`, `free`), the same on both API generations."),
			"product_id": computedString("The product id of the hosting plan or VPS (e.g. `1912`), as v1 upgrades take it. " +
				"Null for v2 accounts, whose plans are named by slug."),
			"currency_code": computedString("Currency of the prices (v2 only; v1 does not say)."),
			"cycles": computedList("Every cycle the service can be billed on.", map[string]schema.Attribute{
				"id":            computedString("Cycle id as the API names it."),
				"name":          computedString("Display name."),
				"price":         computedNumber("Price per cycle, exact; null when HostUp does not say."),
				"is_current":    computedBool("Whether this is the current cycle."),
				"billing_cycle": computedString("Canonical cycle name (`monthly`, `annually`, …)."),
			}),
			"account_details": computedObject("The service the cycles belong to.", map[string]schema.Attribute{
				"domain": computedString("Primary domain (hostname for a VM)."),
				"name":   computedString("Service name, e.g. `Start (cpanel)`."),
				"total":  computedNumber("Price of the current cycle, exact; null when HostUp does not say."),
			}),
		},
	}
}

func (d *billingCycleDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		exactlyOneOf{attributes: []string{"account_id", "vm_id"},
			hint: "Use account_id for a shared-hosting account and vm_id for a VPS."},
	}
}

func (d *billingCycleDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	model, ok := readConfig[billingCycleModel](ctx, req, &resp.Diagnostics)
	if !ok {
		return
	}

	switch {
	case !model.VMID.IsNull():
		vmID := model.VMID.ValueInt64()
		info, err := d.client.GetVMBillingCycle(ctx, vmID)
		if err != nil {
			apierror.Add(&resp.Diagnostics, fmt.Sprintf("Could not read the billing cycles of VM %d", vmID), err, vmErrors)
			return
		}
		model.FromV1(info)
	default:
		account, err := parseAccountID(model.AccountID.ValueString())
		if err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("account_id"), "Invalid account id", err.Error())
			return
		}
		summary := "Could not read the billing cycles of hosting account " + account.String()
		target := accountErrors
		if !account.isV2() {
			info, err := d.client.GetHostingBillingCycle(ctx, account.v1)
			if err != nil {
				apierror.Add(&resp.Diagnostics, summary, err, target)
				return
			}
			model.FromV1(info)
			break
		}
		cycles, err := d.client.GetSharedHostingBillingCycles(ctx, account.v2)
		if err != nil {
			apierror.Add(&resp.Diagnostics, summary, err, target)
			return
		}
		acct, err := d.client.GetSharedHostingAccount(ctx, account.v2)
		if err != nil {
			apierror.Add(&resp.Diagnostics, summary, err, target)
			return
		}
		model.FromAPI(cycles, acct)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}
