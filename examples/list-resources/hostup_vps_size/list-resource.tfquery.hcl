# Every VPS the API key can see, with its plan: `terraform query
# -generate-config-out=sizes.tf` writes a resource and an import block for
# each, which `terraform apply` adopts without buying.
list "hostup_vps_size" "all" {
  provider         = hostup
  include_resource = true
  limit            = 1000
}

# Only the active VPSs whose hostname contains "db".
list "hostup_vps_size" "databases" {
  provider = hostup

  config {
    name   = "db"
    status = "active"
  }
}
