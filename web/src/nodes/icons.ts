// Descriptor icon names → a glyph. Unknown names fall back to the first letter of the node name.
const glyphs: Record<string, string> = {
  zap: "⚡", filter: "▽", variable: "x", code: "{}", "shield-check": "✔", timer: "◴", "git-branch": "◇", repeat: "↻",
  merge: "⤙", split: "⇉", reply: "↩", workflow: "❐", hand: "☚", globe: "◍", mail: "✉", database: "▤", webhook: "⚓",
  plug: "⏚", send: "➤",
};

export function iconGlyph(icon: string | undefined, name: string): string {
  return (icon && glyphs[icon]) || name.slice(0, 1).toUpperCase();
}
