# A v2 VPS: its plans and configurable options, with their prices.
data "hostup_vps_upgrade_options" "db" {
  vm_id = "vps_01hxa3b4c5d6e7f8g9h0j1k2n1"
}

output "vps_upgrades" {
  value = {
    for p in data.hostup_vps_upgrade_options.db.plans :
    p.product_slug => "${p.amount} ${p.currency_code} ${p.billing_cycle}" if p.type == "upgrade" && p.available
  }
}

output "vps_option_prices" {
  value = {
    for o in data.hostup_vps_upgrade_options.db.options :
    o.key => "${o.current} now (${o.min}-${o.max}), ${o.price} ${o.currency_code} per unit and ${o.billing_cycle}"
  }
}

# A v1 VM id: the current package, price and specs only (v1 lists no options).
data "hostup_vps_upgrade_options" "legacy" {
  vm_id = 10000
}
