# A bought block, by its account's v2 id and its order id (acct_…/ord_…).
# HostUp's order does not name the tier: the configured addon_id is recorded
# by the next apply, which buys nothing.
terraform import hostup_shared_hosting_storage_addon.extra acct_01hxa3b4c5d6e7f8g9h0j1k2m3/ord_01hxa3b4c5d6e7f8g9h0j1k2m3
