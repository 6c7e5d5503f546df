package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
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
	_ resource.Resource                   = (*vpsSizeResource)(nil)
	_ resource.ResourceWithConfigure      = (*vpsSizeResource)(nil)
	_ resource.ResourceWithValidateConfig = (*vpsSizeResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*vpsSizeResource)(nil)
	_ resource.ResourceWithImportState    = (*vpsSizeResource)(nil)
	_ resource.ResourceWithIdentity       = (*vpsSizeResource)(nil)
)

// NewVPSSizeResource is the hostup_vps_size resource.
func NewVPSSizeResource() resource.Resource {
	return &vpsSizeResource{}
}

// vpsSizeResource manages the size of an existing VM: its package (plan) and
// configurable options. It never creates or deletes a VM: create adopts it
// (and upgrades what differs), delete forgets it.
type vpsSizeResource struct {
	client *client.Client
	flow   *purchaseFlow
}

// vpsSizeModel is the resource's state.
type vpsSizeModel struct {
	purchaseFields
	VMID                  types.String `tfsdk:"vm_id"`
	Package               types.String `tfsdk:"package"`
	Resources             types.Map    `tfsdk:"resources"`
	BillingCycle          types.String `tfsdk:"billing_cycle"`
	ProductSlug           types.String `tfsdk:"product_slug"`
	Options               types.Map    `tfsdk:"options"`
	AllowDowngrade        types.Bool   `tfsdk:"allow_downgrade"`
	CancelExistingInvoice types.Bool   `tfsdk:"cancel_existing_invoice"`
	Specs                 types.Object `tfsdk:"specs"`
}

type vpsSizeIdentity struct {
	VMID types.String `tfsdk:"vm_id"`
}

// vpsSpecsModel is what the VM runs with.
type vpsSpecsModel struct {
	ProductName types.String `tfsdk:"product_name"`
	CPU         types.Int64  `tfsdk:"cpu"`
	RAMMB       types.Int64  `tfsdk:"ram_mb"`
	DiskGB      types.Int64  `tfsdk:"disk_gb"`
	BandwidthGB types.Int64  `tfsdk:"bandwidth_gb"`
}

var vpsSpecsAttrTypes = map[string]attr.Type{
	"product_name": types.StringType,
	"cpu":          types.Int64Type,
	"ram_mb":       types.Int64Type,
	"disk_gb":      types.Int64Type,
	"bandwidth_gb": types.Int64Type,
}

// vpsOptionKeys are the v2 configurable options.
var vpsOptionKeys = []string{"additionalStorageGb", "backupSlots", "bandwidthGb", "ipv4Count", "ipv6", "snapshotSlots"}

func (r *vpsSizeResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_vps_size"
}

