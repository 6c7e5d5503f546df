# Without `terraform state rm`: forget the v1 resource and import the v2 id
# under a new address, in one plan that buys nothing.
removed {
  from = hostup_shared_hosting_plan.site

  lifecycle {
    destroy = false
  }
}

import {
  to = hostup_shared_hosting_plan.example_com
  id = "acct_01hxa3b4c5d6e7f8g9h0j1k2m3"
}

resource "hostup_shared_hosting_plan" "example_com" {
  account_id   = "acct_01hxa3b4c5d6e7f8g9h0j1k2m3"
  product_slug = "webbhotell-start"
}
