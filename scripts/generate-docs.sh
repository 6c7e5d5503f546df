#!/usr/bin/env bash
# Regenerates docs/ from the provider's schema, templates/ and examples/ with
# tfplugindocs, entirely offline: the schema comes from Terraform 1.15.9
# (bin/terraform-1.15.9) talking to bin/terraform-provider-hostup through a
# dev_overrides CLI config, so tfplugindocs never builds the provider or
# downloads Terraform. Terraform rather than OpenTofu: only Terraform's
# `providers schema -json` carries list resources (1.14 and later), which
# tfplugindocs renders into docs/list-resources/.
#
# Run from the repository root by `make generate`, which builds
# bin/terraform-provider-hostup and unpacks bin/terraform-1.15.9 first.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BIN="$ROOT/bin"
TERRAFORM="$BIN/terraform-1.15.9"
TFPLUGINDOCS="$BIN/tfplugindocs"
WORK="$ROOT/build/docs"

for f in "$TERRAFORM" "$BIN/terraform-provider-hostup"; do
	if [[ ! -x "$f" ]]; then
		echo "generate-docs: $f is missing; run: make build terraform-new" >&2
		exit 1
	fi
done

# tfplugindocs is pinned by tools/go.mod.
if [[ ! -x "$TFPLUGINDOCS" ]]; then
	echo "generate-docs: building bin/tfplugindocs from tools/"
	(cd tools && go build -o "$TFPLUGINDOCS" github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs)
fi

rm -rf "$WORK"
mkdir -p "$WORK/schema"

# Our own CLI config: the machine's TF_CLI_CONFIG_FILE points at a file that
# does not exist and must not be used.
cat >"$WORK/terraformrc" <<EOF
provider_installation {
  dev_overrides {
    "registry.terraform.io/hostup/hostup" = "$BIN"
  }
  direct {}
}
EOF
export TF_CLI_CONFIG_FILE="$WORK/terraformrc"
export CHECKPOINT_DISABLE=1
export TF_IN_AUTOMATION=1
export TF_DATA_DIR="$WORK/schema/.terraform"
unset TF_LOG TF_LOG_PATH

cat >"$WORK/schema/main.tf" <<'EOF'
terraform {
  required_providers {
    hostup = {
      source = "hostup/hostup"
    }
  }
}
EOF

# With dev_overrides no `init` is needed (Terraform only warns that overrides
# are in effect, on stderr); the JSON goes to stdout.
(cd "$WORK/schema" && "$TERRAFORM" providers schema -json) >"$WORK/schema.raw.json" 2>"$WORK/schema.stderr" || {
	cat "$WORK/schema.stderr" >&2
	echo "generate-docs: terraform providers schema failed" >&2
	exit 1
}

# tfplugindocs looks the provider up as "hostup" or
# "registry.terraform.io/hashicorp/hostup"; Terraform names it by its full
# source address.
sed 's#"registry\.terraform\.io/hostup/hostup"#"hostup"#' "$WORK/schema.raw.json" >"$WORK/schema.json"
if ! grep -q '"hostup":' "$WORK/schema.json"; then
	echo "generate-docs: no registry.terraform.io/hostup/hostup schema in terraform's output:" >&2
	head -c 2000 "$WORK/schema.raw.json" >&2
	exit 1
fi

"$TFPLUGINDOCS" generate \
	--provider-dir "$ROOT" \
	--provider-name hostup \
	--rendered-provider-name HostUp \
	--providers-schema "$WORK/schema.json" \
	--website-temp-dir "$WORK/tmp"

# Terraform's fmt also checks the .tfquery.hcl examples of list resources,
# which OpenTofu's skips.
"$TERRAFORM" fmt -check -recursive examples
echo "generate-docs: docs/ regenerated"
