#!/usr/bin/env bash
# Step "Compliance diff" of action.yml: what the pull request changes in the AIMS (aims diff
# against the base commit), as Markdown for the comment and the job summary. A shallow checkout
# lacks the base commit, so it is fetched first.
set -euo pipefail

aims() { node "$GITHUB_ACTION_PATH/out/cli/main.cjs" "$@"; }
: "${BASE_SHA:?the base commit of the pull request is not known}"

if ! git cat-file -e "$BASE_SHA^{commit}" 2>/dev/null; then
    git -c protocol.version=2 fetch --no-tags --depth=1 origin "$BASE_SHA"
fi

read -r -a paths <<< "${INPUT_PATH:-.}"
options=(--path "${paths[0]:-.}" --format md)
[ -n "${INPUT_TODAY:-}" ] && options+=(--today "$INPUT_TODAY")
file="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/aims-diff.md"
aims diff "$BASE_SHA" "${options[@]}" --out "$file"
echo "diff-file=$file" >> "${GITHUB_OUTPUT:-/dev/null}"
cat "$file" >> "${GITHUB_STEP_SUMMARY:-/dev/null}"
