# The demo configuration `make demo` plans and applies against the HostUp
# simulator. The provider reads HOSTUP_API_KEY and HOSTUP_ENDPOINT from the
# environment, which make demo sets from the simulator it starts.
terraform {
  required_providers {
    hostup = {
      source  = "hostup/hostup"
      version = "~> 0.1"
    }
  }
}

provider "hostup" {}

# The billing cycle and v1 product id of a hosting account (v1 route) ...
data "hostup_billing_cycle" "site" {
  account_id = 20000
}

# ... and of a VPS.
data "hostup_billing_cycle" "vps" {
  vm_id = 10000
}

# example.com: Start -> Business. The plan shows the exact price from
# HostUp's dry run; max_amount refuses anything dearer.
resource "hostup_shared_hosting_plan" "site" {
  account_id   = "acct_01hxa3b4c5d6e7f8g9h0j1k2m3"
  product_slug = "webbhotell-business"
  max_amount   = 500
}

# shop.example.se: Mini -> Start, billed monthly.
resource "hostup_shared_hosting_plan" "shop" {
  account_id   = "acct_01hxa3b4c5d6e7f8g9h0j1k2m4"
  product_slug = "webbhotell-start"
  max_amount   = 100
}

# vps1.example.com: VPS L -> VPS XL, priced by HostUp's estimate (v1).
# HostUp carries VM upgrades out a few minutes after the order.
resource "hostup_vps_size" "vps" {
  vm_id      = "10000"
  package    = "1938"
  max_amount = 500
}

# shop.example.se: one 10 GB storage block (49 SEK a year), priced from the
# account's tier list. Bought after the plan change: the block's unpaid
# invoice would otherwise block that change (existing_invoice_blocking).
resource "hostup_shared_hosting_storage_addon" "shop_extra" {
  account_id = hostup_shared_hosting_plan.shop.account_id
  addon_id   = "storage-10gb"
  max_amount = 60
  depends_on = [hostup_shared_hosting_plan.shop]
}

# example.com's billing cycle: annually, as it is billed now. Switching it in
# the same apply as the plan change above would be refused: both changes were
# priced against the account as it was, and the plan change's unpaid invoice
# blocks a second one. make demo pays that invoice, then plans the switch with
# -var site_billing_cycle=monthly to show its price (a credit).
variable "site_billing_cycle" {
  type    = string
  default = "annually"
}

resource "hostup_shared_hosting_billing_cycle" "site" {
  account_id    = "acct_01hxa3b4c5d6e7f8g9h0j1k2m3"
  billing_cycle = var.site_billing_cycle
}

# The previews are known at plan time, so plain Terraform adds them up:
# this is what the plan costs now, and 0 once nothing is pending.
output "cost_of_this_change_sek" {
  value = sum([for r in [
    hostup_shared_hosting_plan.site,
    hostup_shared_hosting_plan.shop,
    hostup_vps_size.vps,
    hostup_shared_hosting_storage_addon.shop_extra,
    hostup_shared_hosting_billing_cycle.site,
  ] : try(r.price_change.amount, 0)])
}

output "site_billing" {
  value = {
    product_id    = data.hostup_billing_cycle.site.product_id
    billing_cycle = data.hostup_billing_cycle.site.current_billing_cycle
    prices        = { for c in data.hostup_billing_cycle.site.cycles : c.billing_cycle => c.price }
  }
}

output "vps_billing" {
  value = {
    product_id = data.hostup_billing_cycle.vps.product_id
    name       = data.hostup_billing_cycle.vps.account_details.name
    total      = data.hostup_billing_cycle.vps.account_details.total
  }
}

output "orders" {
  value = { for k, r in {
    site               = hostup_shared_hosting_plan.site,
    shop               = hostup_shared_hosting_plan.shop,
    vps                = hostup_vps_size.vps,
    shop_extra         = hostup_shared_hosting_storage_addon.shop_extra,
    site_billing_cycle = hostup_shared_hosting_billing_cycle.site,
  } : k => r.last_order }
}
