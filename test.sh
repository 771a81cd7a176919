#!/usr/bin/env bash
# Runs every test, on a fresh machine too: installs the Node tools the tests use and the dashboard's
# front-end packages (from their committed lock files) and Debian's Chromium with Arabic fonts, starts a throwaway PostgreSQL 15,
# runs `dotnet test ParticipantBot.sln`, and stops the database. Extra arguments go to dotnet test (e.g. --filter Category=...).
set -euo pipefail
cd "$(dirname "$0")"

tests/tools/install.sh
scripts/vendor-dashboard.sh --install-only
scripts/install-browser.sh
source scripts/postgres.sh
pg_start
trap pg_stop EXIT

rm -rf TestResults
status=0
dotnet test ParticipantBot.sln --configuration Release \
  --blame-hang-timeout 10m \
  --logger trx \
  --results-directory TestResults "$@" || status=$?

# One closing line for every test assembly together.
passed=0; failed=0; skipped=0
for trx in TestResults/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit $status
