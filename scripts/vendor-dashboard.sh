#!/usr/bin/env bash
# Installs the dashboard's front-end packages from their lock file (src/ParticipantBot/Dashboard/web)
# and copies the files the page loads into src/ParticipantBot/wwwroot/lib. The copies are committed
# so that `dotnet run` needs no npm and the page fetches nothing from the network at run time;
# tests/ParticipantBot.Tests/Dashboard/VendoredPackagesTests.cs checks they equal the locked packages.
# Usage: scripts/vendor-dashboard.sh [--install-only]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
web="$root/src/ParticipantBot/Dashboard/web"
lib="$root/src/ParticipantBot/wwwroot/lib"
cd "$web"
if [ ! -d node_modules/@fluentui/web-components ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
[ "${1:-}" = "--install-only" ] && exit 0
rm -rf "$lib" && mkdir -p "$lib/fluentui-web-components" "$lib/fluentui-tokens" "$lib/teams-js" "$lib/adaptivecards"
cp node_modules/@fluentui/web-components/dist/web-components-all.min.js node_modules/@fluentui/web-components/package.json "$lib/fluentui-web-components/"  # MIT (the package ships no LICENSE file; its package.json says so)
(cd node_modules/@fluentui/tokens && find lib -name '*.js' | while read -r f; do mkdir -p "$lib/fluentui-tokens/$(dirname "$f")"; cp "$f" "$lib/fluentui-tokens/$f"; done; cp LICENSE "$lib/fluentui-tokens/")
cp node_modules/@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js node_modules/@microsoft/teams-js/LICENSE "$lib/teams-js/"
# The official Adaptive Cards renderer (MIT): the page shows the Teams card a person receives with it.
cp node_modules/adaptivecards/dist/adaptivecards.min.js node_modules/adaptivecards/LICENSE "$lib/adaptivecards/"
echo "vendored into $lib"
