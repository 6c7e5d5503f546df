# The storage blocks a v2 account can buy, with their prices, and whether
# HostUp accepts a storage order now. Reading this buys nothing.
data "hostup_shared_hosting_storage_tiers" "site" {
  account_id = "acct_01hxa3b4c5d6e7f8g9h0j1k2m3"
}

output "storage_for_sale" {
  value = {
    for t in data.hostup_shared_hosting_storage_tiers.site.tiers :
    t.id => "${t.size_gb} GB for ${t.price} ${t.currency_code} ${t.billing_cycle}" if t.available
  }
}

output "can_add_storage" {
  value = data.hostup_shared_hosting_storage_tiers.site.can_add_storage.allowed
}
