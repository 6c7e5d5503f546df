#!/usr/bin/env bash
# make release-snapshot: goreleaser's release build of every platform into
# dist/, without signing or publishing, then checks what a registry would
# receive: archives, SHA256SUMS and the registry manifest named with the
# version, and a binary that carries it in main.version.
#
# Usage: scripts/release-snapshot.sh GORELEASER
set -euo pipefail
goreleaser=${1:?usage: release-snapshot.sh GORELEASER}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# The version of the release being prepared: CHANGELOG.md's top entry.
base=$(sed -n 's/^## \([0-9][0-9.]*\) .*/\1/p' CHANGELOG.md | head -1)
[ -n "$base" ] || { echo "release-snapshot: no '## X.Y.Z' entry at the top of CHANGELOG.md" >&2; exit 1; }
export RELEASE_VERSION=$base
# goreleaser finds the commit only with a git remote; a clone may have none.
RELEASE_COMMIT=$(git rev-parse --short HEAD)
export RELEASE_COMMIT
# "before" runs go mod tidy, which a snapshot must not do to the work tree.
"$goreleaser" release --snapshot --clean --skip=sign,before

name=terraform-provider-hostup
version=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' dist/metadata.json | head -1)
case $version in
"$base"-SNAPSHOT-*) ;;
*) echo "release-snapshot: goreleaser built version '$version', want $base-SNAPSHOT-<commit>" >&2; exit 1 ;;
esac

fail() { echo "release-snapshot: $*" >&2; exit 1; }
sums=dist/${name}_${version}_SHA256SUMS
manifest=${name}_${version}_manifest.json
[ -f "$sums" ] || fail "$sums is missing"

# goreleaser checksums the manifest under its release name; the file itself
# is uploaded by a release, so the snapshot puts it beside the archives.
cp terraform-registry-manifest.json "dist/$manifest"
grep -q "  $manifest\$" "$sums" || fail "$sums does not list $manifest"

zips=(dist/"${name}_${version}"_*.zip)
[ -e "${zips[0]}" ] || fail "no archive dist/${name}_${version}_<os>_<arch>.zip"
for z in "${zips[@]}"; do
	grep -q "  $(basename "$z")\$" "$sums" || fail "$sums does not list $(basename "$z")"
done
listed=$(wc -l <"$sums")
[ "$listed" -eq $((${#zips[@]} + 1)) ] || fail "$sums lists $listed files, want ${#zips[@]} archives and the manifest"
(cd dist && sha256sum --quiet -c "$(basename "$sums")") || fail "$sums does not match the files"

# The binary in this machine's archive is named with the version and was
# linked with it as main.version, which the provider sends in its User-Agent
# (TestAccUserAgentCarriesBuildVersion).
host=$(go env GOOS)_$(go env GOARCH)
zip=dist/${name}_${version}_${host}.zip
[ -f "$zip" ] || fail "no archive for this machine ($zip)"
unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$unpacked"
bin=$unpacked/${name}_v${version}
[ -f "$bin" ] || fail "$zip holds no ${name}_v${version}: $(ls "$unpacked")"
# (-trimpath keeps -ldflags out of the build info, so look for the string.)
grep -qaF -- "$version" "$bin" || fail "$bin does not carry $version (-X main.version)"

echo "release-snapshot: ${#zips[@]} archives of $name $version, $(basename "$sums"), $manifest in dist/"
