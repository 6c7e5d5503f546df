# A v2 account by its acct_… id (a v1 account by its integer id, e.g. 20000).
terraform import hostup_shared_hosting_plan.site acct_01hxa3b4c5d6e7f8g9h0j1k2m3
