# Every VPS the API key can see, with its v2 id and current plan.
data "hostup_virtual_servers" "all" {}

# Only the VPSs whose hostname contains "web", ignoring case.
data "hostup_virtual_servers" "web" {
  name = "web"
}

# The VPS with this primary IP address.
data "hostup_virtual_servers" "db" {
  primary_ip = "203.0.113.10"
}

# Find a VPS's vps_… id by its hostname, for hostup_vps_size.
output "servers" {
  value = { for s in data.hostup_virtual_servers.all.servers : s.hostname => s.id }
}
