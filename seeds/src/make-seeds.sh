#!/usr/bin/env bash
# Builds the demo plans in seeds/ from the Markdown sources in seeds/src/ (our own fictional
# municipalities). Needs python3 and LibreOffice (soffice). The web app loads every file directly
# in seeds/ into an empty database; seeds/src/ is not loaded.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/.."
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

html() { python3 "$here/md2html.py" "$here/$1.md" > "$tmp/$1.html"; }
convert() { # name target-extension filter
  soffice --headless -env:UserInstallation=file://$tmp/profile --infilter="HTML (StarWriter)" \
    --convert-to "$2" --outdir "$tmp" "$tmp/$1.html" >/dev/null 2>&1
  cp "$tmp/$1.${2%%:*}" "$out/"
}

html beekhoven-meerjarenplan-2026-2031
convert beekhoven-meerjarenplan-2026-2031 "docx:MS Word 2007 XML"
html westerzand-programmabegroting-2026
convert westerzand-programmabegroting-2026 "pdf:writer_pdf_Export"
html kruisdonk-actieplan-ouderen
convert kruisdonk-actieplan-ouderen "odt"
ls -l "$out"
