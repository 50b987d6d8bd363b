#!/usr/bin/env bash
# Installs the system tools the tests need on a Debian/Ubuntu machine, only where missing:
#   poppler-utils  PDF text extraction (pdftohtml, pdftotext, pdfinfo) — also needed at run time for PDF
#   chromium       the browser the end-to-end test drives through Playwright
#   qpdf           builds the encrypted and damaged PDF fixtures checked by tests
#   tesseract-ocr, tesseract-ocr-nld
#                  OCR of scanned pages and pages whose text is symbol soup (tests; at run time only with PolicyLens:Ocr:Enabled)
#   libreoffice-writer-nogui  turns the Word report into the PDF report (also at run time) and
#                  measures the report's page count in a test
# On other systems install the equivalents by hand (see README).
set -euo pipefail

# Not a system tool, but CI runs this script first: fail early on a package pin that would
# break at run time (see the script).
bash "$(dirname "$0")/check-restore.sh"

need=()
command -v pdftohtml >/dev/null 2>&1 || need+=(poppler-utils)
command -v pdfinfo   >/dev/null 2>&1 || need+=(poppler-utils)
command -v chromium  >/dev/null 2>&1 || need+=(chromium)
command -v qpdf      >/dev/null 2>&1 || need+=(qpdf)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
tesseract --list-langs 2>/dev/null | grep -qx nld || need+=(tesseract-ocr-nld)
command -v soffice   >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)

if ((${#need[@]} == 0)); then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: please install: ${need[*]} (no apt-get on this system)" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
mapfile -t need < <(printf '%s\n' "${need[@]}" | sort -u)
echo "install-deps: installing ${need[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
