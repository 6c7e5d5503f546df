# Managed by v1 ids: the plan change has no price preview.
resource "hostup_shared_hosting_plan" "site" {
  account_id = "20000"
  product_id = "1912"
}

resource "hostup_vps_size" "vps" {
  vm_id   = "10000"
  package = "1937"
}
