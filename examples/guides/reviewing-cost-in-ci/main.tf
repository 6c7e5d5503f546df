resource "hostup_shared_hosting_plan" "site" {
  account_id   = "acct_01hxa3b4c5d6e7f8g9h0j1k2m3"
  product_slug = "webbhotell-business"
  max_amount   = 500 # this resource's budget: a dearer change fails the plan
}

resource "hostup_vps_size" "web" {
  vm_id        = "vps_01hxa3b4c5d6e7f8g9h0j1k2n1"
  product_slug = "vps-xl"
  max_amount   = 500
}

# What applying this plan costs now: price_change is null when nothing is
# pending, so try() counts such a resource as 0.
output "cost_of_this_change" {
  value = sum([for r in [
    hostup_shared_hosting_plan.site,
    hostup_vps_size.web,
  ] : try(r.price_change.amount, 0)])
}