func (r *vpsSizeResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The size of an existing VPS: its package (plan) and configurable options. " +
			"`terraform plan` shows the exact price of a change (`price_change`, from HostUp's estimate or dry run) " +
			"before anything is bought; `terraform apply` buys exactly that and records the order (`last_order`).\n\n" +
			"Inputs left unset are not managed. Creating the resource adopts the VM (and upgrades what differs); " +
			"destroying it only removes it from state: the VM keeps its size.",
		Attributes: map[string]schema.Attribute{
			"vm_id": schema.StringAttribute{
				MarkdownDescription: "The VM: a v1 integer vmid (`10000`) or a v2 id (`vps_…`). The generation decides " +
					"which inputs apply. Changing it forces replacement: the old VM is only forgotten.",
				Required:      true,
				Validators:    []validator.String{vmIDValidator{}},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"package": schema.StringAttribute{
				MarkdownDescription: "v1 VMs: the package by product id (e.g. `1938`). Refused for v2 ids (use `product_slug`).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(v1IDPattern, "must be a numeric product id such as 1938")},
			},
			"resources": schema.MapAttribute{
				MarkdownDescription: "v1 VMs: configurable options by option id with their quantity, e.g. " +
					"`{ \"2231\" = 8192 }`. Quantities are totals, not additions. Refused for v2 ids (use `options`).",
				Optional:    true,
				ElementType: types.Int64Type,
				Validators: []validator.Map{
					mapvalidator.KeysAre(stringvalidator.RegexMatches(v1IDPattern, "must be a numeric option id such as 2231")),
				},
			},
			"billing_cycle": schema.StringAttribute{
				MarkdownDescription: "v1 VMs: the billing cycle the change is priced on, `monthly` or `annually` " +
					"(as `hostup_billing_cycle` reports it). It must be the VM's cycle: the upgrade route does not change it.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(client.CycleMonthly, client.CycleAnnually)},
			},
			"product_slug": schema.StringAttribute{
				MarkdownDescription: "v2 VMs: the plan by slug (e.g. `vps-md`), one of those " +
					"`hostup_vps_upgrade_options` lists. Refused for v1 ids (use `package`).",
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"options": schema.MapAttribute{
				MarkdownDescription: "v2 VMs: configurable options by key (`bandwidthGb`, `backupSlots`, `snapshotSlots`, " +
					"`ipv4Count`, `ipv6` (0 or 1), `additionalStorageGb`) with their quantity. A plan change and an " +
					"option change cannot be planned together: change one, apply, then the other. Refused for v1 ids.",
				Optional:    true,
				ElementType: types.Int64Type,
				Validators:  []validator.Map{mapvalidator.KeysAre(stringvalidator.OneOf(vpsOptionKeys...))},
			},
			"max_amount": maxAmountSchema(""),
			"allow_downgrade": schema.BoolAttribute{
				MarkdownDescription: "Allow a smaller size. Default `false`: a downgrade fails the plan. On v1 a change " +
					"is a downgrade when its estimate lowers the recurring price or is due as a credit; on v2 a plan " +
					"change is one when HostUp says so, and an option change as on v1.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"cancel_existing_invoice": schema.BoolAttribute{
				MarkdownDescription: "v2 VMs: when an unpaid invoice blocks the change, let HostUp cancel it as part of " +
					"the change. Default `false`. Refused for v1 ids.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"specs": schema.SingleNestedAttribute{
				MarkdownDescription: "What the VM runs with, as HostUp reports it. After a change it shows the new " +
					"size once HostUp has carried the change out (VM upgrades are scheduled).",
				Computed: true,
				Attributes: map[string]schema.Attribute{
					"product_name": schema.StringAttribute{Computed: true, MarkdownDescription: "Package name, e.g. `VPS L`."},
					"cpu":          schema.Int64Attribute{Computed: true, MarkdownDescription: "vCPUs."},
					"ram_mb":       schema.Int64Attribute{Computed: true, MarkdownDescription: "Memory in MB."},
					"disk_gb":      schema.Int64Attribute{Computed: true, MarkdownDescription: "Disk in GB, additional storage included."},
					"bandwidth_gb": schema.Int64Attribute{Computed: true, MarkdownDescription: "Bandwidth limit in GB."},
				},
			},
			"price_change": priceChangeSchema(),
			"price_status": priceStatusSchema(),
			"last_order":   lastOrderSchema(),
		},
	}
}

func (r *vpsSizeResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"vm_id": identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       "The VM: a v1 integer vmid (`10000`) or a v2 id (`vps_…`).",
			},
		},
	}
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
		if !set {
			return
		}
		gen, other := "v2", "v1 (integer)"
		if !vm.isV2() {
			gen, other = "v1 (integer)", "v2 (vps_…)"
		}
		resp.Diagnostics.AddAttributeError(path.Root(attribute), attribute+" is for "+strings.Fields(other)[0]+" VMs",
			fmt.Sprintf("VM %s has a %s id, and %s is an input of %s VMs: use %s instead.", vm, gen, attribute, other, instead))
	}
	if vm.isV2() {
		refuse("package", !cfg.Package.IsNull(), "product_slug (e.g. \"vps-md\")")
		refuse("resources", !cfg.Resources.IsNull(), "options (keyed by bandwidthGb, backupSlots, snapshotSlots, ipv4Count, ipv6, additionalStorageGb)")
		refuse("billing_cycle", !cfg.BillingCycle.IsNull(), "nothing: a v2 change is priced on the VM's own billing cycle")
		return
	}
	refuse("product_slug", !cfg.ProductSlug.IsNull(), "package (a product id such as \"1938\")")
	refuse("options", !cfg.Options.IsNull(), "resources (keyed by option id, e.g. { \"2231\" = 8192 })")
	refuse("cancel_existing_invoice", !cfg.CancelExistingInvoice.IsNull(),
		"nothing: HostUp's v1 upgrade route cannot cancel an invoice (manage the VM by its vps_… id to use it)")
}

func (r *vpsSizeResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client, r.flow = purchaseFlowFromProviderData(req.ProviderData, &resp.Diagnostics)
}

func (r *vpsSizeResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	modifyPaidPlan[vpsSizeModel](ctx, r, r.flow, req, resp)
}

func (r *vpsSizeResource) destroyWarning() (string, string) {
	return "Destroying hostup_vps_size keeps the VM's size",
		"Removing this resource only stops Terraform from managing the VM's size. The VM, its package, options and invoices stay as they are at HostUp; nothing is cancelled or refunded."
}

