// Sign-in, sign-out, theme switching and the keyboard basics of the shell.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withBrowser, login, BASE_URL, TENANT, USERNAME } from "./lib.mjs";

test("login: a wrong password shows an error, the right one lands on next, sign-out returns to login", (t) =>
  withBrowser(t, async (page) => {
    await page.goto("/executions");
    await page.waitForURL(/\/login\?next=%2Fexecutions/);
    assert.equal(await page.getByLabel("Tenant").inputValue(), "default");
    await page.getByLabel("Tenant").fill(TENANT);
    await page.getByLabel("Username").fill(USERNAME);
    await page.getByLabel("Password").fill("definitely-wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("login-error").waitFor();
    assert.match(await page.getByTestId("login-error").textContent(), /wrong/);
    assert.match(page.url(), /\/login/);

    await login(page, "/executions");
    assert.equal(new URL(page.url()).pathname, "/executions");
    await page.getByRole("heading", { name: "Executions" }).waitFor();

    // A reload keeps the session (sessionStorage).
    await page.reload();
    await page.getByRole("heading", { name: "Executions" }).waitFor();

    await page.locator("[data-action=sign-out]").click();
    await page.waitForURL(/\/login/);
    await page.goto("/");
    await page.waitForURL(/\/login/);
  }));

test("login: next only follows local paths", (t) =>
  withBrowser(t, async (page) => {
    await login(page, "//example.com/x");
    assert.equal(new URL(page.url()).origin, new URL(BASE_URL).origin);
    assert.equal(new URL(page.url()).pathname, "/");
  }));

test("theme switcher sets :root[data-theme], persists, and focus is visible", (t) =>
  withBrowser(t, async (page) => {
    await login(page);
    const theme = page.getByLabel("Theme");
    for (const value of ["dark", "high-contrast", "light"]) {
      await theme.selectOption(value);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), value);
    }
    await theme.selectOption("dark");
    await page.reload();
    await page.getByLabel("Theme").waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, "rgb(13, 17, 23)");

    // Skip link: first Tab stop, moves focus to the main region.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, "none");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
  }));
