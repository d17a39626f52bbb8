#!/usr/bin/env bash
# First README command: installs what nianbao needs on Debian 12, builds it, and builds
# the sample site into public/. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
packages=(
  build-essential cmake pkg-config python3
  libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libkainjow-mustache-dev
  libcli11-dev libcpp-httplib-dev nlohmann-json3-dev libgtest-dev libbenchmark-dev libctemplate-dev
  libgoogle-perftools-dev libssl-dev libzip-dev libexpat1-dev
  clang libclang-rt-14-dev libxml2-utils
  chromium default-jre-headless fonts-noto-cjk poppler-utils
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
# Node.js with npm may come from elsewhere (NodeSource ships npm inside nodejs): only
# install Debian's when there is no npm at all.
command -v npm >/dev/null || missing+=(nodejs npm)
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Chart.js (shipped in the binary) and the browser-test tools, pinned by package-lock.json.
npm ci --no-audit --no-fund --loglevel=error

# Profile-guided (NIANBAO_PGO, docs/performance.md): a training build first, then the tool.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNIANBAO_PGO=ON
cmake --build build -j"$(nproc)"
./build/nianbao build
