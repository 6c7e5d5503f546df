# A v2 account (acct_… id), named by product slug. `terraform plan` shows the
# exact price of the change in price_change, from HostUp's dry run, before
# anything is bought.
resource "hostup_shared_hosting_plan" "site" {
  account_id   = "acct_01hxa3b4c5d6e7f8g9h0j1k2m3"
  product_slug = "webbhotell-business"
  max_amount   = 500 # refuse any change that would cost more than this now
}

# What applying this configuration costs now. price_change is null when
# nothing is pending, so this is 0 once the change is applied. List every
# v2 resource here; a v1 resource would make the sum unknown until apply.
output "cost_of_this_change" {
  value = sum([for r in [hostup_shared_hosting_plan.site] : try(r.price_change.amount, 0)])
}

# A v1 account (integer id), named by product id. HostUp has no preview on
# v1: price_change is unknown in the plan (with a warning), and max_amount
# is refused. This adopts the account on the plan it has now; to upgrade,
# set product_id to the target product id instead, e.g. "1913".
data "hostup_billing_cycle" "legacy_site" {
  account_id = 20000
}

resource "hostup_shared_hosting_plan" "legacy_site" {
  account_id = data.hostup_billing_cycle.legacy_site.account_id
  product_id = data.hostup_billing_cycle.legacy_site.product_id
}
