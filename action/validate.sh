#!/usr/bin/env bash
# Step "Validate" of action.yml: annotations on the pull request (--format github), a SARIF
# file for code scanning, the counts as outputs and a line in the job summary. Whether the step
# fails follows INPUT_FAIL_ON; unreadable input (exit code 2) always fails it.
set -uo pipefail

aims() { node "$GITHUB_ACTION_PATH/out/cli/main.cjs" "$@"; }
output() { echo "$1=$2" >> "${GITHUB_OUTPUT:-/dev/null}"; }

read -r -a paths <<< "${INPUT_PATH:-.}"
[ ${#paths[@]} -eq 0 ] && paths=(.)
options=()
[ -n "${INPUT_TODAY:-}" ] && options+=(--today "$INPUT_TODAY")
limits=()
[ -n "${INPUT_MAX_WARNINGS:-}" ] && limits+=(--max-warnings "$INPUT_MAX_WARNINGS")
fail_on="${INPUT_FAIL_ON:-error}"
case "$fail_on" in
    error|warning|never) ;;
    *) echo "::error::fail-on must be error, warning or never, not '$fail_on'"; exit 2 ;;
esac
sarif="${INPUT_SARIF_FILE:-aims.sarif}"

# The annotations, and the exit code that counts (errors, or more warnings than allowed).
aims validate "${paths[@]}" "${options[@]}" "${limits[@]}" --format github
code=$?
output exit-code "$code"
if [ "$code" -eq 2 ]; then
    echo "::error::aims validate could not read its input (exit code 2); see the line above."
    exit 2
fi

aims validate "${paths[@]}" "${options[@]}" --format sarif > "$sarif"
output sarif-file "$sarif"

# The counts, from the JSON summary of the same run.
counts=$(aims validate "${paths[@]}" "${options[@]}" --format json | node -e '
    let text = ""; process.stdin.on("data", c => text += c).on("end", () => {
        const s = JSON.parse(text); console.log(`${s.errors} ${s.warnings} ${s.files}`);
    });')
read -r errors warnings files <<< "$counts"
output errors "$errors"
output warnings "$warnings"
echo "**AIMS:** $errors error$([ "$errors" = 1 ] || echo s), $warnings warning$([ "$warnings" = 1 ] || echo s) in $files file$([ "$files" = 1 ] || echo s)." >> "${GITHUB_STEP_SUMMARY:-/dev/null}"

case "$fail_on" in
    never) exit 0 ;;
    warning) [ "$errors" -gt 0 ] || [ "$warnings" -gt 0 ] && exit 1; exit "$code" ;;
    *) exit "$code" ;;
esac
