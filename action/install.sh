#!/usr/bin/env bash
# Step "Install the AIMS tools" of action.yml: build the CLI from the action's own checkout
# (nothing is published to the npm registry), so the version is the one the workflow pins.
set -euo pipefail
cd "$GITHUB_ACTION_PATH"
if [ ! -f out/cli/main.cjs ]; then
    npm ci --no-audit --no-fund
    npm run build
fi
node out/cli/main.cjs --version
