package provider

import (
	"context"
	"iter"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hostup/terraform-provider-hostup/internal/client"
)

// The list resource of VPS sizes reads HostUp's v2 VPS listing
// (GET /api/v2/vps), which narrows by name itself; the provider narrows it
// by status.

// vpsListFilter is the list block of hostup_vps_size's list resource.
type vpsListFilter struct {
	Name   types.String `tfsdk:"name"`
	Status types.String `tfsdk:"status"`
}

// NewVPSSizeListResource lists the sizes of the v2 VPSs, for
// `terraform query`.
func NewVPSSizeListResource() list.ListResource {
	return newPaidListResource[client.VPS, vpsListFilter, vpsSizeModel, *vpsSizeModel](vpsSizeKind{}, listSpec[client.VPS, vpsListFilter, vpsSizeModel]{
		Description: "Lists the VPSs the API key can see, each as a `hostup_vps_size` to adopt: by its v2 id (`vm_id`, " +
			"`vps_…`), shown by its hostname. Every page of HostUp's VPS listing is read, as the results stream. With " +
			"`include_resource = true` (which `terraform query -generate-config-out` uses), each result also holds the " +
			"VPS's plan (`product_slug`) and `specs`, from the listing itself: the state an import of the VPS would give.",
		Scope: "read:vm",
		Noun:  "VPS",
		Filters: map[string]schema.Attribute{
			"name": textFilter("Only VPSs whose hostname contains this text, ignoring case. HostUp filters its listing " +
				"by it (its `name` filter), so fewer pages are read."),
			"status": textFilter("Only VPSs with this status, as HostUp reports it (e.g. `active`, `suspended`), " +
				"ignoring case."),
		},
		Entries: func(ctx context.Context, c *client.Client, f vpsListFilter) iter.Seq2[client.VPS, error] {
			return c.VPSes(ctx, client.VPSFilter{Name: f.Name.ValueString()})
		},
		Keeps: vpsListFilter.keeps,
		DisplayName: func(v client.VPS) string {
			if v.Hostname != "" {
				return v.Hostname
			}
			return v.ID
		},
		ID:   func(v client.VPS) string { return v.ID },
		Read: readListedVPSSize,
	})
}

// keeps holds HostUp's answer to the name filter, which HostUp does not
// define, to what the filter's description promises.
func (f vpsListFilter) keeps(v client.VPS) bool {
	return strings.Contains(strings.ToLower(v.Hostname), strings.ToLower(f.Name.ValueString())) &&
		(f.Status.IsNull() || strings.EqualFold(v.Status, f.Status.ValueString()))
}

// readListedVPSSize reads a VPS's size from its listing entry, which holds
// its plan and specs; the options the entry lacks are not adopted by an
// import either.
func readListedVPSSize(_ context.Context, _ *client.Client, v client.VPS) (func(m *vpsSizeModel), error) {
	return func(m *vpsSizeModel) { m.FromAPI(&v) }, nil
}
