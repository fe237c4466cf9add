// Canvas commands shared by keyboard shortcuts, buttons and the palette.
import { useDesigner } from "../store";
import { toDocEdge, toDocNode } from "./convert";
import { makeClip, rebaseClip } from "./clipboard";
import { readClip, writeClip } from "./clipboardIo";
import { viewport, viewportCentre } from "./viewport";

let pasteCount = 0;

export async function copySelection(): Promise<boolean> {
  const s = useDesigner.getState();
  const selected = new Set(s.nodes.filter((n) => n.selected).map((n) => n.id));
  if (selected.size === 0) return false;
  pasteCount = 0;
  await writeClip(makeClip(s.nodes.filter((n) => selected.has(n.id)).map(toDocNode), s.edges.map(toDocEdge), selected));
  return true;
}

export async function paste(): Promise<boolean> {
  const clip = await readClip();
  if (!clip || clip.nodes.length === 0) return false;
  const s = useDesigner.getState();
  pasteCount++;
  const offset = { x: 40 * pasteCount, y: 40 * pasteCount };
  const { nodes, edges } = rebaseClip(clip, new Set(s.nodes.map((n) => n.id)), new Set(s.edges.map((e) => e.id)), offset);
  s.pasteNodes(nodes, edges);
  return true;
}

/** Adds a node near the centre of the view, at the first free spot of a spiral around it. */
export function addNodeAtCentre(type: string): string {
  const c = viewportCentre();
  const s = useDesigner.getState();
  const w = 200;
  const h = 70;
  const boxes = s.nodes.map((n) => ({ x: n.position.x, y: n.position.y, w: n.measured?.width ?? w, h: n.measured?.height ?? h }));
  const free = (x: number, y: number) => boxes.every((b) => x + w + 20 <= b.x || b.x + b.w + 20 <= x || y + h + 20 <= b.y || b.y + b.h + 20 <= y);
  const start = { x: Math.round((c.x - w / 2) / 20) * 20, y: Math.round((c.y - h / 2) / 20) * 20 };
  for (let ring = 0; ring < 30; ring++) {
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const x = start.x + dx * 240;
        const y = start.y + dy * 100;
        if (free(x, y)) return s.addNode(type, { x, y });
      }
    }
  }
  return s.addNode(type, start);
}

export function fit(): void {
  void viewport()?.fitView({ padding: 0.2, duration: 200 });
}

export function centre(): void {
  const v = viewport();
  if (!v) return;
  const nodes = v.getNodes();
  if (nodes.length === 0) return void v.setViewport({ x: 0, y: 0, zoom: 1 }, { duration: 200 });
  const xs = nodes.map((n) => n.position.x);
  const ys = nodes.map((n) => n.position.y);
  void v.setCenter((Math.min(...xs) + Math.max(...xs)) / 2 + 90, (Math.min(...ys) + Math.max(...ys)) / 2 + 30, { zoom: v.getZoom(), duration: 200 });
}
