// `npm run bench:canvas`: a 1,000-node workflow in headless Chromium. Creates it through the API (a serpentine
// chain of `set` nodes on a grid), opens it in the designer, measures load time (navigation → the rendered node
// count is stable), then pans and zooms for a few seconds while counting requestAnimationFrame callbacks.
// Prints one markdown table row. Env: BASE_URL, E2E_* credentials, NODES (default 1000), SECONDS (default 6).
import { openBrowser, login, api, unique, BASE_URL } from "./lib.mjs";

const count = Number(process.env.NODES ?? 1000);
const seconds = Number(process.env.SECONDS ?? 6);
const columns = 40;

function document(name) {
  const nodes = [{ id: "start", type: "trigger", position: { x: 0, y: 0 }, config: { kind: "manual" } }];
  for (let i = 1; i < count; i++) {
    const row = Math.floor(i / columns);
    const col = row % 2 === 0 ? i % columns : columns - 1 - (i % columns); // serpentine keeps edges short
    nodes.push({ id: `n${i}`, type: "set", position: { x: col * 240, y: row * 140 }, data: { label: `Step ${i}` }, config: { values: { [`v${i}`]: i } } });
  }
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i + 1}`, source: nodes[i].id, target: n.id }));
  return { name, definition: { nodes, edges } };
}

const wf = await api("POST", "/api/workflows", document(unique(`bench ${count} nodes`)));
const browser = await openBrowser({ width: 1280, height: 800 });
const { page } = browser;
try {
  await login(page);
  const started = Date.now();
  await page.goto(`/workflows/${wf.id}`);
  await page.locator(".react-flow__node").first().waitFor({ timeout: 60_000 });
  // Stable: the same node count over 500 ms.
  let last = -1;
  let stableSince = Date.now();
  let rendered = 0;
  for (;;) {
    rendered = await page.locator(".react-flow__node").count();
    if (rendered !== last) {
      last = rendered;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= 500) break;
    await page.waitForTimeout(50);
  }
  const loadMs = stableSince - started;

  const pane = await page.locator(".react-flow").first().boundingBox();
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  // Where the main thread spends the gesture window (Chromium's Performance domain, cumulative seconds).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const metrics = async () => Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  // TRACE=1: also record a Chromium trace of the gestures and sum the renderer main thread's time by event name.
  const traceEvents = [];
  if (process.env.TRACE === "1") {
    cdp.on("Tracing.dataCollected", (e) => traceEvents.push(...e.value));
    await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline", transferMode: "ReportEvents" });
  }
  await page.evaluate(() => {
    window.__frames = [];
    const tick = (t) => {
      window.__frames.push(t);
      window.__raf = requestAnimationFrame(tick);
    };
    window.__raf = requestAnimationFrame(tick);
  });
  const until = Date.now() + seconds * 1000;
  let step = 0;
  while (Date.now() < until) {
    // Zoom in and out around the centre, then drag-pan across the pane.
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, step % 2 === 0 ? -120 : 120);
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(cx + (step % 2 === 0 ? -1 : 1) * i * 25, cy + (step % 2 === 0 ? -1 : 1) * i * 12);
    await page.mouse.up();
    step++;
  }
  const frames = await page.evaluate(() => {
    cancelAnimationFrame(window.__raf);
    return window.__frames;
  });
  const after = await metrics();
  let traceSummary = "";
  if (process.env.TRACE === "1") {
    const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
    await cdp.send("Tracing.end");
    await done;
    const main = new Set(traceEvents.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
    const byName = new Map();
    for (const e of traceEvents) {
      if (e.ph !== "X" || !main.has(`${e.pid}:${e.tid}`) || !e.dur) continue;
      byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
    }
    traceSummary = [...byName.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([n, ms]) => `${n} ${ms.toFixed(0)} ms`)
      .join(", ");
  }
  const spent = (k) => ((after[k] ?? 0) - (before[k] ?? 0)) * 1000;
  const window_ = (frames.at(-1) - frames[0]) / 1000;
  const deltas = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
  const fps = (frames.length - 1) / ((frames.at(-1) - frames[0]) / 1000);
  const p95 = deltas[Math.floor(deltas.length * 0.95)] ?? NaN;
  const worst = deltas.at(-1) ?? NaN;
  const afterNodes = await page.locator(".react-flow__node").count();
  const version = browser.context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1]));

  console.log(`designer benchmark against ${BASE_URL}: workflow ${wf.id}`);
  console.log("| nodes | edges | load (nav → nodes stable) | nodes in DOM after load | pan+zoom fps | p95 frame | worst frame | gestures | Chromium |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  console.log(
    `| ${count} | ${count - 1} | ${loadMs} ms | ${rendered} (${afterNodes} after panning) | ${fps.toFixed(1)} | ${p95.toFixed(1)} ms | ${worst.toFixed(1)} ms | ${step} in ${seconds} s | ${version} headless |`,
  );
  console.log(
    `main thread during ${window_.toFixed(1)} s of gestures: script ${spent("ScriptDuration").toFixed(0)} ms, style ${spent("RecalcStyleDuration").toFixed(0)} ms, ` +
      `layout ${spent("LayoutDuration").toFixed(0)} ms, all tasks ${spent("TaskDuration").toFixed(0)} ms; load average ${(await import("node:os")).loadavg()[0].toFixed(1)}`,
  );
  if (traceSummary) console.log(`renderer main thread by trace event (inclusive, nested events overlap): ${traceSummary}`);
} finally {
  await browser.close();
  if (process.env.KEEP !== "1") await api("DELETE", `/api/workflows/${wf.id}`).catch(() => {});
}
