// Running from the designer: the live overlay, a failing node and its error, and the same run replayed from history.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withBrowser, login, unique, createWorkflow, nodeLocator, selectNode, waitForStatuses, statuses } from "./lib.mjs";

async function runFromDesigner(page, input) {
  await page.locator("[data-action=run]").click();
  const textarea = page.getByLabel("Input", { exact: true });
  await textarea.fill(input);
  await page.locator("[data-action=start-run]").click();
  await page.waitForURL(/\?execution=[0-9a-f-]{36}/);
  return new URL(page.url()).searchParams.get("execution");
}

test("run: every node turns completed live and the execution badge says completed", (t) =>
  withBrowser(t, async (page) => {
    const wf = await createWorkflow(
      unique("e2e run"),
      [
        ["start", "trigger", { kind: "manual" }],
        ["s", "set", { values: { a: "{{ trigger.a }}" } }],
        ["t", "transform", { code: "return { x: vars.a + 1 };" }],
        ["i", "if", { condition: "{{ nodes.t.output.x > 1 }}" }],
        ["r", "respond", {}],
      ],
      [["start", "s"], ["s", "t"], ["t", "i"], ["i", "r", "true"]],
    );
    await login(page, `/workflows/${wf.id}`);
    await nodeLocator(page, "r").waitFor();
    // Record every status each node shows, to see the run arrive live rather than only at the end.
    await page.evaluate(() => {
      window.__seen = {};
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target;
          const id = el.getAttribute?.("data-node-id");
          if (id) (window.__seen[id] ??= []).push(el.getAttribute("data-status"));
        }
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-status"] });
    });
    const executionId = await runFromDesigner(page, '{"a": 1}');
    assert.ok(executionId);
    await waitForStatuses(page, { start: "completed", s: "completed", t: "completed", i: "completed", r: "completed" });
    await page.locator("[data-execution-status=completed]").waitFor();
    const seen = await page.evaluate(() => window.__seen);
    t.diagnostic(`statuses seen: ${JSON.stringify(seen)}`);
    for (const id of ["start", "s", "t", "i", "r"]) assert.ok(seen[id]?.includes("completed"), `${id} turned completed on screen`);
    await selectNode(page, "t");
    await page.getByTestId("node-inspector").waitFor();
    assert.match(await page.getByTestId("node-output").textContent(), /"x":\s*2/);
  }));

test("run: live overlay (through the hub) shows a slow node in progress before it completes", (t) =>
  withBrowser(t, async (page) => {
    const wf = await createWorkflow(
      unique("e2e live"),
      [
        ["start", "trigger", { kind: "manual" }],
        ["slow", "transform", { code: "return { ok: true };" }],
        ["pause", "delay", { durationSeconds: 2 }],
        ["done", "set", { values: { finished: true } }],
      ],
      [["start", "slow"], ["slow", "pause"], ["pause", "done"]],
    );
    await login(page, `/workflows/${wf.id}`);
    await nodeLocator(page, "done").waitFor();
    await page.evaluate(() => {
      window.__seen = {};
      new MutationObserver((records) => {
        for (const r of records) {
          const id = r.target.getAttribute?.("data-node-id");
          if (id) (window.__seen[id] ??= []).push(r.target.getAttribute("data-status"));
        }
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-status"] });
    });
    await runFromDesigner(page, "{}");
    // While the delay holds the run, the overlay is fed by the SignalR hub, not by the polling fallback.
    await page.locator("[data-transport=live]").waitFor({ timeout: 10_000 });
    await waitForStatuses(page, { start: "completed", slow: "completed", pause: "completed", done: "completed" }, 30_000);
    await page.locator("[data-execution-status=completed]").waitFor();
    const seen = await page.evaluate(() => window.__seen);
    const bar = await page.locator("[aria-label=Execution]").first().textContent().catch(() => "");
    t.diagnostic(`statuses seen: ${JSON.stringify(seen)}; execution bar: ${bar}`);
    const inProgress = (id) => (seen[id] ?? []).some((s) => s === "running" || s === "waiting");
    assert.ok(inProgress("pause"), `the delay node was shown running/waiting before completed: ${JSON.stringify(seen.pause)}`);
  }));

test("run: a failing node turns failed with its error; the run opens again from history with the same overlay", (t) =>
  withBrowser(t, async (page) => {
    const wf = await createWorkflow(
      unique("e2e fail"),
      [
        ["start", "trigger", { kind: "manual" }],
        ["ok", "set", { values: { a: 1 } }],
        ["boom", "transform", { code: "throw new Error('boom')" }],
        ["after", "set", { values: { b: 2 } }],
      ],
      [["start", "ok"], ["ok", "boom"], ["boom", "after"]],
    );
    await login(page, `/workflows/${wf.id}`);
    await nodeLocator(page, "boom").waitFor();
    const executionId = await runFromDesigner(page, "{}");
    await waitForStatuses(page, { start: "completed", ok: "completed", boom: "failed" });
    await page.locator("[data-execution-status=failed]").waitFor();
    await selectNode(page, "boom");
    const error = page.locator("[data-testid=node-inspector] [data-testid=node-error]");
    await error.waitFor();
    assert.match(await error.textContent(), /boom/);
    // Its input is what its predecessor `ok` passed on (the set node's values).
    const input = page.locator("[data-testid=node-inspector] [data-testid=node-input]");
    await input.waitFor();
    assert.deepEqual(JSON.parse(await input.textContent()), { a: 1 });
    const live = await statuses(page);

    // History → row → designer replay.
    await page.goto("/executions");
    await page.locator(`[data-execution-id="${executionId}"]`).click();
    await page.waitForURL(`**/workflows/${wf.id}?execution=${executionId}`);
    await waitForStatuses(page, { start: "completed", ok: "completed", boom: "failed" });
    await page.locator("[data-execution-status=failed]").waitFor();
    assert.deepEqual(await statuses(page), live);
    await selectNode(page, "boom");
    await error.waitFor();
    assert.match(await error.textContent(), /boom/);
  }));
