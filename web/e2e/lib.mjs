// Shared helpers of the browser tests: a fresh headless Chromium per test, sign-in, API calls, canvas gestures.
import { chromium } from "playwright-core";
import { mkdtemp, rm, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const BASE_URL = (process.env.BASE_URL ?? "http://127.0.0.1:5182").replace(/\/$/, "");
export const TENANT = process.env.E2E_TENANT ?? "default";
export const USERNAME = process.env.E2E_USERNAME ?? "admin";
export const PASSWORD = process.env.E2E_PASSWORD ?? process.env.WORKFLOW_ADMIN_PASSWORD ?? "admin-pass-123";
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), "artifacts");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const launchArgs = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** A fresh browser with its own user-data dir; `close()` removes it. */
export async function openBrowser({ width = 1280, height = 800 } = {}) {
  const userDataDir = await mkdtemp(join(tmpdir(), "wf-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: launchArgs,
    viewport: { width, height },
    baseURL: BASE_URL,
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors = [];
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  return {
    context,
    page,
    consoleErrors,
    async close() {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    },
  };
}

/** Runs `fn(page, browser)` in a fresh browser; on failure saves a screenshot to e2e/artifacts/<name>.png. */
export async function withBrowser(t, fn, options) {
  const browser = await openBrowser(options);
  try {
    await fn(browser.page, browser);
  } catch (e) {
    await mkdir(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, `${t.name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.png`);
    await browser.page.screenshot({ path: file, fullPage: true }).catch(() => {});
    if (browser.consoleErrors.length) e.message += `\npage errors:\n${browser.consoleErrors.join("\n")}`;
    e.message += `\nscreenshot: ${file}\nurl: ${browser.page.url()}`;
    throw e;
  } finally {
    await browser.close();
  }
}

/** Signs in through the login form and waits to land on `next`. */
export async function login(page, next = "/") {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Tenant").fill(TENANT);
  await page.getByLabel("Username").fill(USERNAME);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

let cachedToken;
export async function token() {
  if (cachedToken) return cachedToken;
  const r = await fetch(`${BASE_URL}/api/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tenant: TENANT, username: USERNAME, password: PASSWORD }),
  });
  if (!r.ok) throw new Error(`sign-in for the API failed: ${r.status} ${await r.text()}`);
  cachedToken = (await r.json()).accessToken;
  return cachedToken;
}

export async function api(method, path, body, headers = {}) {
  const r = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { authorization: `Bearer ${await token()}`, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

export const unique = (prefix) => `${prefix} ${new Date().toISOString().replace(/[:.]/g, "")}-${Math.random().toString(36).slice(2, 6)}`;

/** Creates a workflow through the API from nodes given as [id, type, config] (laid out left to right) and edges as [source, target, sourceHandle?]. */
export async function createWorkflow(name, nodes, edges) {
  return api("POST", "/api/workflows", {
    name,
    definition: {
      nodes: nodes.map(([id, type, config], i) => ({ id, type, position: { x: i * 240, y: 80 }, config: config ?? {} })),
      edges: edges.map(([source, target, sourceHandle], i) => ({ id: `e${i + 1}`, source, target, ...(sourceHandle ? { sourceHandle } : {}) })),
    },
  });
}

// ---- canvas gestures (DESIGN.md §5 DOM hooks) ----

// Canvas nodes only: the problems list and the node panel also carry data-node-id.
export const nodeLocator = (page, id) => page.locator(`.react-flow__node[data-id="${id}"]`).first();
export const nodeStatus = (page, id) => page.locator(`.react-flow__node [data-node-id="${id}"]`).first().getAttribute("data-status");
export const canvasNodeIds = (page) =>
  page.$$eval(".react-flow__node", (els) => els.map((e) => e.getAttribute("data-id") ?? e.querySelector("[data-node-id]")?.getAttribute("data-node-id")));

async function center(locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error(`no box for ${locator}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a palette entry onto the pane at (x, y) relative to the pane's top-left; returns the new node's id. */
export async function dragFromPalette(page, type, x, y) {
  const before = new Set(await canvasNodeIds(page));
  const entry = page.locator(`[data-node-type="${type}"]:not([data-node-id])`).first();
  const from = await center(entry);
  const pane = await page.locator(".react-flow").first().boundingBox();
  const to = { x: pane.x + x, y: pane.y + y };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y + 10, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
  let added = [];
  for (let i = 0; i < 50 && added.length === 0; i++) {
    added = (await canvasNodeIds(page)).filter((id) => !before.has(id));
    if (!added.length) await page.waitForTimeout(100);
  }
  if (added.length !== 1) throw new Error(`dropping ${type} added ${added.length} nodes`);
  return added[0];
}

const handle = (page, nodeId, handleId, kind) =>
  page.locator(
    handleId
      ? `.react-flow__handle[data-nodeid="${nodeId}"][data-handleid="${handleId}"]`
      : `.react-flow__handle.${kind}[data-nodeid="${nodeId}"]`,
  ).first();

/** Connects source handle → target handle by dragging with the mouse. */
export async function connect(page, source, sourceHandle, target, targetHandle) {
  const edgesBefore = await page.locator(".react-flow__edge").count();
  const from = await center(handle(page, source, sourceHandle, "source"));
  let targetLoc = handle(page, target, targetHandle, "target");
  if (targetHandle && !(await targetLoc.count())) targetLoc = handle(page, target, null, "target");
  const to = await center(targetLoc);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction((n) => document.querySelectorAll(".react-flow__edge").length > n, edgesBefore, { timeout: 5000 });
}

/** Opens a node's config panel by clicking it. */
export async function selectNode(page, id) {
  const node = nodeLocator(page, id);
  const box = await node.boundingBox();
  // Click near the top-left of the card: away from the handles on its sides.
  await page.mouse.click(box.x + Math.min(40, box.width / 3), box.y + Math.min(14, box.height / 3));
}

export const statuses = (page) =>
  page.$$eval(".react-flow__node [data-node-id]", (els) => Object.fromEntries(els.map((e) => [e.getAttribute("data-node-id"), e.getAttribute("data-status")])));

export async function waitForStatuses(page, expected, timeout = 20_000) {
  await page.waitForFunction(
    (exp) => Object.entries(exp).every(([id, s]) => document.querySelector(`.react-flow__node [data-node-id="${id}"]`)?.getAttribute("data-status") === s),
    expected,
    { timeout },
  );
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const mod = process.platform === "darwin" ? "Meta" : "Control";
