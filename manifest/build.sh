#!/usr/bin/env bash
# Builds the Teams app package an administrator uploads (Teams admin centre > Manage apps > Upload).
#   manifest/build.sh --bot-id <Azure Bot app id> --host <public host name> [--client-id <Entra app id>] [--app-id <guid>] [--version x.y.z]
#   manifest/build.sh --outputs deploy/outputs.json [--app-id <guid>] [--version x.y.z]
# --client-id is the app registration organisers sign in to (Auth:ClientId); it defaults to the bot's.
# --outputs reads the three from the outputs of deploy/main.bicep (botAppId, publicHostName, organiserClientId),
# as `az deployment group create ... --query properties.outputs` prints them; an option given too wins.
# Writes manifest/build/ParticipantBot.zip: manifest.json (with those values filled in) and the two icons.
# The package is checked against Microsoft's schema of the manifest's version first.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
bot_id=""; host=""; app_id=""; version=""; client_id=""; outputs=""
while [ $# -gt 0 ]; do
  case "$1" in
    --outputs) outputs=$2; shift 2 ;;
    --bot-id) bot_id=$2; shift 2 ;;
    --host) host=$2; shift 2 ;;
    --app-id) app_id=$2; shift 2 ;;
    --client-id) client_id=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -n "$outputs" ]; then
  [ -f "$outputs" ] || { echo "no such file: $outputs (the deployment's outputs: az deployment group show -g <group> -n main --query properties.outputs > $outputs)" >&2; exit 2; }
  output() { node -e 'const o = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); const v = o[process.argv[2]]; process.stdout.write(v === undefined ? "" : String(v.value ?? v));' "$outputs" "$1"; }
  [ -n "$bot_id" ] || bot_id=$(output botAppId)
  [ -n "$host" ] || host=$(output publicHostName)
  [ -n "$client_id" ] || client_id=$(output organiserClientId)
fi
[ -n "$bot_id" ] || { echo "give --bot-id: the Microsoft App ID of the Azure Bot" >&2; exit 2; }
[ -n "$host" ] || { echo "give --host: the public host name of the service, e.g. participantbot.example.org" >&2; exit 2; }

out="$here/build"
rm -rf "$out/package"; mkdir -p "$out/package"
BOT_ID="$bot_id" CLIENT_ID="${client_id:-$bot_id}" HOST="$host" APP_ID="$app_id" VERSION="$version" node -e '
  const fs = require("fs");
  const m = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  m.bots[0].botId = process.env.BOT_ID;
  if (process.env.APP_ID) m.id = process.env.APP_ID;
  if (process.env.VERSION) m.version = process.env.VERSION;
  m.validDomains = [process.env.HOST];
  // Teams SSO (the dashboard tab): the app registration and its Application ID URI on the host.
  m.webApplicationInfo = { id: process.env.CLIENT_ID, resource: `api://${process.env.HOST}/${process.env.CLIENT_ID}` };
  for (const k of ["websiteUrl", "privacyUrl", "termsOfUseUrl"])
    m.developer[k] = m.developer[k].replace("participantbot.example.org", process.env.HOST);
  // The dashboard tabs are served by the service on the same host.
  for (const tab of m.staticTabs ?? []) for (const k of ["contentUrl", "websiteUrl"]) tab[k] = tab[k].replace("participantbot.example.org", process.env.HOST);
  for (const tab of m.configurableTabs ?? []) tab.configurationUrl = tab.configurationUrl.replace("participantbot.example.org", process.env.HOST);
  fs.writeFileSync(process.argv[2], JSON.stringify(m, null, 2));
' "$here/manifest.json" "$out/package/manifest.json"
cp "$here/color.png" "$here/outline.png" "$out/package/"

"$root/tests/tools/install.sh" >/dev/null
node "$root/tests/tools/validate-manifest.mjs" "$out/package/manifest.json"
(cd "$out/package" && rm -f ../ParticipantBot.zip && zip -q -X ../ParticipantBot.zip manifest.json color.png outline.png)
echo "Built $out/ParticipantBot.zip"
