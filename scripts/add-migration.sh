#!/usr/bin/env bash
# Adds an EF Core migration for both database providers: ./scripts/add-migration.sh NAME
# dotnet-ef 10 writes the model snapshot under a folder named after the root namespace
# (src/ParticipantBot/ParticipantBot/...) when --namespace is given; it is moved back beside its migrations.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/../src/ParticipantBot"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --context "${provider}AppDbContext" \
    --output-dir "Persistence/Migrations/$provider" --namespace "ParticipantBot.Persistence.Migrations.$provider"
  if [ -d ParticipantBot ]; then
    find ParticipantBot -name '*ModelSnapshot.cs' -exec mv {} "Persistence/Migrations/$provider/" \;
    rm -rf ParticipantBot
  fi
done
