#!/usr/bin/env bash
# CI install step for the web branch: Debian's chromium, used headless by tests/it/html_browser.rs
# to load the HTML report, check it for console errors and take screenshots. Safe to run twice.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
    echo "chromium already installed: $(chromium --version 2>/dev/null || true)"
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium fonts-dejavu-core
chromium --version
