// The designer against the real silo: palette from /api/nodes, building by drag and drop, the node form,
// validation problems, save + reload, undo/redo, copy/paste.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withBrowser, login, api, unique, dragFromPalette, connect, selectNode, nodeLocator, canvasNodeIds, mod } from "./lib.mjs";

test("palette: built from GET /api/nodes, every descriptor type present", (t) =>
  withBrowser(t, async (page) => {
    const wf = await api("POST", "/api/workflows", {
      name: unique("e2e palette"),
      definition: { nodes: [{ id: "start", type: "trigger", position: { x: 0, y: 0 }, config: { kind: "manual" } }], edges: [] },
    });
    const descriptors = await api("GET", "/api/nodes");
    await login(page, `/workflows/${wf.id}`);
    await page.locator("[data-node-type]:not([data-node-id])").first().waitFor();
    const types = await page.$$eval("[data-node-type]:not([data-node-id])", (els) => els.map((e) => e.getAttribute("data-node-type")));
    assert.deepEqual([...new Set(types)].sort(), descriptors.map((d) => d.type).sort());
  }));

test("designer: build a 5-node workflow by drag and drop, configure, validate, save, reload, undo/redo, copy/paste", (t) =>
  withBrowser(t, async (page) => {
    await login(page);
    const name = unique("e2e built");
    await page.locator("[data-action=new-workflow]").click();
    await page.getByRole("dialog").getByLabel("Name").fill(name);
    await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
    await page.waitForURL(/\/workflows\/[0-9a-f-]{36}$/);
    const id = page.url().split("/").pop();
    await nodeLocator(page, "start").waitFor();

    // Replace the starter trigger so all five nodes come from the palette.
    await selectNode(page, "start");
    await page.keyboard.press("Delete");
    await nodeLocator(page, "start").waitFor({ state: "detached" });

    const trigger = await dragFromPalette(page, "trigger", 120, 220);
    const set = await dragFromPalette(page, "set", 360, 220);
    const transform = await dragFromPalette(page, "transform", 600, 220);
    const cond = await dragFromPalette(page, "if", 360, 420);
    const respond = await dragFromPalette(page, "respond", 600, 420);
    assert.equal((await canvasNodeIds(page)).length, 5);

    // Unconnected nodes are unreachable: the problems list says so (warnings), and they clear once connected.
    await page.locator(`[data-testid=problems] li[data-problem-code=unreachable_node]`).first().waitFor();

    await connect(page, trigger, "out", set, "in");
    await connect(page, set, "out", transform, "in");
    await connect(page, transform, "out", cond, "in");
    await connect(page, cond, "true", respond, "in");
    assert.equal(await page.locator(".react-flow__edge").count(), 4);
    await page.waitForFunction(() => !document.querySelector("[data-testid=problems] li[data-problem-code=unreachable_node]"));

    // Configure through the generated forms.
    const panel = page.getByTestId("node-panel");
    await selectNode(page, trigger);
    await panel.waitFor();
    const kind = panel.getByLabel("kind", { exact: false }).first();
    if ((await kind.count()) && (await kind.evaluate((e) => e.tagName)) === "SELECT") await kind.selectOption("manual");
    await selectNode(page, set);
    await page.locator(`[data-testid=node-panel][data-node-id="${set}"]`).waitFor();
    await panel.getByLabel("values").fill('{"a": 1}');
    await selectNode(page, transform);
    await page.locator(`[data-testid=node-panel][data-node-id="${transform}"]`).waitFor();
    await panel.getByLabel("code").fill("return { x: vars.a + 1 };");

    // A validation error appears on the node and in the problems list, then clears.
    const timeout = panel.getByLabel("timeoutSeconds");
    await timeout.fill("0");
    const problem = page.locator(`[data-testid=problems] li[data-problem-code][data-node-id="${transform}"]`);
    await problem.waitFor();
    assert.equal(await problem.getAttribute("data-problem-code"), "invalid_config");
    await page.locator(`.react-flow__node [data-node-id="${transform}"][data-invalid=true]`).waitFor();
    await timeout.fill("30");
    await problem.waitFor({ state: "detached" });
    await page.locator(`.react-flow__node [data-node-id="${transform}"][data-invalid=true]`).waitFor({ state: "detached" });

    await selectNode(page, cond);
    await page.locator(`[data-testid=node-panel][data-node-id="${cond}"]`).waitFor();
    await panel.getByLabel("condition").fill(`{{ nodes.${transform}.output.x > 1 }}`);

    // Save.
    await page.locator("[data-action=save]").click();
    await page.locator("[data-save-state=saved]").waitFor();
    const saved = await api("GET", `/api/workflows/${id}`);
    assert.equal(saved.definition.nodes.length, 5);
    assert.equal(saved.definition.edges.length, 4);
    assert.equal(saved.definition.nodes.find((n) => n.id === transform).config.code, "return { x: vars.a + 1 };");
    assert.equal(saved.definition.nodes.find((n) => n.id === transform).config.timeoutSeconds, 30);
    assert.deepEqual(saved.definition.nodes.find((n) => n.id === set).config.values, { a: 1 });
    assert.equal(saved.definition.edges.find((e) => e.source === cond).sourceHandle, "true");

    // Reload: intact.
    await page.reload();
    await nodeLocator(page, respond).waitFor();
    assert.deepEqual((await canvasNodeIds(page)).sort(), [trigger, set, transform, cond, respond].sort());
    // Edges render a frame after their nodes: wait for the fourth before counting.
    await page.locator(".react-flow__edge").nth(3).waitFor();
    assert.equal(await page.locator(".react-flow__edge").count(), 4);
    await selectNode(page, transform);
    assert.equal(await panel.getByLabel("code").inputValue(), "return { x: vars.a + 1 };");

    // Undo / redo a deletion (focus on the canvas, not in a form field).
    await selectNode(page, respond);
    await page.keyboard.press("Delete");
    await nodeLocator(page, respond).waitFor({ state: "detached" });
    await page.locator(".react-flow__edge").nth(3).waitFor({ state: "detached" });
    assert.equal(await page.locator(".react-flow__edge").count(), 3);
    await page.keyboard.press(`${mod}+z`);
    await nodeLocator(page, respond).waitFor();
    await page.locator(".react-flow__edge").nth(3).waitFor();
    assert.equal(await page.locator(".react-flow__edge").count(), 4);
    await page.keyboard.press(`${mod}+Shift+z`);
    await nodeLocator(page, respond).waitFor({ state: "detached" });
    await page.keyboard.press(`${mod}+z`);
    await nodeLocator(page, respond).waitFor();

    // Copy / paste: the node count grows.
    await selectNode(page, transform);
    await page.keyboard.press(`${mod}+c`);
    await page.keyboard.press(`${mod}+v`);
    await page.waitForFunction(() => document.querySelectorAll(".react-flow__node").length === 6);
  }));
