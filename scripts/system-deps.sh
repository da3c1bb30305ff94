#!/usr/bin/env bash
# Installs what the browser tests need from the system when it is missing: Debian's Chromium (unless
# CHROMIUM_PATH points at one) and the Noto CJK fonts the map labels are drawn with. No browser is downloaded.
# Run by `npm test` (as its pretest step) and by .ci/run; does nothing when both are present.
set -euo pipefail

need=()
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi
if ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then need+=(fonts-noto-cjk); fi
[ ${#need[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: missing ${need[*]}, and this is not a Debian/Ubuntu system: install them with your package manager" >&2
  echo "(or set CHROMIUM_PATH to a Chromium binary). The browser tests will say what is missing." >&2
  exit 0
fi
echo "system-deps: installing ${need[*]} with apt-get"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
