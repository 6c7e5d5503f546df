import {
  to = hostup_shared_hosting_storage_addon.extra[0]
  id = "acct_01hxa3b4c5d6e7f8g9h0j1k2m3/ord_01hxa3b4c5d6e7f8g9h0j1k2m3"
}
