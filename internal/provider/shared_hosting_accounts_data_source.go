package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
	"github.com/hostup/terraform-provider-hostup/internal/provider/tfvalue"
)

var (
	_ datasource.DataSource              = (*accountsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*accountsDataSource)(nil)
)

// NewAccountsDataSource is the hostup_shared_hosting_accounts data source.
func NewAccountsDataSource() datasource.DataSource {
	return &accountsDataSource{}
}

// accountsDataSource lists the v2 shared-hosting accounts of the API key's
// customer: where the acct_ ids the other objects take come from.
type accountsDataSource struct {
	client *client.Client
}

type accountsModel struct {
	Accounts []accountModel `tfsdk:"accounts"`
}

type accountModel struct {
	ID            types.String `tfsdk:"id"`
	Name          types.String `tfsdk:"name"`
	PrimaryDomain types.String `tfsdk:"primary_domain"`
	Domains       types.List   `tfsdk:"domains"`
	ServiceStatus types.String `tfsdk:"service_status"`
	Amount        types.Number `tfsdk:"amount"`
	CurrencyCode  types.String `tfsdk:"currency_code"`
	BillingCycle  types.String `tfsdk:"billing_cycle"`
	NextDueAt     types.String `tfsdk:"next_due_at"`
}

func (d *accountsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_shared_hosting_accounts"
}

func (d *accountsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Every shared-hosting account the API key can see, with its v2 id (`acct_…`): the id " +
			"`hostup_shared_hosting_plan` and the other data sources take. Reads all pages of `GET /api/v2/shared-hosting`." +
			scopesNote("hostup_shared_hosting_accounts"),
		Attributes: map[string]schema.Attribute{
			"accounts": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The accounts, in HostUp's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":             schema.StringAttribute{Computed: true, MarkdownDescription: "v2 account id (`acct_…`)."},
					"name":           schema.StringAttribute{Computed: true, MarkdownDescription: "Account name, e.g. `Start (cpanel)`."},
					"primary_domain": schema.StringAttribute{Computed: true, MarkdownDescription: "Primary domain."},
					"domains":        schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Every domain on the account."},
					"service_status": schema.StringAttribute{Computed: true, MarkdownDescription: "`active`, `pending`, `suspended`, `cancelled`, `terminated`, `expired`, `fraud` or `unknown`."},
					"amount":         schema.NumberAttribute{Computed: true, MarkdownDescription: "Recurring price per `billing_cycle`, exact."},
					"currency_code":  schema.StringAttribute{Computed: true, MarkdownDescription: "ISO currency code."},
					"billing_cycle":  schema.StringAttribute{Computed: true, MarkdownDescription: "Billing cycle, e.g. `annually`."},
					"next_due_at":    schema.StringAttribute{Computed: true, MarkdownDescription: "Next due date (RFC 3339), if any."},
				}},
			},
		},
	}
}

func (d *accountsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFromProviderData(req.ProviderData, &resp.Diagnostics)
}

func (d *accountsDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	accounts, err := d.client.ListSharedHostingAccounts(ctx)
	if err != nil {
		apierror.Add(&resp.Diagnostics, "Could not list the shared-hosting accounts", err, apierror.Target{})
		return
	}
	model := accountsModel{Accounts: make([]accountModel, 0, len(accounts))}
	for _, a := range accounts {
		m, diags := accountFromClient(ctx, a)
		resp.Diagnostics.Append(diags...)
		model.Accounts = append(model.Accounts, m)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}

func accountFromClient(ctx context.Context, a client.SharedHostingAccount) (accountModel, diag.Diagnostics) {
	domains, diags := types.ListValueFrom(ctx, types.StringType, a.Domains)
	return accountModel{
		ID:            types.StringValue(a.ID),
		Name:          types.StringValue(a.Name),
		PrimaryDomain: types.StringValue(a.PrimaryDomain),
		Domains:       domains,
		ServiceStatus: types.StringValue(a.ServiceStatus),
		Amount:        tfvalue.Amount(a.Billing.Amount),
		CurrencyCode:  types.StringValue(a.Billing.CurrencyCode),
		BillingCycle:  types.StringValue(a.Billing.BillingCycle),
		NextDueAt:     types.StringPointerValue(a.NextDueAt),
	}, diags
}