func (r *vpsSizeResource) noun() string { return "VPS size" }

func (r *vpsSizeResource) configured() bool { return r.client != nil }

// planChange prices the change the configuration asks for.
func (r *vpsSizeResource) planChange(ctx context.Context, plan, state *vpsSizeModel, diags *diag.Diagnostics) {
	vm, err := parseVMID(plan.VMID.ValueString())
	if err != nil {
		return
	}
	ch := r.change(vm, plan, state)
	q := r.flow.plan(ctx, &plan.purchaseFields, plan.guards(), ch, diags)
	if q == nil {
		return
	}
	if q.inPlace {
		// Adopted or converged: what HostUp reports is what state records.
		if state != nil {
			plan.LastOrder = state.LastOrder
			if plan.Specs.IsUnknown() {
				plan.Specs = state.Specs
			}
		} else {
			plan.LastOrder = types.ObjectNull(lastOrderAttrTypes)
		}
		return
	}
	plan.Specs = types.ObjectUnknown(vpsSpecsAttrTypes)
}

func (r *vpsSizeResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.applyPlan(ctx, req.Plan, nil, &resp.State, resp.Identity, resp.Private, &resp.Diagnostics)
}

func (r *vpsSizeResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var state vpsSizeModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.applyPlan(ctx, req.Plan, &state, &resp.State, resp.Identity, resp.Private, &resp.Diagnostics)
}

// privateSetter is where the resource keeps what it bought but HostUp does
// not report yet (Create, Update and Read responses alike).
type privateSetter interface {
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// applyPlan is Create and Update alike: buy what ModifyPlan planned, if
// anything, and store the plan, which already holds what state must become.
func (r *vpsSizeResource) applyPlan(ctx context.Context, planned tfsdk.Plan, prior *vpsSizeModel, state *tfsdk.State, identity *tfsdk.ResourceIdentity, private privateSetter, diags *diag.Diagnostics) {
	var plan vpsSizeModel
	diags.Append(planned.Get(ctx, &plan)...)
	if diags.HasError() {
		return
	}
	vm, err := parseVMID(plan.VMID.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("vm_id"), "Invalid VM id", err.Error())
		return
	}
	outcome := r.flow.apply(ctx, &plan.purchaseFields, plan.guards(), r.change(vm, &plan, prior), diags)
	switch outcome {
	case outcomeRefused, outcomeUncertain:
		return
	case outcomeBought, outcomeConfirmed:
		// HostUp carries the change out later: until it reports it, Read
		// keeps these values, so that the next plan does not buy it again.
		diags.Append(private.SetKey(ctx, pendingSizeKey, plan.pendingSize().encode())...)
	}
	var current vpsSizeModel
	var readDiags diag.Diagnostics
	if err := r.readCurrent(ctx, vm, &current, &readDiags); err != nil {
		diags.AddWarning("The VM could not be read back",
			fmt.Sprintf("Reading VM %s after the change failed: %s. The next refresh updates it.", vm, err))
		if plan.Specs.IsUnknown() {
			plan.Specs = types.ObjectNull(vpsSpecsAttrTypes)
		}
	} else {
		plan.Specs = current.Specs
		if outcome == outcomeMismatch || outcome == outcomeInPlace {
			// HostUp holds something other than planned: state says what it
			// reports, and the next plan prices what is still needed.
			plan.recordReported(&current)
			plan.PriceChange = types.ObjectNull(priceChangeAttrTypes)
			plan.PriceStatus = types.StringNull()
		}
	}
	if plan.PriceChange.IsUnknown() {
		plan.PriceChange = types.ObjectNull(priceChangeAttrTypes)
	}
	diags.Append(state.Set(ctx, &plan)...)
	diags.Append(identity.Set(ctx, plan.identity())...)
}

func (r *vpsSizeResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state vpsSizeModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	vm, err := parseVMID(state.VMID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("vm_id"), "Invalid VM id in state", err.Error())
		return
	}
	var current vpsSizeModel
	err = r.readCurrent(ctx, vm, &current, &resp.Diagnostics)
	if forgetIfGone(ctx, err, state.Specs.IsNull(), "VM "+vm.String(), path.Root("vm_id"), state.identity(), resp) {
		return
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if state.Specs.IsNull() {
		// Just imported: the package or plan is what HostUp reports. Options
		// stay unmanaged until the configuration names them.
		if vm.isV2() {
			state.ProductSlug = current.ProductSlug
		} else {
			state.Package = current.Package
		}
	}
	raw, d := req.Private.GetKey(ctx, pendingSizeKey)
	resp.Diagnostics.Append(d...)
	pending, ok := decodePendingSize(raw)
	if ok && !pending.reportedBy(&current) && r.stillPending(ctx, pending) {
		// HostUp has not carried the change out yet: keep what was bought.
		state.Specs = current.Specs
	} else {
		if ok {
			resp.Diagnostics.Append(resp.Private.SetKey(ctx, pendingSizeKey, nil)...)
		}
		state.recordReported(&current)
		state.Specs = current.Specs
		state.settled()
	}
	if state.AllowDowngrade.IsNull() {
		state.AllowDowngrade = types.BoolValue(false)
	}
	if state.CancelExistingInvoice.IsNull() {
		state.CancelExistingInvoice = types.BoolValue(false)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, state.identity())...)
}

