package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// Every data source is read-only and has the same lifecycle: a type name, a
// client from the provider, and a Read that turns HostUp's answers into
// state through its model's FromAPI (v2) or FromV1 (v1) method. What they
// share lives here, so that each data source's file holds only its schema,
// its requests and its model.

var (
	_ datasource.DataSourceWithConfigure        = (*accountsDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*billingCycleDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*billingCycleDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*planOptionsDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*storageTiersDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*vpsUpgradeOptionsDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*virtualServersDataSource)(nil)
)

// dataSourceBase is embedded by every data source: it names the type and
// holds the client. typeName is the part after "hostup_".
type dataSourceBase struct {
	typeName string
	client   *client.Client
}

func (d *dataSourceBase) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.typeName
}

func (d *dataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFromProviderData(req.ProviderData, &resp.Diagnostics)
}

// readConfig is the configuration of a data source being read, as its
// model; false after an error.
func readConfig[M any](ctx context.Context, req datasource.ReadRequest, diags *diag.Diagnostics) (M, bool) {
	var model M
	diags.Append(req.Config.Get(ctx, &model)...)
	return model, !diags.HasError()
}

// v2AccountArgument is the account_id of what only v2 serves.
func v2AccountArgument() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "The account's v2 id (`acct_…`; `hostup_shared_hosting_accounts` lists them).",
		Required:            true,
		Validators:          []validator.String{v2AccountIDValidator},
	}
}

// Every attribute a data source reads from HostUp is computed.

func computedString(desc string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
}

func computedInt(desc string) schema.Int64Attribute {
	return schema.Int64Attribute{Computed: true, MarkdownDescription: desc}
}

func computedNumber(desc string) schema.NumberAttribute {
	return schema.NumberAttribute{Computed: true, MarkdownDescription: desc}
}

func computedBool(desc string) schema.BoolAttribute {
	return schema.BoolAttribute{Computed: true, MarkdownDescription: desc}
}

// computedList is a list of objects with the given attributes.
func computedList(desc string, attributes map[string]schema.Attribute) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{Computed: true, MarkdownDescription: desc,
		NestedObject: schema.NestedAttributeObject{Attributes: attributes}}
}

// computedObject is one object with the given attributes.
func computedObject(desc string, attributes map[string]schema.Attribute) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{Computed: true, MarkdownDescription: desc, Attributes: attributes}
}
