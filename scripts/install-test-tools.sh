#!/usr/bin/env bash
# Installs the programs the tests drive when they are missing: a Chromium-based browser (the pane's
# browser tests) and LibreOffice (opens the written workbooks; the benchmark's AVERAGEIFS twin).
# Finding them is scripts/test-tools.js's job (CHROMIUM_PATH / SOFFICE_PATH, PATH, usual install
# locations), the same finder the tests use. Installs with apt-get on Debian and Ubuntu (through sudo
# when not root); elsewhere, or without the rights to, it prints exactly what to install and exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."

names=$(node scripts/test-tools.js --missing) || exit 1
missing=()
[ -n "$names" ] && mapfile -t missing <<<"$names"
if [ ${#missing[@]} -eq 0 ]; then
  node scripts/test-tools.js
  exit 0
fi

explain() {
  echo "The tests need: ${missing[*]}. Install them yourself:" >&2
  node scripts/test-tools.js >&2 || true
  exit 1
}

case "$(uname -s)" in
  Linux)
    command -v apt-get >/dev/null 2>&1 || explain
    if [ "$(id -u)" -eq 0 ]; then
      as_root=()
    elif command -v sudo >/dev/null 2>&1; then
      as_root=(sudo)
    else
      echo "Not root and no sudo: as root, run" >&2
      echo "  apt-get install chromium libreoffice-calc-nogui poppler-utils" >&2
      explain
    fi
    "${as_root[@]}" apt-get update -qq
    packages=()
    for tool in "${missing[@]}"; do
      case "$tool" in
        chromium)
          # Ubuntu ships Chromium as chromium-browser (a snap); Debian as chromium.
          if apt-cache show chromium >/dev/null 2>&1; then packages+=(chromium); else packages+=(chromium-browser); fi
          ;;
        libreoffice) packages+=(libreoffice-calc-nogui) ;;
        pdftotext) packages+=(poppler-utils) ;;
      esac
    done
    echo "Installing ${packages[*]}"
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
    ;;
  Darwin)
    echo "On macOS, install them with Homebrew (https://brew.sh):" >&2
    for tool in "${missing[@]}"; do
      case "$tool" in
        chromium) echo "  brew install --cask google-chrome   # or Chromium / Microsoft Edge in /Applications" >&2 ;;
        libreoffice) echo "  brew install --cask libreoffice" >&2 ;;
        pdftotext) echo "  brew install poppler" >&2 ;;
      esac
    done
    explain
    ;;
  MINGW* | MSYS* | CYGWIN*)
    echo "On Windows, install them with winget (or set CHROMIUM_PATH / SOFFICE_PATH):" >&2
    for tool in "${missing[@]}"; do
      case "$tool" in
        chromium) echo "  winget install Google.Chrome     # Microsoft Edge, already installed, also works" >&2 ;;
        libreoffice) echo "  winget install TheDocumentFoundation.LibreOffice" >&2 ;;
        pdftotext) echo "  winget install oschwartz10612.Poppler" >&2 ;;
      esac
    done
    explain
    ;;
  *) explain ;;
esac

# The outcome counts, not apt-get's: the finder must now see both.
node scripts/test-tools.js
