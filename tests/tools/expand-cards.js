// Expands Adaptive Card templates with the official templating library (adaptivecards-templating),
// so that tests compare its output with the service's own filler.
// Reads [{ "template": {...}, "data": {...} }, ...] on stdin; writes the expanded cards, in order.
const ACData = require("adaptivecards-templating");
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const requests = JSON.parse(input);
  const cards = requests.map(({ template, data }) => new ACData.Template(template).expand({ $root: data }));
  process.stdout.write(JSON.stringify(cards));
});
