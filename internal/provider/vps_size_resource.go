package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
	"github.com/hostup/terraform-provider-hostup/internal/provider/purchase"
)

var _ resource.ResourceWithValidateConfig = (*vpsSizeResource)(nil)

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
		TypeName:      "vps_size",
		Noun:          "VPS size",
		Subject:       []string{"vm_id"},
		Targets:       []string{"package", "resources", "billing_cycle", "product_slug", "options"},
		Inputs:        []string{"vm_id", "package", "resources", "billing_cycle", "product_slug", "options", "cancel_existing_invoice"},
		Identity:      []purchase.IdentityAttribute{{Name: "vm_id", Description: "The VM: a v1 integer vmid (`10000`) or a v2 id (`vps_…`)."}},
		Adopts:        []string{"package", "product_slug"},
		Scheduled:     true,
		ImportForm:    "its VM id (vps_… or 10000)",
		ParseImportID: oneID(parseVMID),
		Keeps:         purchase.Keeps{Summary: "VM keeps its size", Detail: "It keeps its package and options at HostUp"},
		Lookup:        vmLookup,
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
			"specs": schema.SingleNestedAttribute{
				MarkdownDescription: "What the VM runs with, as HostUp reports it; after a change, once HostUp has carried it " +
					"out (VM changes are scheduled).",
				Computed: true,
				Attributes: map[string]schema.Attribute{
					"product_name": schema.StringAttribute{Computed: true, MarkdownDescription: "Package name, e.g. `VPS L`."},
					"cpu":          schema.Int64Attribute{Computed: true, MarkdownDescription: "vCPUs."},
					"ram_mb":       schema.Int64Attribute{Computed: true, MarkdownDescription: "Memory in MB."},
					"disk_gb":      schema.Int64Attribute{Computed: true, MarkdownDescription: "Disk in GB, additional storage included."},
					"bandwidth_gb": schema.Int64Attribute{Computed: true, MarkdownDescription: "Bandwidth limit in GB."},
				},
			},
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
	target := apierror.At(path.Root("vm_id"), vmLookup)
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

// ValidateConfig refuses, before any request, inputs of the other API
// generation, naming the ones that apply.
func (r *vpsSizeResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg vpsSizeModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || cfg.VMID.IsUnknown() || cfg.VMID.IsNull() {
		return
	}
	vm, err := parseVMID(cfg.VMID.ValueString())
	if err != nil {
		return // reported by the attribute validator
	}
	refuse := func(attribute string, set bool, instead string) {
		if set {
			gen, other := "v2", "v1 (integer)"
			if !vm.isV2() {
				gen, other = "v1 (integer)", "v2 (vps_…)"
			}
			resp.Diagnostics.AddAttributeError(path.Root(attribute), attribute+" is for "+strings.Fields(other)[0]+" VMs",
				fmt.Sprintf("VM %s has a %s id, and %s is an input of %s VMs: use %s instead.", vm, gen, attribute, other, instead))
		}
	}
	if vm.isV2() {
		refuse("package", !cfg.Package.IsNull(), "product_slug (e.g. \"vps-md\")")
		refuse("resources", !cfg.Resources.IsNull(), "options (keyed by bandwidthGb, backupSlots, snapshotSlots, ipv4Count, ipv6, additionalStorageGb)")
		refuse("billing_cycle", !cfg.BillingCycle.IsNull(), "nothing: a v2 change is priced on the VM's own billing cycle")
		return
	}
	refuse("product_slug", !cfg.ProductSlug.IsNull(), "package (a product id such as \"1938\")")
	refuse("options", !cfg.Options.IsNull(), "resources (keyed by option id, e.g. { \"2231\" = 8192 })")
	refuse("cancel_existing_invoice", cfg.CancelExistingInvoice.ValueBool(),
		"nothing: HostUp's v1 upgrade route cannot cancel an invoice (manage the VM by its vps_… id to use it)")
}
