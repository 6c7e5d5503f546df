# Adopt every shared-hosting account and VPS the API key can see, each at
# the plan and billing cycle it has now: the first plan imports them all and
# buys nothing. Then change a plan by naming it in var.plan_overrides.
terraform {
  required_providers {
    hostup = {
      source  = "hostup/hostup"
      version = "~> 0.1"
    }
  }
}

provider "hostup" {}

# Plans to change, by account id; every other account keeps its plan.
variable "plan_overrides" {
  type    = map(string)
  default = {}
  # default = { "acct_01hxa3b4c5d6e7f8g9h0j1k2m3" = "webbhotell-business" }
}

# One request per 100 accounts, and one per account for its current plan.
data "hostup_shared_hosting_accounts" "all" {}

# One request per 100 VPSs.
data "hostup_virtual_servers" "all" {}

locals {
  accounts = { for a in data.hostup_shared_hosting_accounts.all.accounts : a.id => a }
  servers  = { for s in data.hostup_virtual_servers.all.servers : s.id => s }

  # Each account's plan: the one it is on, unless overridden.
  plans = merge({ for id, a in local.accounts : id => a.product_slug }, var.plan_overrides)
}

# Import by id: Terraform 1.7 and later, OpenTofu 1.7 and later. With
# Terraform or OpenTofu 1.12 and later, `identity = { account_id = each.key }`
# (`vm_id` for hostup_vps_size) does the same.
import {
  for_each = local.accounts
  to       = hostup_shared_hosting_plan.account[each.key]
  id       = each.key
}

import {
  for_each = local.accounts
  to       = hostup_shared_hosting_billing_cycle.account[each.key]
  id       = each.key
}

import {
  for_each = local.servers
  to       = hostup_vps_size.server[each.key]
  id       = each.key
}

resource "hostup_shared_hosting_plan" "account" {
  for_each     = local.accounts
  account_id   = each.key
  product_slug = local.plans[each.key]
}

resource "hostup_shared_hosting_billing_cycle" "account" {
  for_each      = local.accounts
  account_id    = each.key
  billing_cycle = each.value.billing_cycle
}

resource "hostup_vps_size" "server" {
  for_each     = local.servers
  vm_id        = each.key
  product_slug = each.value.product_slug
}

# What applying this configuration costs now: 0 while every account and VPS
# keeps what it has.
output "cost_of_this_change" {
  value = sum(concat([0], [
    for r in concat(values(hostup_shared_hosting_plan.account), values(hostup_shared_hosting_billing_cycle.account), values(hostup_vps_size.server)) :
    try(r.price_change.amount, 0)
  ]))
}
