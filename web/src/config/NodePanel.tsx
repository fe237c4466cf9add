// The configuration panel for the one selected node: label, then a form generated from the descriptor's configSchema.
import { memo, useMemo } from "react";
import Form from "@rjsf/core";
import validator from "@rjsf/validator-ajv8";
import type { IChangeEvent } from "@rjsf/core";
import type { RJSFSchema } from "@rjsf/utils";
import { useDesigner, type DesignerState } from "../store";
import { useSession } from "../store/session";
import { NodeInspector } from "../run/NodeInspector";
import { buildUiSchema, displaySchema } from "./uiSchema";
import { fields, widgets } from "./widgets";
import { iconGlyph } from "../nodes/icons";
import "./config.css";

/** The selected node when exactly one is selected. */
export function selectSingleNode(s: DesignerState) {
  let found = null;
  for (const n of s.nodes) {
    if (!n.selected) continue;
    if (found) return null;
    found = n;
  }
  return found;
}

const ConfigForm = memo(function ConfigForm({ nodeId, type, config }: { nodeId: string; type: string; config: Record<string, unknown> }) {
  const descriptor = useDesigner((s) => s.descriptors[type]);
  const schema = useMemo(() => (descriptor ? displaySchema(descriptor.configSchema as RJSFSchema) : null), [descriptor]);
  const uiSchema = useMemo(() => (descriptor ? buildUiSchema(descriptor.configSchema as RJSFSchema) : {}), [descriptor]);
  if (!schema) return <p className="wf-muted">Unknown node type “{type}”: no form available.</p>;
  const onChange = (e: IChangeEvent) => {
    const next = (e.formData ?? {}) as Record<string, unknown>;
    if (JSON.stringify(next) === JSON.stringify(config)) return;
    useDesigner.getState().updateConfig(nodeId, JSON.parse(JSON.stringify(next)) as Record<string, unknown>);
  };
  return (
    <Form
      className="wf-form"
      idPrefix={`cfg_${nodeId}`}
      schema={schema}
      uiSchema={uiSchema}
      formData={config}
      validator={validator}
      widgets={widgets}
      fields={fields}
      onChange={onChange}
      showErrorList={false}
      noHtml5Validate
      experimental_defaultFormStateBehavior={{ emptyObjectFields: "skipDefaults" }}
    />
  );
});

/** Where a webhook trigger listens (DESIGN §4: ANY /hooks/{tenant}/{path}). */
function WebhookUrl({ config }: { config: Record<string, unknown> }) {
  const tenant = useSession((s) => s.tenant);
  if (config.kind !== "webhook" || typeof config.path !== "string" || !config.path || !tenant) return null;
  const url = `${location.origin}/hooks/${encodeURIComponent(tenant)}/${config.path.replace(/^\//, "")}`;
  return (
    <p className="wf-small" data-testid="webhook-url">
      Listens at <code>{url}</code>
    </p>
  );
}

export function NodePanel() {
  const node = useDesigner(selectSingleNode);
  const descriptor = useDesigner((s) => (node ? s.descriptors[node.data.type] : undefined));
  if (!node) return null;
  const name = descriptor?.name ?? node.data.type;
  const label = (node.data.data.label as string | undefined) ?? "";
  return (
    <section className="wf-node-panel" data-testid="node-panel" data-node-id={node.id} aria-label={`Configure ${label || name}`}>
      <header className="wf-node-panel__head" style={{ ["--node-color" as string]: descriptor?.color ?? "#64748b" }}>
        <span className="wf-node__icon" aria-hidden="true">{iconGlyph(descriptor?.icon, name)}</span>
        <div>
          <h2 className="wf-panel-title">{name}</h2>
          <p className="wf-muted wf-small">
            id <code>{node.id}</code> · use <code>{`{{ nodes.${node.id}.output }}`}</code>
          </p>
        </div>
      </header>
      {descriptor?.description && <p className="wf-help">{descriptor.description}</p>}
      {node.data.type === "trigger" && <WebhookUrl config={node.data.config} />}
      <NodeInspector nodeId={node.id} />
      <div className="form-group field">
        <label className="control-label" htmlFor="wf-node-label">Label</label>
        <input
          id="wf-node-label"
          className="wf-input"
          value={label}
          placeholder={name}
          onChange={(e) => useDesigner.getState().updateLabel(node.id, e.target.value)}
        />
      </div>
      <ConfigForm key={node.id} nodeId={node.id} type={node.data.type} config={node.data.config} />
    </section>
  );
}
