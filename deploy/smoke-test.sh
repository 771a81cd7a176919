#!/usr/bin/env bash
# The administrator's check of a deployed ParticipantBot, from any machine with bash and curl:
#
#   deploy/smoke-test.sh https://participantbot.agency.example.org [--rsvp-link <link from an invitation email>] [--answer accept|tentative|decline]
#
# 1. /healthz, /healthz/live, /healthz/ready answer 200 (the database answers, the key ring works);
# 2. the organiser API refuses a request without a token (401), and one with a forged token (401);
# 3. the bot endpoint refuses a Bot Connector call that is not signed by Microsoft (401);
# 4. with --rsvp-link (invite yourself to a test session from the dashboard, copy the link of the email):
#    the page opens (200), an altered link does not (404), your answer is recorded and shown when the
#    page opens again: the round trip through the Data Protection keys, antiforgery and the database.
# Prints one line per check and exits non-zero if any failed. It changes nothing but your own answer.
set -uo pipefail
base=""; link=""; answer="accept"
while [ $# -gt 0 ]; do
  case "$1" in
    --rsvp-link) link=$2; shift 2 ;;
    --answer) answer=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) if [ -z "$base" ]; then base=${1%/}; shift; else echo "unknown option $1" >&2; exit 2; fi ;;
  esac
done
[ -n "$base" ] || { echo "give the service's address, e.g. deploy/smoke-test.sh https://participantbot.agency.example.org" >&2; exit 2; }
case "$answer" in accept|tentative|decline) ;; *) echo "--answer is accept, tentative or decline" >&2; exit 2 ;; esac

failed=0; passed=0
check() { # name, expected status, actual status
  if [ "$2" = "$3" ]; then echo "PASS $1 ($3)"; passed=$((passed + 1)); else echo "FAIL $1: expected $2, got $3"; failed=$((failed + 1)); fi
}
status() { curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$@"; }

for path in /healthz /healthz/live /healthz/ready; do
  check "GET $path" 200 "$(status "$base$path")"
done
check "organiser API without a token is refused" 401 "$(status "$base/api/campaigns")"
check "organiser API with a forged token is refused" 401 "$(status -H 'Authorization: Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJvaWQiOiJ4In0.' "$base/api/campaigns")"
activity='{"type":"message","id":"smoke","text":"help","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","from":{"id":"29:smoke"},"conversation":{"id":"a:smoke"},"recipient":{"id":"28:bot"}}'
check "unsigned Bot Connector call is refused" 401 "$(status -X POST -H 'Content-Type: application/json' -d "$activity" "$base/api/messages")"

if [ -n "$link" ]; then
  # Only the path of the link: the script talks to the address given, whatever host the link names.
  path="/${link#*://*/}"
  jar=$(mktemp); page=$(mktemp)
  trap 'rm -f "$jar" "$page"' EXIT
  code=$(curl -s -c "$jar" -b "$jar" -o "$page" -w '%{http_code}' --max-time 30 "$base$path")
  check "the RSVP link opens" 200 "$code"
  # One character of the token changed (well inside it: the last one may carry only padding bits).
  i=$(( ${#path} - 10 )); c=${path:$i:1}; [ "$c" = "A" ] && other=B || other=A
  check "an altered RSVP link does not open" 404 "$(status "$base${path:0:$i}$other${path:$((i + 1))}")"
  token=$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' "$page" | head -1)
  if [ -z "$token" ]; then
    echo "FAIL the RSVP page has no answer form (is the session over, or the invitation withdrawn?)"; failed=$((failed + 1))
  else
    code=$(curl -s -L -c "$jar" -b "$jar" -o "$page" -w '%{http_code}' --max-time 30 \
      --data-urlencode "answer=$answer" --data-urlencode "__RequestVerificationToken=$token" "$base$path")
    check "the answer '$answer' is accepted" 200 "$code"
    code=$(curl -s -c "$jar" -b "$jar" -o "$page" -w '%{http_code}' --max-time 30 "$base$path")
    if [ "$code" = 200 ] && grep -q 'id="current-answer"' "$page"; then
      echo "PASS the page shows the recorded answer when opened again"; passed=$((passed + 1))
    else
      echo "FAIL the page does not show a recorded answer ($code)"; failed=$((failed + 1))
    fi
  fi
fi
echo "Smoke test of $base: $passed passed, $failed failed"
[ "$failed" = 0 ]
