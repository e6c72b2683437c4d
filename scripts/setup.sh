#!/usr/bin/env bash
# Idempotent set-up: system packages where possible, the virtual environment at .venv,
# the Python requirements (dev extras with --dev). Re-running does only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

DEV=0
[ "${1:-}" = "--dev" ] && DEV=1

# Debian packages: OCR (Vietnamese), old Word formats, PDF tools, fonts; the browser for the UI check.
APT_PACKAGES="tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui poppler-utils fonts-liberation fonts-dejavu-core"
[ "$DEV" = 1 ] && APT_PACKAGES="$APT_PACKAGES chromium chromium-driver"
missing=""
for pkg in $APT_PACKAGES; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Cài gói hệ thống:$missing"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "Lưu ý: chưa cài được các gói hệ thống:$missing (cần quyền root). OCR / chuyển đổi .doc sẽ báo không khả dụng."
  fi
fi

PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv

REQ=requirements.txt
[ "$DEV" = 1 ] && REQ=requirements-dev.txt
stamp=".venv/.installed-$(cat requirements.txt requirements-dev.txt | sha256sum | cut -c1-16)-$DEV"
if [ ! -f "$stamp" ]; then
  .venv/bin/pip install --quiet --disable-pip-version-check "torch==2.13.0"
  .venv/bin/pip install --quiet --disable-pip-version-check -r "$REQ"
  touch "$stamp"
fi
