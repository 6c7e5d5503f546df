# A storage block: each instance is one purchase. Never add
# lifecycle { create_before_destroy = true } to this resource.
resource "hostup_shared_hosting_storage_addon" "extra" {
  account_id = "acct_01hxa3b4c5d6e7f8g9h0j1k2m3"
  addon_id   = "storage-10gb"
  max_amount = 60
}