// stillPending reports whether a bought change may still be carried out. A
// v2 order can be looked up: a cancelled or failed one will never be. v1
// has no order route, so a v1 change counts as pending until HostUp reports it.
func (r *vpsSizeResource) stillPending(ctx context.Context, p pendingSize) bool {
	if !strings.HasPrefix(p.OrderID, "ord_") {
		return true
	}
	order, err := r.client.GetOrder(ctx, p.OrderID)
	if err != nil {
		return true
	}
	return order.Status != "cancelled" && order.Status != "failed"
}

func (r *vpsSizeResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state vpsSizeModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.AddWarning("VM keeps its size",
		fmt.Sprintf("VM %s was removed from Terraform state only. It keeps its package and options at HostUp; nothing was cancelled or refunded.",
			state.VMID.ValueString()))
}

func (r *vpsSizeResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID != "" {
		if _, err := parseVMID(req.ID); err != nil {
			resp.Diagnostics.AddError("Invalid import id", err.Error())
			return
		}
	}
	resource.ImportStatePassthroughWithIdentity(ctx, path.Root("vm_id"), path.Root("vm_id"), req, resp)
}

// readCurrent reads what HostUp reports of the VM into m: the package or
// plan, the options it can read, and the specs.
func (r *vpsSizeResource) readCurrent(ctx context.Context, vm vmRef, m *vpsSizeModel, diags *diag.Diagnostics) error {
	failed := func(err error) error {
		if !client.IsNotFound(err) {
			addAPIError(diags, "Could not read VM "+vm.String(), err, apiErrorTarget{attribute: path.Root("vm_id")})
		}
		return err
	}
	var specs vpsSpecsModel
	if vm.isV2() {
		v, err := r.client.GetVPS(ctx, vm.v2)
		if err != nil {
			return failed(err)
		}
		m.ProductSlug = types.StringValue(v.Plan.ProductSlug)
		m.Options = optionsMap(vpsOptionValues(v.Options))
		specs = vpsSpecsModel{ProductName: types.StringValue(v.Plan.Name), CPU: types.Int64Value(int64(v.Specs.CPU)),
			RAMMB: types.Int64Value(int64(v.Specs.RAMMB)), DiskGB: types.Int64Value(int64(v.Specs.DiskGB)), BandwidthGB: types.Int64Value(int64(v.Specs.BandwidthGB))}
	} else {
		d, err := r.client.GetVMDetails(ctx, vm.v1)
		if err != nil {
			return failed(err)
		}
		m.Package = types.StringValue(d.ProductID)
		m.BillingCycle = types.StringValue(d.BillingCycle)
		specs = vpsSpecsModel{ProductName: types.StringValue(d.ProductName), CPU: types.Int64Value(int64(d.CPU)),
			RAMMB: types.Int64Value(int64(d.RAMMB)), DiskGB: types.Int64Value(int64(d.DiskGB)), BandwidthGB: types.Int64Value(int64(d.BandwidthLimit))}
	}
	var d diag.Diagnostics
	m.Specs, d = types.ObjectValueFrom(ctx, vpsSpecsAttrTypes, specs)
	diags.Append(d...)
	return nil
}

// vpsOptionValues lists a VPS's options by v2 key, ipv6 as 0 or 1.
func vpsOptionValues(o client.VPSOptions) map[string]int64 {
	ipv6 := int64(0)
	if o.IPv6 {
		ipv6 = 1
	}
	return map[string]int64{"bandwidthGb": int64(o.BandwidthGB), "backupSlots": int64(o.BackupSlots), "snapshotSlots": int64(o.SnapshotSlots),
		"ipv4Count": int64(o.IPv4Count), "ipv6": ipv6, "additionalStorageGb": int64(o.AdditionalStorageGB)}
}

