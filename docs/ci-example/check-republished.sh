#!/usr/bin/env bash
# Newsroom CI check: compare each republished story with its approved version and fail when a
# fact (date, figure, name, quote, negation, attribution) changed.
#
#   check-republished.sh APPROVED_DIR REPUBLISHED_DIR
#
# Every APPROVED_DIR/NAME.txt is compared with REPUBLISHED_DIR/NAME.txt. Wording changes pass;
# a changed, added or dropped claim fails the job and its report is printed for the log.
# Environment: STORYDIFF (the binary, default `storydiff`), FAIL_ON (default `claims`; `any`
# fails on any change of wording too, `conflicts` only on contradictions).
# Exit: 0 all stories pass, 1 at least one story changed a fact, 2 trouble (missing file,
# unreadable input).
set -uo pipefail
approved=${1:?usage: check-republished.sh APPROVED_DIR REPUBLISHED_DIR}
republished=${2:?usage: check-republished.sh APPROVED_DIR REPUBLISHED_DIR}
storydiff=${STORYDIFF:-storydiff}
fail_on=${FAIL_ON:-claims}
status=0
shopt -s nullglob
files=("$approved"/*.txt)
if [ ${#files[@]} -eq 0 ]; then
    echo "check-republished: no .txt files in $approved" >&2
    exit 2
fi
for a in "${files[@]}"; do
    name=$(basename "$a")
    b="$republished/$name"
    "$storydiff" --quiet --fail-on "$fail_on" "$a" "$b"
    rc=$?
    case $rc in
        0) echo "ok      $name" ;;
        1) echo "CHANGED $name"
           # The report, for the job log (no pager, no colour in CI).
           "$storydiff" --no-pager --color never --fail-on never "$a" "$b"
           [ $status -eq 0 ] && status=1 ;;
        *) echo "ERROR   $name (storydiff exit $rc)"; status=2 ;;
    esac
done
exit $status
