// `npm run e2e`: node --test over e2e/*.spec.mjs, one file at a time (the tests share one silo and two cores).
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".spec.mjs") && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort()
  .map((f) => join(here, f));
if (files.length === 0) {
  console.error("no e2e specs matched");
  process.exit(1);
}
console.log(`e2e against ${process.env.BASE_URL ?? "http://127.0.0.1:5182"}: ${files.length} file(s)`);
const r = spawnSync(process.execPath, ["--test", "--test-concurrency=1", "--test-reporter=spec", ...files], { stdio: "inherit" });
process.exit(r.status ?? 1);
