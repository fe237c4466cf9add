// Fails when the committed generated API types differ from what the committed OpenAPI document produces.
import { readFileSync, rmSync } from "node:fs";
const [committed, fresh] = process.argv.slice(2);
const a = readFileSync(committed, "utf8");
const b = readFileSync(fresh, "utf8");
rmSync(fresh);
if (a !== b) {
  console.error(`${committed} is out of date with ../api/Workflow.Api/openapi.json: run \`npm run gen:api\` and commit it.`);
  process.exit(1);
}
console.log(`${committed} is up to date.`);
