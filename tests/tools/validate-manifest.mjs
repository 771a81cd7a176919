// Validates a Teams app manifest against Microsoft's JSON schema of the manifest's own version,
// offline: the schemas ship in @microsoft/app-manifest. Prints each problem; exits 1 if any.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const { ManifestUtil } = require("@microsoft/app-manifest");
const file = process.argv[2];
if (!file) { console.error("usage: validate-manifest.mjs manifest.json"); process.exit(2); }
const manifest = JSON.parse(readFileSync(file, "utf8"));
const version = manifest.manifestVersion;
const pkg = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
const schemaPath = path.join(pkg, "build", "json-schemas", "teams", `v${version}`, "MicrosoftTeams.schema.json");
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
const errors = await ManifestUtil.validateManifestAgainstSchema(manifest, schema);
if (errors.length > 0) {
  for (const e of errors) console.error(`invalid: ${e}`);
  process.exit(1);
}
console.log(`valid: ${file} against Teams manifest schema v${version}`);
