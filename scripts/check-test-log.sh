#!/usr/bin/env bash
# Fails a `go test -v` run whose log shows a failed or skipped test, or no
# acceptance test at all: a skipped acceptance test is a failed one (e.g.
# TF_ACC or the CLI missing).
#
#   check-test-log.sh LOG                  no skip allowed (make test, OpenTofu)
#   check-test-log.sh --allow-old-cli LOG  (make testacc-terraform) allows the
#       skips of tests that need a newer CLI than the one under test, and only
#       those: each skipped test's own output must give terraform-plugin-
#       testing's reason ("Terraform CLI version X is below minimum version
#       Y"), and the skips may not outnumber the acceptance tests that passed.
#   check-test-log.sh --expect PREFIX LOG  also fails unless at least one
#       top-level test whose name starts with PREFIX passed (e.g. TestAccQuery
#       on a CLI new enough for them, where their absence would go unseen).
#       May be given more than once.
set -euo pipefail
usage='usage: check-test-log.sh [--allow-old-cli] [--expect PREFIX]... LOG'
allow_old_cli=false
expect=()
while [ $# -gt 1 ]; do
	case $1 in
	--allow-old-cli) allow_old_cli=true; shift ;;
	--expect)
		[[ ${2:-} =~ ^[A-Za-z0-9_]+$ ]] || { echo "$usage: --expect takes a test name prefix" >&2; exit 2; }
		expect+=("$2")
		shift 2
		;;
	*) break ;;
	esac
done
[ $# -eq 1 ] && [[ $1 != -* ]] || { echo "$usage" >&2; exit 2; }
log=$1

# Every skipped test, each paired with whether its own output says the CLI is
# too old. go test -v heads each stretch of a test's output with
# "=== RUN|CONT|NAME|PAUSE <test>", so a reason belongs to the test named
# last; the "--- SKIP: <test>" lines come later, once the test (or its
# parent) has finished.
skips=$(awk '
	/^=== (RUN|CONT|NAME|PAUSE) / { current = $3; next }
	/ is below minimum version [0-9.]+: skipping test$/ { old_cli[current] = 1; next }
	/^[[:space:]]*--- SKIP: / {
		name = $3
		print name, (name in old_cli ? "old-cli" : "other")
	}
' "$log")

skipped=0
if [ -n "$skips" ]; then
	skipped=$(wc -l <<<"$skips")
	if ! $allow_old_cli; then
		grep -E -- '--- SKIP' "$log" >&2
		echo "FAIL: the tests above were skipped; a skipped test counts as failed." >&2
		exit 1
	fi
	if grep -q ' other$' <<<"$skips"; then
		sed -n 's/ other$//p' <<<"$skips" | sed 's/^/  /' >&2
		echo "FAIL: the tests above were skipped for another reason than a CLI too old for them." >&2
		exit 1
	fi
	echo "skipped, the CLI being too old for them:"
	sed 's/ old-cli$//; s/^/  /' <<<"$skips"
fi

passed_acc=$(grep -cE -- '^\s*--- PASS: TestAcc' "$log" || true)
if [ "$passed_acc" -eq 0 ]; then
	echo "FAIL: no acceptance test ran (expected TestAcc* tests driving the CLI)." >&2
	exit 1
fi
if [ "$skipped" -ge "$passed_acc" ]; then
	echo "FAIL: ${skipped} tests skipped but only ${passed_acc} acceptance tests passed: this CLI is too old to prove the provider." >&2
	exit 1
fi
for prefix in ${expect[@]+"${expect[@]}"}; do
	if ! grep -qE -- "^--- PASS: ${prefix}" "$log"; then
		echo "FAIL: no ${prefix}* test passed, and this run was expected to run them." >&2
		exit 1
	fi
done
passed=$(grep -cE -- '^\s*--- PASS' "$log" || true)
failed=$(grep -cE -- '^\s*--- FAIL' "$log" || true)
echo "test summary: ${passed} passed (${passed_acc} acceptance tests), ${skipped} skipped, ${failed} failed"
if [ "$failed" -eq 0 ] && grep -qE '^(FAIL|panic:)' "$log"; then
	echo "FAIL: go test failed outside any test (build error, panic or TestMain)." >&2
	exit 1
fi
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
