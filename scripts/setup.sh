#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian bookworm machine (run as root).
# Idempotent: each step checks first and does nothing when it is already done.
set -euo pipefail
cd "$(dirname "$0")/.."


APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config xz-utils ca-certificates
  emscripten
  nlohmann-json3-dev doctest-dev libboost1.74-dev libsqlite3-dev libsodium-dev libssl-dev
  libbenchmark-dev sqlite3 openssl
  clang-14 libclang-rt-14-dev llvm-14
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

# Source packages come from Debian (deb-src): trixie for Dear ImGui 1.90.1 (bookworm has no 1.9x .cpp files in
# a binary package), bookworm for Google Benchmark 1.7.1 (the native library's version, built again for wasm).
DEB_SRC_LIST=/etc/apt/sources.list.d/deb-src-inbox.list
add_deb_src() {
  local mirror
  mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  if [ -z "$mirror" ]; then
    mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  fi
  [ -n "$mirror" ] || { echo "setup: cannot find a Debian mirror in the apt sources" >&2; exit 1; }
  local key=/usr/share/keyrings/debian-archive-keyring.gpg
  local wanted
  wanted=$(printf 'deb-src [signed-by=%s] %s trixie main\ndeb-src [signed-by=%s] %s bookworm main\n' "$key" "$mirror" "$key" "$mirror")
  if [ ! -f "$DEB_SRC_LIST" ] || [ "$(cat "$DEB_SRC_LIST")" != "$wanted" ]; then
    printf '%s\n' "$wanted" | as_root tee "$DEB_SRC_LIST" >/dev/null
    apt_updated=0
  fi
}

# fetch_source PACKAGE DEBIAN_VERSION DIR CHECK_FILE CHECK_PATTERN: unpacks the upstream tarball into DIR unless
# CHECK_FILE there already matches CHECK_PATTERN.
fetch_source() {
  local package=$1 version=$2 dir=$3 check_file=$4 pattern=$5
  if [ -f "$dir/$check_file" ] && grep -q "$pattern" "$dir/$check_file"; then
    log "$package $version: present"
    return
  fi
  add_deb_src
  apt_update_once
  local tmp
  tmp=$(mktemp -d)
  chmod 777 "$tmp"  # apt's _apt user downloads into it
  (cd "$tmp" && apt-get source --download-only -qq "$package=$version" 2>&1 | grep -v 'unsandboxed' || true)
  local tarball
  tarball=$(ls "$tmp"/"$package"_*.orig.tar.* 2>/dev/null | head -n1)
  [ -n "$tarball" ] || { echo "setup: could not download the source of $package $version" >&2; exit 1; }
  rm -rf "$dir" && mkdir -p "$dir"
  tar -xf "$tarball" -C "$dir" --strip-components=1
  rm -rf "$tmp"
  grep -q "$pattern" "$dir/$check_file" || { echo "setup: fetched $package is not $version" >&2; exit 1; }
  log "$package $version: fetched into $dir"
}

# npm ci in each folder with a package-lock.json: the browser tests (playwright-core) and the kill -9 loop
# (ws, also used by bench/relay_load).
install_npm_packages() {
  local dir module
  for spec in tests/browser:playwright-core tests/crash:ws; do
    dir=${spec%%:*}
    module=${spec#*:}
    if [ -d "$dir/node_modules/$module" ] \
       && [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then
      log "npm packages ($dir): present"
      continue
    fi
    log "npm packages ($dir): installing"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  done
}

install_apt_packages
fetch_source imgui 1.90.1+ds-1 third_party/imgui imgui.h '#define IMGUI_VERSION *"1.90.1"'
fetch_source benchmark 1.7.1-1 third_party/benchmark CMakeLists.txt 'VERSION 1.7.1'
install_npm_packages
log "done"
