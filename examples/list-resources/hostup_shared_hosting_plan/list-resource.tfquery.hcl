# Every shared-hosting account the API key can see, with the plan each is
# on: `terraform query -generate-config-out=plans.tf` writes a resource and
# an import block for each, which `terraform apply` adopts without buying.
list "hostup_shared_hosting_plan" "all" {
  provider         = hostup
  include_resource = true
  limit            = 1000
}

# Only the active accounts with a domain that contains "example.se".
list "hostup_shared_hosting_plan" "shops" {
  provider = hostup

  config {
    domain         = "example.se"
    service_status = "active"
  }
}
