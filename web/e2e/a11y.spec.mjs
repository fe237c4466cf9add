// Accessibility basics of the operator pages: every control has a name, dialogs are keyboard operable.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withBrowser, login } from "./lib.mjs";

const unnamedControls = (page) =>
  page.$$eval("input, select, textarea, button", (els) =>
    els
      .filter((e) => e.type !== "hidden" && !e.closest("[aria-hidden=true]"))
      .filter((e) => !(e.labels?.length || e.getAttribute("aria-label") || e.getAttribute("aria-labelledby") || (e.tagName === "BUTTON" && e.textContent.trim())))
      .map((e) => e.outerHTML.slice(0, 120)),
  );

test("a11y: every control on login, workflows and executions has an accessible name", (t) =>
  withBrowser(t, async (page) => {
    await page.goto("/login");
    await page.getByLabel("Password").waitFor();
    assert.deepEqual(await unnamedControls(page), []);
    await login(page);
    await page.locator("[data-action=new-workflow]").waitFor();
    assert.deepEqual(await unnamedControls(page), []);
    await page.goto("/executions?range=custom");
    await page.getByLabel("From").waitFor();
    assert.deepEqual(await unnamedControls(page), []);
    assert.equal(await page.locator("h1").count(), 1);
  }));

test("a11y: the new-workflow dialog keeps Tab inside, Escape closes it and focus returns to the opener", (t) =>
  withBrowser(t, async (page) => {
    await login(page);
    const opener = page.locator("[data-action=new-workflow]");
    await opener.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "New workflow" });
    await dialog.waitFor();
    // Focus starts in the name field.
    assert.equal(await page.evaluate(() => document.activeElement?.closest("dialog") !== null && document.activeElement?.tagName), "INPUT");
    // Tab cycles inside the modal dialog.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      const inside = await page.evaluate(() => !!document.activeElement?.closest("dialog") || document.activeElement === document.body);
      assert.ok(inside, "focus stays in the dialog");
    }
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-action")), "new-workflow");
  }));
