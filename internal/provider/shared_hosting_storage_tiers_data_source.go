package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/hostup/terraform-provider-hostup/internal/provider/apierror"
)

// NewStorageTiersDataSource is the hostup_shared_hosting_storage_tiers data source.
func NewStorageTiersDataSource() datasource.DataSource {
	return &storageTiersDataSource{dataSourceBase{typeName: "shared_hosting_storage_tiers"}}
}

// storageTiersDataSource lists the storage blocks one v2 account can buy and
// whether HostUp accepts a storage order now.
type storageTiersDataSource struct{ dataSourceBase }

func (d *storageTiersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The storage add-on tiers a v2 shared-hosting account can buy, with their prices, and whether " +
			"HostUp accepts a storage order now. Each `id` is a valid `hostup_shared_hosting_storage_addon.addon_id`. " +
			"Reading this buys nothing. HostUp's v1 API has no such list, so the account is named by its v2 id." +
			scopesNote("hostup_shared_hosting_storage_tiers"),
		Attributes: map[string]schema.Attribute{
			"account_id": v2AccountArgument(),
			"domain":     computedString("The account's domain."),
			"can_add_storage": computedObject("Whether HostUp accepts a storage order for the account now. Storage blocks "+
				"stack, so buying one does not close this; a plan change still being processed does (`code` `pending_order`).",
				actionGateAttributes("a storage order")),
			"tiers": computedList("Every tier, in HostUp's order.", map[string]schema.Attribute{
				"id":            computedString("Tier id, e.g. `storage-10gb`: the value `hostup_shared_hosting_storage_addon.addon_id` takes."),
				"name":          computedString("Tier name."),
				"description":   computedString("HostUp's description of the tier."),
				"size_gb":       computedInt("Disk space one block adds, in GB."),
				"price":         computedNumber("Price of one block per `billing_cycle`, exact."),
				"currency_code": computedString("ISO currency code of `price`."),
				"billing_cycle": computedString("How often `price` is billed, e.g. `annually`."),
				"available":     computedBool("Whether HostUp sells this tier to the account now."),
				"reason":        computedString("Why the tier is not available, if it is not."),
			}),
		},
	}
}

func (d *storageTiersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	model, ok := readConfig[storageTiersModel](ctx, req, &resp.Diagnostics)
	if !ok {
		return
	}
	accountID := model.AccountID.ValueString()
	tiers, err := d.client.ListStorageTiers(ctx, accountID)
	if err != nil {
		apierror.Add(&resp.Diagnostics, "Could not read the storage tiers of account "+accountID, err, accountErrors)
		return
	}
	model.FromAPI(tiers)
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}
