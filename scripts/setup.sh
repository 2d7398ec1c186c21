#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian bookworm machine (run as root).
# Idempotent: each step checks first and does nothing when it is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

IMGUI_VERSION="1.90.1"
IMGUI_DEB_VERSION="1.90.1+ds-1"
IMGUI_DIR="third_party/imgui"

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config xz-utils ca-certificates
  emscripten
  nlohmann-json3-dev doctest-dev libboost1.74-dev libsqlite3-dev libsodium-dev libssl-dev
  libbenchmark-dev
  chromium
  fonts-noto-core fonts-dejavu-core fonts-symbola fonttools
)

log() { printf '[setup] %s\n' "$*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
}

install_apt_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if ! command -v node >/dev/null 2>&1; then missing+=(nodejs npm); fi
  if [ "${#missing[@]}" -eq 0 ]; then
    log "apt packages: all present"
    return
  fi
  log "apt packages: installing ${missing[*]}"
  apt_update_once
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Dear ImGui's .cpp files are not in bookworm's binary packages; trixie's source package has 1.90.1.
fetch_imgui() {
  if [ -f "$IMGUI_DIR/imgui.h" ] && grep -q "#define IMGUI_VERSION *\"$IMGUI_VERSION\"" "$IMGUI_DIR/imgui.h"; then
    log "Dear ImGui $IMGUI_VERSION: present"
    return
  fi
  local list=/etc/apt/sources.list.d/deb-src-trixie.list
  if [ ! -f "$list" ]; then
    local mirror
    mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    if [ -z "$mirror" ]; then
      mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
    fi
    [ -n "$mirror" ] || { echo "setup: cannot find a Debian mirror in the apt sources" >&2; exit 1; }
    echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" | as_root tee "$list" >/dev/null
    apt_updated=0
  fi
  apt_update_once
  local tmp
  tmp=$(mktemp -d)
  chmod 755 "$tmp"
  (cd "$tmp" && apt-get source --download-only -qq "imgui=$IMGUI_DEB_VERSION")
  local tarball
  tarball=$(ls "$tmp"/imgui_*.orig.tar.* | head -n1)
  rm -rf "$IMGUI_DIR" && mkdir -p "$IMGUI_DIR"
  tar -xf "$tarball" -C "$IMGUI_DIR" --strip-components=1
  rm -rf "$tmp"
  grep -q "#define IMGUI_VERSION *\"$IMGUI_VERSION\"" "$IMGUI_DIR/imgui.h" \
    || { echo "setup: fetched Dear ImGui is not $IMGUI_VERSION" >&2; exit 1; }
  log "Dear ImGui $IMGUI_VERSION: fetched into $IMGUI_DIR"
}

install_npm_packages() {
  if [ -d tests/browser/node_modules/playwright-core ] \
     && [ tests/browser/node_modules/.package-lock.json -nt tests/browser/package-lock.json ]; then
    log "npm packages: present"
    return
  fi
  log "npm packages: installing"
  (cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
}

install_apt_packages
fetch_imgui
install_npm_packages
log "done"
