import {
  to = hostup_shared_hosting_billing_cycle.shop
  identity = {
    account_id = "acct_01hxa3b4c5d6e7f8g9h0j1k2m4"
  }
}
