# The same account and VPS by their v2 ids, with the same plans named by slug:
# after `terraform state rm` and an import by the v2 id, the plan is empty.
resource "hostup_shared_hosting_plan" "site" {
  account_id   = "acct_01hxa3b4c5d6e7f8g9h0j1k2m3"
  product_slug = "webbhotell-start"
}

resource "hostup_vps_size" "vps" {
  vm_id        = "vps_01hxa3b4c5d6e7f8g9h0j1k2n1"
  product_slug = "vps-l"
}

# Every account the API key can see; find an account's v2 id by its domain.
data "hostup_shared_hosting_accounts" "all" {}

output "site_v2_id" {
  value = one([
    for a in data.hostup_shared_hosting_accounts.all.accounts : a.id if a.primary_domain == "example.com"
  ])
}