func optionsMap(values map[string]int64) types.Map {
	elems := make(map[string]attr.Value, len(values))
	for k, v := range values {
		elems[k] = types.Int64Value(v)
	}
	return types.MapValueMust(types.Int64Type, elems)
}

// int64Map reads a known map of quantities; nil when null or unknown.
func int64Map(m types.Map) map[string]int64 {
	if m.IsNull() || m.IsUnknown() {
		return nil
	}
	out := make(map[string]int64, len(m.Elements()))
	for k, v := range m.Elements() {
		if n, ok := v.(types.Int64); ok && !n.IsUnknown() && !n.IsNull() {
			out[k] = n.ValueInt64()
		}
	}
	return out
}

// recordReported takes, of the inputs m manages, the values HostUp reports
// in current. Inputs m does not manage stay unset. v1 reports no option
// quantities: resources keep what was bought.
func (m *vpsSizeModel) recordReported(current *vpsSizeModel) {
	if !m.Package.IsNull() {
		m.Package = current.Package
	}
	if !m.BillingCycle.IsNull() {
		m.BillingCycle = current.BillingCycle
	}
	if !m.ProductSlug.IsNull() {
		m.ProductSlug = current.ProductSlug
	}
	if managed := int64Map(m.Options); managed != nil {
		reported := int64Map(current.Options)
		for k := range managed {
			if v, ok := reported[k]; ok {
				managed[k] = v
			}
		}
		m.Options = optionsMap(managed)
	}
}

// pendingSizeKey is the private-state key of a bought change HostUp has not
// carried out yet.
const pendingSizeKey = "pending_size"

// pendingSize is a bought change, as the configuration named it.
type pendingSize struct {
	Package     string           `json:"package,omitempty"`
	ProductSlug string           `json:"product_slug,omitempty"`
	Options     map[string]int64 `json:"options,omitempty"`
	OrderID     string           `json:"order_id,omitempty"`
}

func (m *vpsSizeModel) pendingSize() pendingSize {
	p := pendingSize{Package: m.Package.ValueString(), ProductSlug: m.ProductSlug.ValueString(), Options: int64Map(m.Options)}
	if !m.LastOrder.IsNull() && !m.LastOrder.IsUnknown() {
		if id, ok := m.LastOrder.Attributes()["order_id"].(types.String); ok {
			p.OrderID = id.ValueString()
		}
	}
	return p
}

func (p pendingSize) encode() []byte {
	b, _ := json.Marshal(p) // a struct of strings and integers always encodes
	return b
}

func decodePendingSize(b []byte) (pendingSize, bool) {
	var p pendingSize
	if len(b) == 0 || json.Unmarshal(b, &p) != nil {
		return p, false
	}
	return p, true
}

// reportedBy reports whether HostUp shows the bought change in place.
func (p pendingSize) reportedBy(current *vpsSizeModel) bool {
	if p.Package != "" && current.Package.ValueString() != p.Package {
		return false
	}
	if p.ProductSlug != "" && current.ProductSlug.ValueString() != p.ProductSlug {
		return false
	}
	reported := int64Map(current.Options)
	for k, v := range p.Options {
		if got, ok := reported[k]; !ok || got != v {
			return false
		}
	}
	return true
}

// vmErrorTarget places v2 field errors of the VPS change routes.
var vmErrorTarget = apiErrorTarget{
	attribute: path.Root("vm_id"),
	pointers: map[string]path.Path{
		"/productSlug":           path.Root("product_slug"),
		"/resources":             path.Root("options"),
		"/cancelExistingInvoice": path.Root("cancel_existing_invoice"),
	},
}

// change describes the size change of one VM for the purchase flow. prior
// is the state before the change (nil on create): on v1 it holds the option
// quantities already bought, which HostUp's v1 API does not report.
func (r *vpsSizeResource) change(vm vmRef, plan, prior *vpsSizeModel) *paidChange {
	ch := &paidChange{
		subject:   "VM " + vm.String(),
		lockKey:   "vm:" + vm.String(),
		action:    "resize VM " + vm.String(),
		errTarget: vmErrorTarget,
	}
	if vm.isV2() {
		r.changeV2(vm, plan, ch)
	} else {
		r.changeV1(vm, plan, prior, ch)
	}
	return ch
}

