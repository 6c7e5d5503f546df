# Plan once, save the plan, and sum the amount due now of every change in it.
terraform plan -out=tfplan
terraform show -json tfplan > plan.json
jq '[.resource_changes[].change.after.price_change.amount? // 0] | add' plan.json

# Fail the job when the plan costs more than the budget (here 1000).
jq -e '([.resource_changes[].change.after.price_change.amount? // 0] | add) <= 1000' plan.json

# Apply exactly the plan that was reviewed.
terraform apply tfplan
