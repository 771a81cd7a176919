#!/usr/bin/env bash
# Runs every test, on a fresh machine too: installs the Node tools the tests use and the dashboard's
# front-end packages (from their committed lock files) and Debian's Chromium with Arabic fonts, starts a throwaway PostgreSQL 15,
# runs `dotnet test ParticipantBot.sln`, and stops the database. Extra arguments go to dotnet test (e.g. --filter Category=...).
#
#   ./test.sh --year-ahead   the same suite with the wall clock of the test host and of everything it
#                            starts a year ahead (tests/tools/clock), PostgreSQL staying on the real clock:
#                            no test may depend on today's date.
set -euo pipefail
cd "$(dirname "$0")"

shift_days=0
if [ "${1:-}" = "--year-ahead" ]; then shift_days=365; shift; fi

tests/tools/install.sh
scripts/vendor-dashboard.sh --install-only
scripts/install-browser.sh
scripts/install-office.sh
source scripts/postgres.sh
pg_start
trap pg_stop EXIT

results=TestResults
settings=()
# What the suite's clock check compares with: the real time, read here, outside any shift.
export PARTICIPANTBOT_TEST_REAL_TIME="$(date -u +%s)"
export PARTICIPANTBOT_TEST_WALL_CLOCK_SHIFT_DAYS="$shift_days"
if [ "$shift_days" != 0 ]; then
  results=TestResults/year-ahead
  library="$PWD/tests/tools/clock/libwallclock-shift.so"
  gcc -shared -fPIC -O2 -o "$library" tests/tools/clock/wallclock-shift.c -ldl
  rm -rf "$results"; mkdir -p "$results"
  # Only the test host gets the shift (and passes it on to what it starts): the test platform's own
  # processes and PostgreSQL keep the real clock.
  cat > "$results/year-ahead.runsettings" <<XML
<RunSettings><RunConfiguration><EnvironmentVariables>
  <LD_PRELOAD>$library</LD_PRELOAD>
  <WALL_CLOCK_SHIFT_SECONDS>$((shift_days * 86400))</WALL_CLOCK_SHIFT_SECONDS>
</EnvironmentVariables></RunConfiguration></RunSettings>
XML
  settings=(--settings "$results/year-ahead.runsettings")
  echo "Running the suite with the wall clock $shift_days days ahead: $(LD_PRELOAD="$library" WALL_CLOCK_SHIFT_SECONDS=$((shift_days * 86400)) date -u)" >&2
else
  rm -rf TestResults
fi

status=0
dotnet test ParticipantBot.sln --configuration Release \
  --blame-hang-timeout 10m \
  --logger trx \
  --results-directory "$results" "${settings[@]}" "$@" || status=$?

# One closing line for every test assembly together.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
label=""; [ "$shift_days" != 0 ] && label=" (wall clock +$shift_days days)"
echo "Tests$label: $passed passed, $failed failed, $skipped skipped"
exit $status
