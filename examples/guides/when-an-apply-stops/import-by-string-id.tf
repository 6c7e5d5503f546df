# The control panel shows the block: after `terraform state rm`, adopt it by
# its account's v2 id and its order id. Importing buys nothing.
import {
  to = hostup_shared_hosting_storage_addon.extra
  id = "acct_01hxa3b4c5d6e7f8g9h0j1k2m3/ord_01hxa3b4c5d6e7f8g9h0j1k2m3"
}
