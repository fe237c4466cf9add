// The node palette: built from GET /api/nodes, grouped by category, searchable; drag onto the canvas or press Enter/Space.
import { useMemo, useState, type DragEvent, type KeyboardEvent } from "react";
import { useDesigner } from "../store";
import { iconGlyph } from "../nodes/icons";
import { addNodeAtCentre } from "./actions";
import type { NodeDescriptor } from "./types";

export const paletteMime = "application/x-workflow-node";

const categoryOrder = ["trigger", "action", "actions", "integration", "data", "flow"];

export function Palette() {
  const list = useDesigner((s) => s.descriptorList);
  const [query, setQuery] = useState("");
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matches = list.filter((d) => !q || `${d.name} ${d.type} ${d.description} ${d.category}`.toLowerCase().includes(q));
    const byCat = new Map<string, NodeDescriptor[]>();
    for (const d of matches) byCat.set(d.category, [...(byCat.get(d.category) ?? []), d]);
    const rank = (c: string) => (categoryOrder.indexOf(c) + 1 || 99);
    return [...byCat.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]));
  }, [list, query]);

  const onDragStart = (e: DragEvent, type: string) => {
    e.dataTransfer.setData(paletteMime, type);
    e.dataTransfer.setData("text/plain", type);
    e.dataTransfer.effectAllowed = "copy";
  };
  const onKey = (e: KeyboardEvent, type: string) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      addNodeAtCentre(type);
    }
  };

  return (
    <nav className="wf-palette" aria-label="Node palette">
      <input type="search" className="wf-input" placeholder="Search nodes" aria-label="Search nodes" value={query} onChange={(e) => setQuery(e.target.value)} />
      {groups.length === 0 && <p className="wf-muted">No node matches.</p>}
      {groups.map(([cat, items]) => (
        <section key={cat} className="wf-palette__group" aria-label={cat}>
          <h3 className="wf-palette__cat">{cat}</h3>
          <ul role="list">
            {items.map((d) => (
              <li key={d.type}>
                <div
                  className="wf-palette__item"
                  data-node-type={d.type}
                  role="button"
                  tabIndex={0}
                  draggable
                  onDragStart={(e) => onDragStart(e, d.type)}
                  onKeyDown={(e) => onKey(e, d.type)}
                  onDoubleClick={() => addNodeAtCentre(d.type)}
                  title={d.description}
                  aria-label={`Add ${d.name} node`}
                  style={{ ["--node-color" as string]: d.color }}
                >
                  <span className="wf-palette__icon" aria-hidden="true">{iconGlyph(d.icon, d.name)}</span>
                  <span className="wf-palette__name">{d.name}</span>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
