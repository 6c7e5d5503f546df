# The plans a v2 account can move to, with their recurring prices: the valid
# values of hostup_shared_hosting_plan.product_slug.
data "hostup_shared_hosting_plan_options" "site" {
  account_id = "acct_01hxa3b4c5d6e7f8g9h0j1k2m3"
}

output "upgrades" {
  value = {
    for o in data.hostup_shared_hosting_plan_options.site.options :
    o.product_slug => "${o.amount} ${o.currency_code} ${o.billing_cycle}" if o.type == "upgrade" && o.available
  }
}
