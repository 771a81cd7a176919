#!/usr/bin/env bash
# Installs the Node tools the tests use, from the committed lock file (npm ci), once.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules/@microsoft/app-manifest ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
