// Presentation hints for a descriptor's config schema (never defaults or validation: those come from the server).
import type { RJSFSchema, UiSchema } from "@rjsf/utils";

type Prop = RJSFSchema & { "x-credential"?: boolean; format?: string };

const trailing = ["retryPolicy", "timeoutSeconds", "onError"];

export function isCredentialField(name: string, prop: Prop): boolean {
  return /^credential(Id|Name)?$/i.test(name) || /credential$/i.test(name) || prop["x-credential"] === true || prop.format === "credential";
}

/** Values RJSF cannot edit well (untyped, unions, free-form objects, lists of objects) are edited as JSON or an expression. */
export function needsJsonEditor(prop: Prop): boolean {
  if (prop.anyOf || prop.oneOf) return true;
  if (prop.type === undefined) return prop.enum === undefined && prop.const === undefined;
  const types = Array.isArray(prop.type) ? prop.type.filter((t) => t !== "null") : [prop.type];
  if (types.length > 1) return true;
  const t = types[0];
  if (t === "object") return !prop.properties || Object.keys(prop.properties).length === 0;
  if (t === "array") {
    const items = prop.items as Prop | undefined;
    return !items || typeof items !== "object" || Array.isArray(items) || needsJsonEditor(items) || items.type === "object";
  }
  return false;
}

function isCode(name: string, prop: Prop): boolean {
  return name === "code" || name === "query" || name === "template" || (typeof prop.description === "string" && /function body|SQL/i.test(prop.description));
}

/** Built from the descriptor's schema (before displaySchema simplifies it). */
export function buildUiSchema(schema: RJSFSchema): UiSchema {
  const ui: UiSchema = { "ui:submitButtonOptions": { norender: true } };
  const props = (schema.properties ?? {}) as Record<string, Prop>;
  const names = Object.keys(props);
  for (const name of names) {
    const prop = props[name];
    if (typeof prop !== "object") continue;
    if (isCredentialField(name, prop)) ui[name] = { "ui:widget": "credential" };
    else if (needsJsonEditor(prop)) ui[name] = { "ui:field": "json" };
    else if (isCode(name, prop)) ui[name] = { "ui:widget": "textarea", "ui:options": { rows: 6 } };
  }
  ui["ui:order"] = [...names.filter((n) => !trailing.includes(n)), ...trailing.filter((n) => names.includes(n)), "*"];
  return ui;
}

/** The schema as shown: the root description is dropped because the panel shows the descriptor's own. */
/** Properties edited as JSON keep only their title and description, so RJSF does not add its own union selector. */
export function displaySchema(schema: RJSFSchema): RJSFSchema {
  const { description: _d, title: _t, ...rest } = schema;
  const props = (rest.properties ?? {}) as Record<string, Prop>;
  const properties: Record<string, RJSFSchema> = {};
  for (const [name, prop] of Object.entries(props)) {
    properties[name] = typeof prop === "object" && !isCredentialField(name, prop) && needsJsonEditor(prop) ? { title: prop.title, description: prop.description } : prop;
  }
  return { ...rest, properties };
}
