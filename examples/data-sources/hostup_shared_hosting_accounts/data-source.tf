# Every shared-hosting account the API key can see, with its v2 id.
data "hostup_shared_hosting_accounts" "all" {}

# Find an account's acct_… id by its domain, for hostup_shared_hosting_plan.
locals {
  site_account_id = one([
    for a in data.hostup_shared_hosting_accounts.all.accounts : a.id if a.primary_domain == "example.com"
  ])
}

output "accounts" {
  value = { for a in data.hostup_shared_hosting_accounts.all.accounts : a.primary_domain => a.id }
}
