# The tiers an account can buy, with their prices.
data "hostup_shared_hosting_storage_tiers" "site" {
  account_id = "acct_01hxa3b4c5d6e7f8g9h0j1k2m3"
}

# Two 10 GB blocks: each instance is one purchase, so count = 2 buys exactly
# two. `terraform plan` shows each block's price in price_change before
# anything is bought; max_amount refuses a dearer one.
resource "hostup_shared_hosting_storage_addon" "extra" {
  count      = 2
  account_id = data.hostup_shared_hosting_storage_tiers.site.account_id
  addon_id   = "storage-10gb"
  max_amount = 60
}

output "storage_cost_now_sek" {
  value = sum([for b in hostup_shared_hosting_storage_addon.extra : try(b.price_change.amount, 0)])
}
