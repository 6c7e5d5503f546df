# Plan once, save the plan, and sum the amount due now of every change in it.
terraform plan -out=tfplan
terraform show -json tfplan > plan.json
jq '[.resource_changes[].change.after.price_change.amount? // 0] | add' plan.json

# One line per paid change, for the pull request: "Start → Business: 238.03 SEK due now, …".
jq -r '.resource_changes[] | select(.change.after.price_change? != null) | "\(.address): \(.change.after.price_change.summary)"' plan.json

# Fail the job when the plan costs more than the budget (here 1000).
jq -e '([.resource_changes[].change.after.price_change.amount? // 0] | add) <= 1000' plan.json

# Apply exactly the plan that was reviewed.
terraform apply tfplan
