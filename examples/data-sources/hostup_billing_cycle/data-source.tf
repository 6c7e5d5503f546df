# A v1 hosting account (integer id): read through HostUp's v1 route. Its
# product_id is what a v1 plan change (hostup_shared_hosting_plan.product_id)
# takes.
data "hostup_billing_cycle" "legacy_site" {
  account_id = 20000
}

# A VPS, by its v1 vmid.
data "hostup_billing_cycle" "vm" {
  vm_id = 10000
}

# A v2 hosting account (acct_… id): read through HostUp's v2 route, with the
# currency of the prices. product_id is null: v2 plans are named by slug.
data "hostup_billing_cycle" "site" {
  account_id = "acct_01hxa3b4c5d6e7f8g9h0j1k2m3"
}

output "legacy_site_product_id" {
  value = data.hostup_billing_cycle.legacy_site.product_id
}

output "vm_billing_cycle" {
  # Canonical name, the same on both API generations: "monthly", "annually", …
  value = data.hostup_billing_cycle.vm.current_billing_cycle
}

output "site_prices" {
  # For example { annually = 708, monthly = 79 }.
  value = {
    for c in data.hostup_billing_cycle.site.cycles : c.billing_cycle => c.price
  }
}