// changeV1 prices a v1 change with an estimate (send: false) and commits
// the estimate's draft.
func (r *vpsSizeResource) changeV1(vm vmRef, plan, prior *vpsSizeModel, ch *paidChange) {
	ch.attribute = path.Root("package")
	ch.errTarget = apiErrorTarget{attribute: path.Root("package")}
	up := client.VMUpgrade{Package: plan.Package.ValueString(), BillingCycle: plan.BillingCycle.ValueString()}
	// Only quantities that differ from what was bought are sent: the rest
	// are in place, and v1 quantities are totals, so sending them again
	// would buy nothing anyway.
	var bought map[string]int64
	if prior != nil {
		bought = int64Map(prior.Resources)
	}
	for k, v := range int64Map(plan.Resources) {
		if got, ok := bought[k]; !ok || got != v {
			if up.Resources == nil {
				up.Resources = map[string]int64{}
			}
			up.Resources[k] = v
		}
	}
	if up.Package != "" {
		ch.action = fmt.Sprintf("move VM %s to package %s", vm, up.Package)
	}
	if len(up.Resources) > 0 {
		ch.action += " with resources " + describeQuantities(up.Resources)
		if up.Package == "" {
			ch.action = fmt.Sprintf("set resources %s of VM %s", describeQuantities(up.Resources), vm)
			ch.attribute = path.Root("resources")
		}
	}
	var current *client.VMDetails
	ch.inspect = func(ctx context.Context, diags *diag.Diagnostics) *quote {
		d, err := r.client.GetVMDetails(ctx, vm.v1)
		if err != nil {
			addAPIError(diags, "Could not read VM "+vm.String(), err, apiErrorTarget{attribute: path.Root("vm_id")})
			return nil
		}
		current = d
		if up.BillingCycle != "" && up.BillingCycle != d.BillingCycle {
			diags.AddAttributeError(path.Root("billing_cycle"), "billing_cycle is not the VM's",
				fmt.Sprintf("VM %s is billed %s, and HostUp's v1 upgrade route prices a change on the VM's own cycle; it cannot change it. "+
					"Set billing_cycle = %q (or remove it). Nothing was bought.", vm, d.BillingCycle, d.BillingCycle))
			return nil
		}
		q := &quote{from: d.ProductID, fromName: describeProduct(d.ProductName, d.ProductID), to: d.ProductID}
		if up.Package != "" {
			q.to, q.toName = up.Package, "package "+up.Package
		}
		samePackage := up.Package == "" || up.Package == d.ProductID
		if samePackage && len(up.Resources) == 0 {
			q.inPlace = true
			return q
		}
		if samePackage {
			up.Package = "" // only the resources change
		}
		return q
	}
	ch.price = func(ctx context.Context, q *quote, diags *diag.Diagnostics) bool {
		est, err := r.client.EstimateVMUpgrade(ctx, vm.v1, up)
		if client.HasCode(err, client.ErrorCodeV1NoChanges) {
			q.inPlace = true
			return true
		}
		if err != nil {
			addAPIError(diags, "Could not estimate the price to "+ch.action, err, ch.errTarget)
			return false
		}
		q.price = &client.PriceChange{Amount: est.Prorated, RecurringAmount: est.Recurring, CurrencyCode: est.CurrencyCode,
			BillingCycle: current.BillingCycle}
		q.commitData = est.DraftID
		q.downgrade = est.Prorated.IsNegative() || est.Recurring.LessThan(current.Price.Decimal)
		return true
	}
	ch.commit = func(ctx context.Context, q *quote) (*receipt, error) {
		draftID, _ := q.commitData.(int64)
		res, err := r.client.CommitVMUpgrade(ctx, vm.v1, draftID, up)
		if client.HasCode(err, client.ErrorCodeV1NoChanges) {
			return &receipt{inPlace: true}, nil
		}
		if err != nil {
			return nil, err
		}
		return &receipt{lastOrder: lastOrderFromVM(res), invoiced: res.InvoiceID != "", charged: res.Total, chargeReported: true}, nil
	}
	if up.Package != "" {
		target := up.Package
		ch.confirm = func(ctx context.Context) (bool, error) {
			d, err := r.client.GetVMDetails(ctx, vm.v1)
			if err != nil {
				return false, err
			}
			return d.ProductID == target, nil
		}
	}
}

