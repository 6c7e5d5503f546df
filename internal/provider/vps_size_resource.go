package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/purchase"
)

var _ resource.ResourceWithConfigValidators = (*vpsSizeResource)(nil)

// vpsSizeResource manages the size of an existing VM: its package (plan) and
// configurable options. Create adopts the VM, delete forgets it.
type vpsSizeResource struct {
	purchase.Resource[vpsSizeModel, *vpsSizeModel]
}

// NewVPSSizeResource is the hostup_vps_size resource.
func NewVPSSizeResource() resource.Resource {
	return &vpsSizeResource{purchase.NewResource[vpsSizeModel, *vpsSizeModel](vpsSizeKind{})}
}

// vpsSizeKind is what a VM's size supplies to the purchase engine.
type vpsSizeKind struct{}

func (vpsSizeKind) Descriptor() purchase.Descriptor {
	return purchase.Descriptor{
		TypeName: "vps_size",
		Noun:     "VPS size",
		Subject:  []string{"vm_id"},
		Targets:  []string{"package", "resources", "billing_cycle", "product_slug", "options"},
		Inputs:   []string{"vm_id", "package", "resources", "billing_cycle", "product_slug", "options", "cancel_existing_invoice"},
		Identity: []purchase.IdentityAttribute{{Name: "vm_id", Form: "vps_… (or a v1 id such as 10000)",
			Description: "The VM: a v1 integer vmid (`10000`) or a v2 id (`vps_…`).", Check: idCheck(parseVMID)}},
		Adopts:    []string{"package", "product_slug"},
		Scheduled: true,
		Keeps:     purchase.Keeps{Summary: "VM keeps its size", Detail: "It keeps its package and options at HostUp"},
		Lookup:    vmLookup,
	}
}

func (vpsSizeKind) Schema() schema.Schema {
	quantities := []validator.Map{mapvalidator.ValueInt64sAre(int64validator.Between(0, 1_000_000))}
	return schema.Schema{
		MarkdownDescription: "The size of an existing VPS: its package (plan) and configurable options. `terraform plan` " +
			"shows the exact price of a change (`price_change`, from HostUp's estimate or dry run) before anything is " +
			"bought; `terraform apply` buys exactly that and records the order (`last_order`). Inputs left unset are not " +
			"managed. Creating the resource adopts the VM; destroying it only forgets it." +
			scopesNote("hostup_vps_size"),
		Attributes: map[string]schema.Attribute{
			"vm_id": subjectAttribute("The VM: a v1 integer vmid (`10000`) or a v2 id (`vps_…`; `hostup_virtual_servers` "+
				"lists them). The generation decides which inputs apply. Changing it forces replacement: the old VM is only "+
				"forgotten.", vmIDValidator),
			"package": productIDAttribute("v1 VMs: the package by product id (e.g. `1938`).", "1938"),
			"resources": schema.MapAttribute{
				MarkdownDescription: "v1 VMs: configurable options by option id with their quantity, e.g. `{ \"2231\" = 8192 }`. " +
					"Quantities are totals, not additions.",
				Optional:    true,
				ElementType: types.Int64Type,
				Validators: append(quantities, mapvalidator.KeysAre(
					stringvalidator.RegexMatches(v1IDPattern, "must be a numeric option id such as 2231"))),
			},
			"billing_cycle": schema.StringAttribute{
				MarkdownDescription: "v1 VMs: the cycle the change is priced on, `monthly` or `annually`. It must be the VM's " +
					"own: the upgrade route does not change it.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(client.CycleMonthly, client.CycleAnnually)},
			},
			"product_slug": slugAttribute("v2 VMs: the plan by slug (e.g. `vps-md`; `hostup_vps_upgrade_options` lists them)."),
			"options": schema.MapAttribute{
				MarkdownDescription: "v2 VMs: configurable options by key (`bandwidthGb`, `backupSlots`, `snapshotSlots`, " +
					"`ipv4Count`, `ipv6` (0 or 1), `additionalStorageGb`) with their quantity. A plan change and an option " +
					"change cannot be planned together: change one, apply, then the other.",
				Optional:    true,
				ElementType: types.Int64Type,
				Validators:  append(quantities, mapvalidator.KeysAre(stringvalidator.OneOf(vpsOptionKeys...))),
			},
			"allow_downgrade": allowDowngradeSchema(" A change is a downgrade when it lowers any option, when HostUp calls " +
				"the new plan a downgrade, or when its price lowers the recurring price or is a credit."),
			"cancel_existing_invoice": cancelExistingInvoiceSchema(" v2 VMs only."),
			"specs":                   specsSchema(),
		},
	}
}

// Read takes what HostUp reports of the VM: its package or plan, its
// options (v1 reports none) and its specs.
func (vpsSizeKind) Read(ctx context.Context, env purchase.Env, m *vpsSizeModel) bool {
	vm, err := parseVMID(m.VMID.ValueString())
	if err != nil {
		env.Diags.AddAttributeError(path.Root("vm_id"), "Invalid VM id", err.Error())
		return false
	}
	target := vmErrors
	if vm.isV2() {
		v, err := env.Client.GetVPS(ctx, vm.v2)
		if err != nil {
			return env.ReadFailed(err, "Could not read VM "+vm.String(), target)
		}
		m.FromAPI(v)
		return false
	}
	d, err := env.Client.GetVMDetails(ctx, vm.v1)
	if err != nil {
		return env.ReadFailed(err, "Could not read VM "+vm.String(), target)
	}
	m.FromV1(d)
	return false
}

// ConfigValidators refuse, before any request, inputs of the other API
// generation than the VM id's, naming the ones that apply.
func (r *vpsSizeResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	const v1, v2 = "VM %s has a v1 (integer) id, and ", "VM %s has a v2 id, and "
	return []resource.ConfigValidator{generationInputs{subject: "vm_id", isV2: vmIsV2, inputs: []generationInput{
		{attribute: "package", summary: "package is for v1 VMs", detail: v2 + "package is an input of v1 VMs: use product_slug (e.g. \"vps-md\") instead."},
		{attribute: "resources", summary: "resources is for v1 VMs", detail: v2 + "resources is an input of v1 VMs: use " +
			"options (keyed by bandwidthGb, backupSlots, snapshotSlots, ipv4Count, ipv6, additionalStorageGb) instead."},
		{attribute: "billing_cycle", summary: "billing_cycle is for v1 VMs", detail: v2 + "a v2 change is priced on the VM's own billing cycle: remove billing_cycle."},
		{attribute: "product_slug", v2: true, summary: "product_slug is for v2 VMs", detail: v1 + "product_slug is an input of v2 VMs: use package (a product id such as \"1938\") instead."},
		{attribute: "options", v2: true, summary: "options is for v2 VMs", detail: v1 + "options is an input of v2 VMs: use resources (keyed by option id, e.g. { \"2231\" = 8192 }) instead."},
		{attribute: "cancel_existing_invoice", v2: true, whenTrue: true, summary: "cancel_existing_invoice is for v2 VMs",
			detail: v1 + "HostUp's v1 upgrade route cannot cancel an invoice: manage the VM by its vps_… id to use cancel_existing_invoice."},
	}}}
}
