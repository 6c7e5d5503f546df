# Bill a v2 account (acct_… id) annually instead of monthly. `terraform plan`
# shows the exact price of the switch in price_change, from HostUp's dry run,
# before anything is bought: the year's price, less a credit for the unused
# part of the month already paid.
resource "hostup_shared_hosting_billing_cycle" "shop" {
  account_id    = "acct_01hxa3b4c5d6e7f8g9h0j1k2m4"
  billing_cycle = "annually" # as the hostup_billing_cycle data source names it
  max_amount    = 400        # refuse a switch that would cost more than this now
}

# The cycles the account is offered, with their prices.
data "hostup_billing_cycle" "shop" {
  account_id = "acct_01hxa3b4c5d6e7f8g9h0j1k2m4"
}

# What applying this configuration costs now; 0 once the switch is applied.
output "cost_of_this_change" {
  value = sum([for r in [hostup_shared_hosting_billing_cycle.shop] : try(r.price_change.amount, 0)])
}

# Beside hostup_shared_hosting_plan on the same account, a plan change and a
# cycle change in one run were each priced against the account as it was:
# the plan warns, the apply buys one and refuses the other before sending
# anything for it, and the next plan prices that one again.
