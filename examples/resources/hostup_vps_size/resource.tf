# A v2 VPS (vps_… id): the plan by slug, or configurable options by key.
# `terraform plan` shows the exact price of the change in price_change, from
# HostUp's dry run, before anything is bought. Change the plan and the
# options in separate applies: each is previewed on what the VPS runs then.
resource "hostup_vps_size" "web" {
  vm_id        = "vps_01hxa3b4c5d6e7f8g9h0j1k2n1"
  product_slug = "vps-xl"
  max_amount   = 500 # refuse any change that would cost more than this now
}

# A v1 VM (integer vmid): the package by product id and configurable
# options by option id, priced by HostUp's estimate. Options not listed are
# not managed.
resource "hostup_vps_size" "db" {
  vm_id         = "10001"
  package       = "1938"
  billing_cycle = "annually"
  resources = {
    "2231" = 100 # additional storage, GB in total
  }
  max_amount = 2000
}

# What applying this configuration costs now; 0 once nothing is pending.
output "cost_of_this_change" {
  value = sum([for r in [hostup_vps_size.web, hostup_vps_size.db] : try(r.price_change.amount, 0)])
}
