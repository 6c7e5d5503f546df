# Every shared-hosting account the API key can see, with the cycle each is
# billed on: `terraform query -generate-config-out=cycles.tf` writes a
# resource and an import block for each, which `terraform apply` adopts
# without buying.
list "hostup_shared_hosting_billing_cycle" "all" {
  provider         = hostup
  include_resource = true
  limit            = 1000
}

# Only the suspended accounts.
list "hostup_shared_hosting_billing_cycle" "suspended" {
  provider = hostup

  config {
    service_status = "suspended"
  }
}
