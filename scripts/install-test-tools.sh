#!/usr/bin/env bash
# Installs the system tools the tests drive, when missing: Debian's Chromium (the pane's browser
# tests) and LibreOffice Calc (opens the written workbooks, and the benchmark's AVERAGEIFS twin).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
