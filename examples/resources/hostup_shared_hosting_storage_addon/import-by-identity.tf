import {
  to = hostup_shared_hosting_storage_addon.extra[0]
  identity = {
    account_id = "acct_01hxa3b4c5d6e7f8g9h0j1k2m3"
    order_id   = "ord_01hxa3b4c5d6e7f8g9h0j1k2m3"
  }
}
