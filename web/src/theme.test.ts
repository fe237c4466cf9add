// Computes WCAG 2.x contrast over the palettes in styles.css (the file the app ships, not a copy).
import { describe, expect, it } from "vitest";

// Read from disk: vitest stubs CSS imports (even ?raw), and the project has no @types/node, hence the cast.
const fs = (await import("node:" + "fs")) as { readFileSync: (path: URL, encoding: "utf8") => string };
const css = fs.readFileSync(new URL("./styles.css", import.meta.url), "utf8");

const themes = ["light", "dark", "high-contrast"] as const;
const required = ["--bg", "--fg", "--panel", "--border", "--accent", "--accent-fg", "--ok", "--fail", "--warn", "--running", "--skipped", "--muted", "--focus"];

function palette(theme: string): Record<string, string> {
  const block = new RegExp(`:root\\[data-theme="${theme}"\\]\\s*\\{([^}]*)\\}`).exec(css);
  if (!block) throw new Error(`no palette for ${theme}`);
  return Object.fromEntries([...block[1].matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// Colours used as text: on the page and on panels (badges, node cards, tables).
const textColours = ["--fg", "--muted", "--accent", "--ok", "--fail", "--warn", "--running", "--skipped"];
const backgrounds = ["--bg", "--panel"];

describe("contrast()", () => {
  it("matches the WCAG reference values", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });
});

describe.each(themes)("%s palette", (theme) => {
  const p = palette(theme);
  const minimum = theme === "high-contrast" ? 7 : 4.5;

  it("defines every shared variable", () => {
    for (const name of required) expect(p[name], name).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it.each(textColours.flatMap((fg) => backgrounds.map((bg) => [fg, bg])))(`%s on %s meets ${minimum}:1`, (fg, bg) => {
    expect(contrast(p[fg], p[bg])).toBeGreaterThanOrEqual(minimum);
  });

  it(`--accent-fg on --accent meets ${minimum}:1`, () => {
    expect(contrast(p["--accent-fg"], p["--accent"])).toBeGreaterThanOrEqual(minimum);
  });

  it.each(["--focus", "--border"].flatMap((c) => backgrounds.map((bg) => [c, bg])))("%s on %s meets 3:1 (non-text)", (c, bg) => {
    expect(contrast(p[c], p[bg])).toBeGreaterThanOrEqual(3);
  });
});

it("light is also the default palette", () => {
  expect(css).toMatch(/:root,\s*:root\[data-theme="light"\]\s*\{/);
});
