package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/hostup/terraform-provider-hostup/internal/hostupsim"
)

// `terraform query` of the list resources through the CLI (Terraform 1.14
// and later; older CLIs and OpenTofu have no list resources, and skip).

// queryTestCase runs one query step of listBlocks against url.
func queryTestCase(url, listBlocks string, checks ...querycheck.QueryResultCheck) resource.TestCase {
	return resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		Steps: []resource.TestStep{{
			Query:             true,
			Config:            providerBlock(url, testAPIKey) + listBlocks,
			QueryResultChecks: checks,
		}},
	}
}

// knownID is a query filter and identity check of one subject.
func knownID(attribute, id string) map[string]knownvalue.Check {
	return map[string]knownvalue.Check{attribute: knownvalue.StringExact(id)}
}

// Every account, over more than one page, each by its identity and primary
// domain; and the filters.
func TestAccQuery_sharedHostingPlan(t *testing.T) {
	sim, url := newTestSimulator(t)
	scale := seedScaleAccounts(sim, 110)
	sim.SetHostingStatus(v2AccountID2, "suspended")
	const all, shop, suspended = "hostup_shared_hosting_plan.all", "hostup_shared_hosting_plan.shop", "hostup_shared_hosting_plan.suspended"
	resource.ParallelTest(t, queryTestCase(url, `
list "hostup_shared_hosting_plan" "all" {
  provider = hostup
  limit    = 500
}
list "hostup_shared_hosting_plan" "shop" {
  provider = hostup
  config {
    domain = "SHOP.example"
  }
}
list "hostup_shared_hosting_plan" "suspended" {
  provider = hostup
  config {
    service_status = "suspended"
  }
}
`,
		querycheck.ExpectLength(all, 112),
		querycheck.ExpectIdentity(all, knownID("account_id", v2AccountID)),
		querycheck.ExpectIdentity(all, knownID("account_id", scale[109])),
		querycheck.ExpectResourceDisplayName(all, queryfilter.ByResourceIdentity(knownID("account_id", v2AccountID)),
			knownvalue.StringExact("example.com")),
		querycheck.ExpectResourceDisplayName(all, queryfilter.ByResourceIdentity(knownID("account_id", scale[109])),
			knownvalue.StringExact("site109.example.se")),
		querycheck.ExpectLength(shop, 1),
		querycheck.ExpectIdentity(shop, knownID("account_id", v2AccountID2)),
		querycheck.ExpectLength(suspended, 1),
		querycheck.ExpectResourceDisplayName(suspended, nil, knownvalue.StringExact("shop.example.se")),
	))
}

// With include_resource, each result holds what an import would adopt.
func TestAccQuery_sharedHostingBillingCycle(t *testing.T) {
	_, url := newTestSimulator(t)
	const all = "hostup_shared_hosting_billing_cycle.all"
	resource.ParallelTest(t, queryTestCase(url, `
list "hostup_shared_hosting_billing_cycle" "all" {
  provider         = hostup
  include_resource = true
}
`,
		querycheck.ExpectLength(all, 2),
		querycheck.ExpectIdentity(all, knownID("account_id", v2AccountID)),
		querycheck.ExpectIdentity(all, knownID("account_id", v2AccountID2)),
		querycheck.ExpectResourceDisplayName(all, queryfilter.ByResourceIdentity(knownID("account_id", v2AccountID2)),
			knownvalue.StringExact("shop.example.se")),
		querycheck.ExpectResourceKnownValues(all, queryfilter.ByResourceIdentity(knownID("account_id", v2AccountID)), []querycheck.KnownValueCheck{
			{Path: tfjsonpath.New("billing_cycle"), KnownValue: knownvalue.StringExact("annually")},
			{Path: tfjsonpath.New("cancel_existing_invoice"), KnownValue: knownvalue.Bool(false)},
			{Path: tfjsonpath.New("price_change"), KnownValue: knownvalue.Null()},
		}),
		querycheck.ExpectResourceKnownValues(all, queryfilter.ByResourceIdentity(knownID("account_id", v2AccountID2)), []querycheck.KnownValueCheck{
			{Path: tfjsonpath.New("billing_cycle"), KnownValue: knownvalue.StringExact("monthly")},
		}),
	))
}

// Every VPS over more than one page; the name and status filters; and the
// plan each would adopt.
func TestAccQuery_vpsSize(t *testing.T) {
	sim, url := newTestSimulator(t)
	bulk := sim.AddVMs(110, hostupsim.VM{ProductID: "vps-s", Hostname: "bulk.example.net"})
	sim.SetVMStatus(xlVMV2ID, "suspended")
	const all, named, suspended = "hostup_vps_size.all", "hostup_vps_size.named", "hostup_vps_size.suspended"
	last := bulk[len(bulk)-1]
	resource.ParallelTest(t, queryTestCase(url, `
list "hostup_vps_size" "all" {
  provider = hostup
  limit    = 500
}
list "hostup_vps_size" "named" {
  provider         = hostup
  include_resource = true
  config {
    name = "vps1."
  }
}
list "hostup_vps_size" "suspended" {
  provider = hostup
  config {
    status = "suspended"
  }
}
`,
		querycheck.ExpectLength(all, 112),
		querycheck.ExpectIdentity(all, knownID("vm_id", demoVMV2ID)),
		querycheck.ExpectIdentity(all, knownID("vm_id", last.V2ID)),
		querycheck.ExpectResourceDisplayName(all, queryfilter.ByResourceIdentity(knownID("vm_id", last.V2ID)),
			knownvalue.StringExact(fmt.Sprintf("%d-bulk.example.net", last.ID))),
		querycheck.ExpectLength(named, 1),
		querycheck.ExpectResourceDisplayName(named, nil, knownvalue.StringExact("vps1.example.com")),
		querycheck.ExpectResourceKnownValues(named, queryfilter.ByResourceIdentity(knownID("vm_id", demoVMV2ID)), []querycheck.KnownValueCheck{
			{Path: tfjsonpath.New("product_slug"), KnownValue: knownvalue.StringExact("vps-l")},
			{Path: tfjsonpath.New("options"), KnownValue: knownvalue.Null()},
			{Path: tfjsonpath.New("specs").AtMapKey("product_name"), KnownValue: knownvalue.StringExact("VPS L")},
		}),
		querycheck.ExpectLength(suspended, 1),
		querycheck.ExpectIdentity(suspended, knownID("vm_id", xlVMV2ID)),
	))
}
