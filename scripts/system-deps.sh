#!/usr/bin/env bash
# Installs the Debian packages Vigil needs, only those that are missing.
#   scripts/system-deps.sh run    fonts for the PDFs (Noto incl. Chinese/Japanese/Korean and emoji, DejaVu)
#   scripts/system-deps.sh test   the same, plus Chromium (browser tests) and poppler-utils (reading PDFs)
set -euo pipefail
want=(fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji fonts-dejavu-core)
if [ "${1:-run}" = "test" ]; then
  want+=(chromium poppler-utils)
fi
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Vigil needs these system packages (or their equivalents): ${missing[*]}" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Please install as root: apt-get install -y ${missing[*]}" >&2; exit 1
  fi
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq </dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
