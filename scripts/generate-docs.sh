#!/usr/bin/env bash
# Regenerates docs/ from the provider's schema, templates/ and examples/ with
# tfplugindocs, entirely offline: the schema comes from bin/tofu talking to
# bin/terraform-provider-hostup through a dev_overrides CLI config, so
# tfplugindocs never builds the provider or downloads Terraform.
#
# Run from the repository root by `make generate`, which builds
# bin/terraform-provider-hostup and bin/tofu first.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BIN="$ROOT/bin"
TOFU="$BIN/tofu"
TFPLUGINDOCS="$BIN/tfplugindocs"
WORK="$ROOT/build/docs"

for f in "$TOFU" "$BIN/terraform-provider-hostup"; do
	if [[ ! -x "$f" ]]; then
		echo "generate-docs: $f is missing; run: make build tofu" >&2
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
cat >"$WORK/tofurc" <<EOF
provider_installation {
  dev_overrides {
    "registry.opentofu.org/hostup/hostup" = "$BIN"
  }
  direct {}
}
EOF
export TF_CLI_CONFIG_FILE="$WORK/tofurc"
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

# With dev_overrides no `init` is needed (tofu only warns that overrides are
# in effect, on stderr); the JSON goes to stdout.
(cd "$WORK/schema" && "$TOFU" providers schema -json) >"$WORK/schema.raw.json" 2>"$WORK/schema.stderr" || {
	cat "$WORK/schema.stderr" >&2
	echo "generate-docs: tofu providers schema failed" >&2
	exit 1
}

# tfplugindocs looks the provider up as "hostup" or
# "registry.terraform.io/hashicorp/hostup"; OpenTofu names it by its full
# source address.
sed 's#"registry\.opentofu\.org/hostup/hostup"#"hostup"#' "$WORK/schema.raw.json" >"$WORK/schema.json"
if ! grep -q '"hostup":' "$WORK/schema.json"; then
	echo "generate-docs: no registry.opentofu.org/hostup/hostup schema in tofu's output:" >&2
	head -c 2000 "$WORK/schema.raw.json" >&2
	exit 1
fi

"$TFPLUGINDOCS" generate \
	--provider-dir "$ROOT" \
	--provider-name hostup \
	--rendered-provider-name HostUp \
	--providers-schema "$WORK/schema.json" \
	--website-temp-dir "$WORK/tmp"

"$TOFU" fmt -check -recursive examples
echo "generate-docs: docs/ regenerated"
