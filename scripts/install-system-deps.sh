#!/usr/bin/env bash
# Debian packages the browser tests and PDF checks need: Chromium, fonts for every script we publish
# (Arabic, Chinese, Korean, Cyrillic, Latin with Vietnamese marks; the PDF handouts name TrueType fonts,
# which Chromium embeds as subsets: WenQuanYi Micro Hei from fonts-wqy-microhei for Chinese in both scripts
# and for Korean Hangul, Noto Sans Arabic from fonts-noto-core for Arabic, and that package's Noto Sans for
# Russian, Tagalog and the other Latin scripts), poppler's pdftotext and pdftoppm, zbar's zbarimg (the
# tests decode the handouts' QR codes), and a Java runtime and npm for the Nu HTML Checker (vnu-jar, from
# package.json). Installs only what is missing.
set -euo pipefail

packages=(chromium fonts-noto-core fonts-noto-cjk fonts-wqy-microhei poppler-utils zbar-tools)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# Any Java runtime and any npm will do (a machine may have them from elsewhere than Debian).
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "Please install: ${missing[*]} (Debian/Ubuntu package names); the browser tests need them." >&2
  exit 1
fi
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "Installing ${missing[*]} with apt-get" >&2
"${sudo_cmd[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
