// `npm run screenshots`: docs/screenshots/{canvas-live-overlay,node-form,executions}.png at 1280×800.
// Best against a fresh data directory (the executions page shows whatever history the silo has).
// Env: BASE_URL, E2E_* credentials, OUT (default ../docs/screenshots).
import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openBrowser, login, api, createWorkflow, nodeLocator, selectNode, waitForStatuses } from "./lib.mjs";

const out = resolve(process.env.OUT ?? join(dirname(fileURLToPath(import.meta.url)), "../../docs/screenshots"));
await mkdir(out, { recursive: true });

async function named(name, nodes, edges) {
  for (let n = 0; ; n++) {
    try {
      return await createWorkflow(n ? `${name} ${n + 1}` : name, nodes, edges);
    } catch (e) {
      if (!/name_conflict/.test(String(e)) || n > 20) throw e;
    }
  }
}

const invoice = await named(
  "Invoice approval",
  [
    ["start", "trigger", { kind: "manual" }],
    ["total", "transform", { code: "const lines = trigger.lines ?? [];\nreturn { total: lines.reduce((s, l) => s + l.qty * l.price, 0) };" }],
    ["big", "if", { condition: "{{ nodes.total.output.total > 1000 }}" }],
    ["flag", "set", { values: { needsApproval: true } }],
    ["auto", "set", { values: { needsApproval: false } }],
    ["respond", "respond", { status: 200, body: "{{ nodes.total.output }}" }],
  ],
  [["start", "total"], ["total", "big"], ["big", "flag", "true"], ["big", "auto", "false"], ["flag", "respond"]],
);
// Lay the branches out by hand (createWorkflow puts nodes in a row).
const doc = await api("GET", `/api/workflows/${invoice.id}`);
const at = { start: [0, 90], total: [230, 90], big: [460, 90], flag: [690, 0], auto: [690, 180], respond: [920, 0] };
for (const n of doc.definition.nodes) n.position = { x: at[n.id][0], y: at[n.id][1] };
await api("PUT", `/api/workflows/${invoice.id}`, doc, { "if-match": `"${doc.version}"` });

// Some history for the executions page: successes, a failure, a waiting approval.
const failing = await named(
  "Sync CRM contacts",
  [["start", "trigger", { kind: "manual" }], ["fetch", "set", { values: { page: 1 } }], ["map", "transform", { code: "throw new Error('CRM answered 503: try again later')" }]],
  [["start", "fetch"], ["fetch", "map"]],
);
const approval = await named("Expense approval", [["start", "trigger", { kind: "manual" }], ["approve", "wait", { timeoutSeconds: 86400 }]], [["start", "approve"]]);
for (let i = 0; i < 4; i++) await api("POST", `/api/workflows/${invoice.id}/executions?wait=true`, { input: { lines: [{ qty: i + 1, price: 400 }] } });
await api("POST", `/api/workflows/${failing.id}/executions?wait=true`, { input: {} });
await api("POST", `/api/workflows/${approval.id}/executions`, { input: { amount: 120 } });

const browser = await openBrowser({ width: 1280, height: 800 });
const { page } = browser;
try {
  await login(page, `/workflows/${invoice.id}`);
  await nodeLocator(page, "respond").waitFor();
  await page.locator("[data-action=run]").click();
  await page.getByLabel("Input", { exact: true }).fill(JSON.stringify({ lines: [{ qty: 3, price: 450 }, { qty: 1, price: 99 }] }, null, 2));
  await page.locator("[data-action=start-run]").click();
  await page.waitForURL(/\?execution=/);
  await waitForStatuses(page, { start: "completed", total: "completed", big: "completed", flag: "completed", respond: "completed" });
  await page.locator("[data-execution-status=completed]").waitFor();
  await page.locator("[data-action=fit]").click().catch(() => {});
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(out, "canvas-live-overlay.png") });

  await selectNode(page, "total");
  await page.getByTestId("node-panel").waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(out, "node-form.png") });

  // All workflows: the mixed statuses say more than one workflow's history.
  await page.goto("/executions");
  await page.waitForFunction(() => document.querySelectorAll("[data-execution-id]").length >= 7);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, "executions.png") });
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
}
