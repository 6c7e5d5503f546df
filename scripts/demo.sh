#!/usr/bin/env bash
# make demo: start the HostUp simulator on loopback, then run OpenTofu's
# init, plan and apply on examples/demo against it, showing the price
# previews in the plan, what apply bought, and that the next plan is empty.
# Needs bin/terraform-provider-hostup, bin/hostupsim and bin/tofu (make
# build tofu).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$root/build/demo
tofu=$root/bin/tofu

rm -rf "$work"
mkdir -p "$work"
cp "$root"/examples/demo/*.tf "$work"/

# tofu init installs the provider from a filesystem mirror holding the binary
# just built, the way a user's init installs it from the registry; no
# registry is asked.
version=0.1.0
platform=$(go env GOOS)_$(go env GOARCH)
mirror=$work/mirror
plugin_dir=$mirror/registry.opentofu.org/hostup/hostup/$version/$platform
mkdir -p "$plugin_dir"
cp "$root/bin/terraform-provider-hostup" "$plugin_dir/terraform-provider-hostup_v$version"
cat >"$work/tofu.tfrc" <<RC
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.opentofu.org/hostup/hostup"]
  }
}
RC
export TF_CLI_CONFIG_FILE=$work/tofu.tfrc
export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1

"$root/bin/hostupsim" -env-file "$work/sim.env" >"$work/hostupsim.log" 2>&1 &
sim_pid=$!
trap 'kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
	[ -s "$work/sim.env" ] && break
	kill -0 "$sim_pid" 2>/dev/null || { cat "$work/hostupsim.log"; exit 1; }
	sleep 0.1
done
[ -s "$work/sim.env" ] || { echo "the simulator did not start" >&2; cat "$work/hostupsim.log"; exit 1; }
set -a
# shellcheck source=/dev/null
. "$work/sim.env"
set +a

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "HostUp simulator at $HOSTUP_ENDPOINT (admin $HOSTUP_SIM_ADMIN)"
cd "$work"
step "tofu init"
"$tofu" init -input=false
step "tofu plan: the price of each upgrade, from HostUp's dry run, before anything is bought"
"$tofu" plan -input=false -out=demo.tfplan
step "tofu apply: buys exactly what the plan showed"
"$tofu" apply -input=false demo.tfplan
step "what HostUp (the simulator) recorded: one order per upgrade"
orders_json=$(curl -fsS "$HOSTUP_SIM_ADMIN/admin/state")
python3 - "$orders_json" <<'PY' || echo "$orders_json"
import json, sys
for o in json.loads(sys.argv[1])["orders"]:
    o["bought"] = o.get("productSlug") or "storage " + o.get("addonId", "")
    print("order {id} ({type}): {accountId} -> {bought}, {amount} {currency}, invoice {invoiceId}, {status}".format(**o))
PY

step "HostUp carries the VPS upgrade out: the simulator's clock moves past the upgrade delay"
curl -fsS -X POST -d '{"advanceSeconds": 600}' "$HOSTUP_SIM_ADMIN/admin/clock" >/dev/null

step "tofu plan again: nothing left to buy; price_change is null now that the change took effect, so the cost output drops to 0"
"$tofu" plan -input=false -out=demo.tfplan
"$tofu" apply -input=false demo.tfplan >/dev/null
step "tofu plan -detailed-exitcode: converged"
"$tofu" plan -input=false -detailed-exitcode
step "pay example.com's invoice, then switch it to monthly billing: the plan shows the price of the switch (a credit for the unused year)"
state_json=$(curl -fsS "$HOSTUP_SIM_ADMIN/admin/state")
for inv in $(python3 -c 'import json,sys; print(" ".join(i["id"] for i in json.loads(sys.argv[1])["invoices"] if i["status"] == "unpaid" and i["accountId"] == "acct_01hxa3b4c5d6e7f8g9h0j1k2m3"))' "$state_json"); do
	curl -fsS -X POST "$HOSTUP_SIM_ADMIN/admin/invoices/$inv/pay" >/dev/null
done
"$tofu" plan -input=false -var site_billing_cycle=monthly -out=demo.tfplan
"$tofu" apply -input=false demo.tfplan
"$tofu" plan -input=false -var site_billing_cycle=monthly -out=demo.tfplan >/dev/null
"$tofu" apply -input=false demo.tfplan >/dev/null
step "tofu plan -detailed-exitcode: converged"
"$tofu" plan -input=false -var site_billing_cycle=monthly -detailed-exitcode
step "tofu output"
"$tofu" output
