# Every VPS the API key can see.
data "hostup_virtual_servers" "all" {}

# Only the VPSs that match a name.
data "hostup_virtual_servers" "web" {
  name = "web"
}
