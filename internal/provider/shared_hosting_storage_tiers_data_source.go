package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

var (
	_ datasource.DataSource              = (*storageTiersDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*storageTiersDataSource)(nil)
)

// NewStorageTiersDataSource is the hostup_shared_hosting_storage_tiers data source.
func NewStorageTiersDataSource() datasource.DataSource {
	return &storageTiersDataSource{}
}

// storageTiersDataSource lists the storage blocks one v2 account can buy and
// whether HostUp accepts a storage order now.
type storageTiersDataSource struct {
	client *client.Client
}

type storageTiersModel struct {
	AccountID     types.String       `tfsdk:"account_id"`
	Domain        types.String       `tfsdk:"domain"`
	CanAddStorage *actionGateModel   `tfsdk:"can_add_storage"`
	Tiers         []storageTierModel `tfsdk:"tiers"`
}

// actionGateModel is HostUp's "may this be done now, and if not why".
type actionGateModel struct {
	Allowed types.Bool   `tfsdk:"allowed"`
	Reason  types.String `tfsdk:"reason"`
	Code    types.String `tfsdk:"code"`
}

type storageTierModel struct {
	ID           types.String `tfsdk:"id"`
	Name         types.String `tfsdk:"name"`
	Description  types.String `tfsdk:"description"`
	SizeGB       types.Int64  `tfsdk:"size_gb"`
	Price        types.Number `tfsdk:"price"`
	CurrencyCode types.String `tfsdk:"currency_code"`
	BillingCycle types.String `tfsdk:"billing_cycle"`
	Available    types.Bool   `tfsdk:"available"`
	Reason       types.String `tfsdk:"reason"`
}

func (d *storageTiersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_shared_hosting_storage_tiers"
}

func (d *storageTiersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The storage add-on tiers a v2 shared-hosting account can buy, with their prices, and whether " +
			"HostUp accepts a storage order now. Each `id` is a valid `hostup_shared_hosting_storage_addon.addon_id`. " +
			"Reading this buys nothing. HostUp's v1 API has no such list, so the account is named by its v2 id." +
			scopesNote("hostup_shared_hosting_storage_tiers"),
		Attributes: map[string]schema.Attribute{
			"account_id": schema.StringAttribute{
				MarkdownDescription: "The account's v2 id (`acct_…`; `hostup_shared_hosting_accounts` lists them).",
				Required:            true,
				Validators:          []validator.String{v2AccountIDValidator},
			},
			"domain": schema.StringAttribute{Computed: true, MarkdownDescription: "The account's domain."},
			"can_add_storage": schema.SingleNestedAttribute{
				Computed: true,
				MarkdownDescription: "Whether HostUp accepts a storage order for the account now. Storage blocks stack, so " +
					"buying one does not close this; a plan change still being processed does (`code` `pending_order`).",
				Attributes: map[string]schema.Attribute{
					"allowed": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether a storage order would be accepted now."},
					"reason":  schema.StringAttribute{Computed: true, MarkdownDescription: "HostUp's reason when `allowed` is false."},
					"code":    schema.StringAttribute{Computed: true, MarkdownDescription: "HostUp's code when `allowed` is false, e.g. `pending_order`."},
				},
			},
			"tiers": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "Every tier, in HostUp's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":            schema.StringAttribute{Computed: true, MarkdownDescription: "Tier id, e.g. `storage-10gb`: the value `hostup_shared_hosting_storage_addon.addon_id` takes."},
					"name":          schema.StringAttribute{Computed: true, MarkdownDescription: "Tier name."},
					"description":   schema.StringAttribute{Computed: true, MarkdownDescription: "HostUp's description of the tier."},
					"size_gb":       schema.Int64Attribute{Computed: true, MarkdownDescription: "Disk space one block adds, in GB."},
					"price":         schema.NumberAttribute{Computed: true, MarkdownDescription: "Price of one block per `billing_cycle`, exact."},
					"currency_code": schema.StringAttribute{Computed: true, MarkdownDescription: "ISO currency code of `price`."},
					"billing_cycle": schema.StringAttribute{Computed: true, MarkdownDescription: "How often `price` is billed, e.g. `annually`."},
					"available":     schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether HostUp sells this tier to the account now."},
					"reason":        schema.StringAttribute{Computed: true, MarkdownDescription: "Why the tier is not available, if it is not."},
				}},
			},
		},
	}
}

func (d *storageTiersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFromProviderData(req.ProviderData, &resp.Diagnostics)
}

func (d *storageTiersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model storageTiersModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	accountID := model.AccountID.ValueString()
	tiers, err := d.client.ListStorageTiers(ctx, accountID)
	if err != nil {
		apierror.Add(&resp.Diagnostics, "Could not read the storage tiers of account "+accountID, err, apierror.At(path.Root("account_id"), accountLookup))
		return
	}
	model.fromStorageTiers(tiers)
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}

// fromStorageTiers fills the computed attributes from HostUp's tier list.
func (m *storageTiersModel) fromStorageTiers(list *client.StorageTiers) {
	m.Domain = types.StringValue(list.Account.Domain)
	m.CanAddStorage = actionGateFrom(list.Actions.CanAddStorage)
	m.Tiers = make([]storageTierModel, 0, len(list.Tiers))
	for _, t := range list.Tiers {
		m.Tiers = append(m.Tiers, storageTierModel{
			ID:           types.StringValue(t.ID),
			Name:         types.StringValue(t.Name),
			Description:  types.StringValue(t.Description),
			SizeGB:       types.Int64Value(int64(t.SizeGB)),
			Price:        tfvalue.Amount(t.Price),
			CurrencyCode: types.StringValue(t.CurrencyCode),
			BillingCycle: types.StringValue(t.BillingCycle),
			Available:    types.BoolValue(t.Available),
			Reason:       types.StringPointerValue(t.Reason),
		})
	}
}

func actionGateFrom(g client.ActionGate) *actionGateModel {
	return &actionGateModel{
		Allowed: types.BoolValue(g.Allowed),
		Reason:  types.StringPointerValue(g.Reason),
		Code:    types.StringPointerValue(g.Code),
	}
}
