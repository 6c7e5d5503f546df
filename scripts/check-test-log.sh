#!/usr/bin/env bash
# Fails a test run whose log shows a skipped test, or no acceptance test at all:
# a skipped acceptance test is a failed one (e.g. TF_ACC or bin/tofu missing).
set -euo pipefail
log=${1:?usage: check-test-log.sh LOG}

if grep -E -- '--- SKIP' "$log"; then
	echo "FAIL: the tests above were skipped; a skipped test counts as failed." >&2
	exit 1
fi
passed_acc=$(grep -cE -- '^\s*--- PASS: TestAcc' "$log" || true)
if [ "$passed_acc" -eq 0 ]; then
	echo "FAIL: no acceptance test ran (expected TestAcc* tests driving bin/tofu)." >&2
	exit 1
fi
passed=$(grep -cE -- '^\s*--- PASS' "$log" || true)
failed=$(grep -cE -- '^\s*--- FAIL' "$log" || true)
echo "test summary: ${passed} passed (${passed_acc} acceptance tests through bin/tofu), ${failed} failed"
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
