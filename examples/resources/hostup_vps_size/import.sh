# A v2 VPS by its vps_… id (a v1 VM by its integer vmid, e.g. 10000).
terraform import hostup_vps_size.web vps_01hxa3b4c5d6e7f8g9h0j1k2n1
