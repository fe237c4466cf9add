// Splits text into literal and `{{ expression }}` parts for highlighting.
export interface Part {
  text: string;
  expr: boolean;
}

export function splitExpressions(text: string): Part[] {
  const parts: Part[] = [];
  const re = /\{\{[\s\S]*?\}\}/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), expr: false });
    parts.push({ text: m[0], expr: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), expr: false });
  return parts;
}

export const hasExpression = (v: unknown): v is string => typeof v === "string" && /\{\{[\s\S]*?\}\}/.test(v);
