// The workflow list: create, search, duplicate, delete (with a keyboard-operable confirm dialog), last run.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withBrowser, login, api, unique, createWorkflow } from "./lib.mjs";

test("workflow list: create opens the designer, search filters, duplicate and delete work", (t) =>
  withBrowser(t, async (page) => {
    await login(page);
    const name = unique("e2e list");
    await page.locator("[data-action=new-workflow]").click();
    const dialog = page.getByRole("dialog", { name: "New workflow" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("button", { name: "Create" }).click();
    await page.waitForURL(/\/workflows\/[0-9a-f-]{36}$/);
    const id = page.url().split("/").pop();
    const doc = await api("GET", `/api/workflows/${id}`);
    assert.equal(doc.name, name);
    assert.equal(doc.definition.nodes[0].type, "trigger");

    await page.goto("/");
    await page.locator(`[data-workflow-id="${id}"]`).waitFor();
    await page.getByLabel("Search").fill(name.slice(-12));
    await page.waitForFunction(() => document.querySelectorAll("[data-workflow-id]").length === 1);
    assert.equal(await page.locator("[data-workflow-id]").getAttribute("data-workflow-id"), id);
    await page.getByLabel("Search").fill("no workflow is called like this zzz");
    await page.getByTestId("workflows-empty").waitFor();
    await page.getByLabel("Search").fill(name);

    // Duplicate → "<name> (copy)"
    await page.locator(`[data-workflow-id="${id}"] [data-action=duplicate-workflow]`).click();
    const copy = page.locator(`[data-workflow-name="${name} (copy)"]`);
    await copy.waitFor();
    const copyId = await copy.getAttribute("data-workflow-id");

    // Delete: Escape closes the dialog and returns focus; confirming deletes.
    const del = page.locator(`[data-workflow-id="${copyId}"] [data-action=delete-workflow]`);
    await del.focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("confirm-dialog").waitFor();
    await page.keyboard.press("Escape");
    await page.getByTestId("confirm-dialog").waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-action")), "delete-workflow");
    await del.click();
    await page.getByTestId("confirm-dialog").locator("[data-action=confirm]").click();
    await page.locator(`[data-workflow-id="${copyId}"]`).waitFor({ state: "detached" });
    await assert.rejects(api("GET", `/api/workflows/${copyId}`), /404/);
    await api("DELETE", `/api/workflows/${id}`);
  }));

test("workflow list: last run shows the latest execution's status", (t) =>
  withBrowser(t, async (page) => {
    const wf = await createWorkflow(unique("e2e last run"), [["start", "trigger", { kind: "manual" }], ["t", "transform", { code: "throw new Error('boom')" }]], [["start", "t"]]);
    await api("POST", `/api/workflows/${wf.id}/executions?wait=true`, { input: {} });
    await login(page);
    await page.getByLabel("Search").fill(wf.name);
    const cell = page.locator(`[data-workflow-id="${wf.id}"] [data-testid=last-run]`);
    await cell.locator("[data-status=failed]").waitFor();
  }));