// changeV2 prices a v2 plan change or option change with a dry run of its
// own route, and commits through the same route.
func (r *vpsSizeResource) changeV2(vm vmRef, plan *vpsSizeModel, ch *paidChange) {
	slug := plan.ProductSlug.ValueString()
	wanted := int64Map(plan.Options)
	cancel := plan.CancelExistingInvoice.ValueBool()
	var changed map[string]int64 // options that differ from HostUp's values
	var cycle string
	ch.inspect = func(ctx context.Context, diags *diag.Diagnostics) *quote {
		opts, err := r.client.GetVPSUpgradeOptions(ctx, vm.v2)
		if err != nil {
			addAPIError(diags, "Could not read what VM "+vm.String()+" can change to", err, apiErrorTarget{attribute: path.Root("vm_id")})
			return nil
		}
		cycle = opts.CurrentPlan.Billing.BillingCycle
		cur := opts.CurrentPlan
		q := &quote{from: cur.ProductSlug, fromName: describeProduct(cur.Name, cur.ProductSlug), to: cur.ProductSlug, toName: describeProduct(cur.Name, cur.ProductSlug)}
		changed = nil
		byKey := map[string]client.VPSConfigOption{}
		for _, o := range opts.ConfigurableOptions {
			byKey[o.Key] = o
		}
		for _, k := range slices.Sorted(maps.Keys(wanted)) {
			o, ok := byKey[k]
			if !ok {
				diags.AddAttributeError(path.Root("options").AtMapKey(k), "Current value of option unknown",
					fmt.Sprintf("HostUp does not report the current value of option %q for VM %s, so the provider cannot tell what "+
						"setting it would buy. Remove it from options. Nothing was bought.", k, vm))
				return nil
			}
			if int64(o.Current) != wanted[k] {
				if changed == nil {
					changed = map[string]int64{}
				}
				changed[k] = wanted[k]
			}
		}
		planChange := slug != "" && slug != cur.ProductSlug
		switch {
		case planChange && len(changed) > 0:
			diags.AddAttributeError(path.Root("options"), "Plan and options cannot change in one apply",
				fmt.Sprintf("This plan moves VM %s to %s and changes options %s. HostUp prices the option change on the plan the "+
					"VM is on, so the two need two previews, the second after the first is bought. Change one, apply, then "+
					"the other. Nothing was bought.", vm, slug, describeQuantities(changed)))
			return nil
		case !planChange && len(changed) == 0:
			q.inPlace = true
			return q
		case len(changed) > 0:
			ch.action = fmt.Sprintf("set options %s of VM %s", describeQuantities(changed), vm)
			ch.attribute = path.Root("options")
			return q
		}
		ch.action = fmt.Sprintf("move VM %s to %s", vm, slug)
		ch.attribute = path.Root("product_slug")
		option, ok := findOption(opts.AvailablePlans, slug)
		gate := opts.Actions.CanUpgrade
		switch {
		case !ok:
			diags.AddAttributeError(path.Root("product_slug"), "Unknown plan for this VM",
				fmt.Sprintf("%q is not a plan VM %s can move to. Valid values: %s (current: %q). "+
					"The hostup_vps_upgrade_options data source lists them with their prices.",
					slug, vm, strings.Join(optionSlugs(opts.AvailablePlans), ", "), cur.ProductSlug))
			return nil
		case !option.Available:
			diags.AddAttributeError(path.Root("product_slug"), "Plan not available",
				fmt.Sprintf("HostUp does not offer %q to VM %s now: %s.", slug, vm, valueOr(option.Reason, "no reason given")))
			return nil
		case !gate.Allowed && (!gateBlockedByInvoice(gate) || !cancel):
			diags.AddAttributeError(path.Root("vm_id"), "HostUp does not allow a change now",
				fmt.Sprintf("HostUp refuses to change VM %s now: %s (code %s). Nothing was bought.",
					vm, valueOr(gate.Reason, "no reason given"), valueOr(gate.Code, "none")))
			return nil
		}
		q.to, q.toName = slug, describeProduct(option.Name, slug)
		q.downgrade = option.Type == client.OptionTypeDowngrade
		return q
	}
	ch.price = func(ctx context.Context, q *quote, diags *diag.Diagnostics) bool {
		var res *client.VPSChangeResult
		var err error
		if len(changed) > 0 {
			res, err = r.client.PreviewVPSConfig(ctx, vm.v2, client.VPSConfigChange{Resources: changed, CancelExistingInvoice: cancel})
		} else {
			res, err = r.client.PreviewVPSPlanChange(ctx, vm.v2, client.VPSPlanChange{ProductSlug: slug, CancelExistingInvoice: cancel})
		}
		if err != nil {
			addAPIError(diags, "Could not preview the price to "+ch.action, err, vmErrorTarget)
			return false
		}
		pc := res.PriceChange
		q.price = &client.PriceChange{Amount: pc.Amount, RecurringAmount: pc.RecurringAmount, CurrencyCode: pc.CurrencyCode,
			BillingCycle: valueOrDefault(pc.BillingCycle, cycle)}
		if len(changed) > 0 {
			q.downgrade = pc.Amount.IsNegative() || pc.AdditionalRecurringAmount.IsNegative()
		}
		return true
	}
	ch.commit = func(ctx context.Context, _ *quote) (*receipt, error) {
		var res *client.VPSChangeResult
		var err error
		if len(changed) > 0 {
			res, err = r.client.ChangeVPSConfig(ctx, vm.v2, client.VPSConfigChange{Resources: changed, CancelExistingInvoice: cancel})
		} else {
			res, err = r.client.ChangeVPSPlan(ctx, vm.v2, client.VPSPlanChange{ProductSlug: slug, CancelExistingInvoice: cancel})
		}
		if client.HasCode(err, client.ErrorCodeSameProductPlan) {
			return &receipt{inPlace: true}, nil
		}
		if err != nil {
			return nil, err
		}
		out := &receipt{lastOrder: lastOrderFromVPS(res)}
		if len(changed) == 0 {
			if res.CurrentPlan != nil {
				out.from = res.CurrentPlan.ProductSlug
			}
			if res.NewPlan != nil {
				out.to = res.NewPlan.ProductSlug
			}
		}
		if inv := res.PaymentInvoice; inv != nil {
			out.invoiced, out.charged = true, inv.Amount
		}
		return out, nil
	}
	ch.confirm = func(ctx context.Context) (bool, error) {
		v, err := r.client.GetVPS(ctx, vm.v2)
		if err != nil {
			return false, err
		}
		if len(changed) > 0 {
			now := vpsOptionValues(v.Options)
			for k, want := range changed {
				if now[k] != want {
					return false, nil
				}
			}
			return true, nil
		}
		return v.Plan.ProductSlug == slug, nil
	}
}

func valueOrDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// describeQuantities prints option quantities in a stable order.
func describeQuantities(q map[string]int64) string {
	parts := make([]string, 0, len(q))
	for _, k := range slices.Sorted(maps.Keys(q)) {
		parts = append(parts, fmt.Sprintf("%s = %d", k, q[k]))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// lastOrderFromVM records a v1 VM commit: order, invoice id and total, but
// no currency, due date or status.
func lastOrderFromVM(res *client.VMUpgradeResult) lastOrderModel {
	return lastOrderModel{
		OrderID:       nonEmptyString(res.OrderID),
		InvoiceID:     nonEmptyString(res.InvoiceID),
		InvoiceNumber: types.StringNull(),
		Amount:        numberValue(res.Total),
		CurrencyCode:  types.StringNull(),
		DueAt:         types.StringNull(),
		Status:        types.StringNull(),
		PaymentURL:    types.StringNull(),
	}
}

// lastOrderFromVPS records a v2 VPS commit.
func lastOrderFromVPS(res *client.VPSChangeResult) lastOrderModel {
	return lastOrderFromV2(&client.SharedHostingUpgradeResult{OrderID: res.OrderID, PaymentInvoice: res.PaymentInvoice})
}

// purchase, unknownInput, sameSubject, sameTarget and keepComputed are what
// the purchase flow's plan skeleton needs of the model.
func (m *vpsSizeModel) purchase() *purchaseFields { return &m.purchaseFields }

func (m *vpsSizeModel) unknownInput() (path.Path, bool) {
	for name, v := range map[string]attr.Value{
		"vm_id": m.VMID, "package": m.Package, "resources": m.Resources, "billing_cycle": m.BillingCycle,
		"product_slug": m.ProductSlug, "options": m.Options, "cancel_existing_invoice": m.CancelExistingInvoice,
	} {
		if v.IsUnknown() {
			return path.Root(name), true
		}
	}
	for name, mv := range map[string]types.Map{"resources": m.Resources, "options": m.Options} {
		for k, v := range mv.Elements() {
			if v.IsUnknown() {
				return path.Root(name).AtMapKey(k), true
			}
		}
	}
	return path.Empty(), false
}

func (m *vpsSizeModel) sameSubject(state *vpsSizeModel) bool { return state.VMID.Equal(m.VMID) }

func (m *vpsSizeModel) sameTarget(state *vpsSizeModel) bool {
	return state.Package.Equal(m.Package) && state.Resources.Equal(m.Resources) && state.BillingCycle.Equal(m.BillingCycle) &&
		state.ProductSlug.Equal(m.ProductSlug) && state.Options.Equal(m.Options)
}

func (m *vpsSizeModel) keepComputed(state *vpsSizeModel) {
	m.Specs = state.Specs
	m.keep(&state.purchaseFields)
}

func (m *vpsSizeModel) identity() vpsSizeIdentity { return vpsSizeIdentity{VMID: m.VMID} }

func (m *vpsSizeModel) guards() changeGuards {
	return changeGuards{maxAmount: m.MaxAmount, allowDowngrade: m.AllowDowngrade, cancelExistingInvoice: m.CancelExistingInvoice}
}
