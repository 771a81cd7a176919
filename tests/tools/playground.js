// Starts the Microsoft 365 Agents Playground (Microsoft's local Teams client and Bot Connector
// emulator) for the end-to-end tests:  node playground.js PORT BOT_ENDPOINT
// Started through its own bin with no terminal it exits after "Listening"; required from a script
// and started with process.argv set, it stays up until it is killed.
const [port, endpoint] = process.argv.slice(2);
if (!port || !endpoint) {
  console.error("usage: node playground.js PORT BOT_ENDPOINT");
  process.exit(2);
}
process.argv = [process.argv[0], "agentsplayground", "-p", port, "-e", endpoint, "-c", "msteams", "--dt"];
process.on("uncaughtException", (err) => { console.error(err); process.exit(1); });
require("@microsoft/m365agentsplayground/dist").start();
