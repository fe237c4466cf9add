// Custom RJSF widgets and fields: text with expression preview, JSON-or-expression editor, credential picker.
import { useEffect, useState } from "react";
import type { FieldProps, RegistryWidgetsType, WidgetProps } from "@rjsf/utils";
import { api } from "../api/client";
import { ExpressionPreview } from "./ExpressionPreview";
import { hasExpression } from "./expression";

function ExpressionTextWidget(props: WidgetProps) {
  const { BaseInputTemplate } = props.registry.templates;
  return (
    <>
      <BaseInputTemplate {...props} />
      {hasExpression(props.value) && <ExpressionPreview text={props.value} id={`${props.id}__expr`} />}
    </>
  );
}

function ExpressionTextareaWidget(props: WidgetProps) {
  const { id, value, onChange, onBlur, onFocus, options, disabled, readonly, required } = props;
  return (
    <>
      <textarea
        id={id}
        name={id}
        className="form-control wf-input wf-code"
        rows={(options.rows as number | undefined) ?? 5}
        value={value ?? ""}
        required={required}
        disabled={disabled || readonly}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value === "" ? options.emptyValue : e.target.value)}
        onBlur={(e) => onBlur(id, e.target.value)}
        onFocus={(e) => onFocus(id, e.target.value)}
      />
      {hasExpression(value) && <ExpressionPreview text={value} />}
    </>
  );
}

interface Credential {
  id: string;
  name: string;
  type?: string;
}

let credentials: Promise<Credential[]> | null = null;
const loadCredentials = () => (credentials ??= api<{ items: Credential[] }>("/api/credentials").then((r) => r.items ?? []).catch(() => ((credentials = null), [])));

function CredentialWidget({ id, value, onChange, required, disabled }: WidgetProps) {
  const [items, setItems] = useState<Credential[] | null>(null);
  useEffect(() => {
    let live = true;
    void loadCredentials().then((c) => live && setItems(c));
    return () => {
      live = false;
    };
  }, []);
  return (
    <select id={id} className="wf-input" value={value ?? ""} required={required} disabled={disabled} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">{items === null ? "Loading credentials…" : items.length ? "— choose a credential —" : "No credentials stored"}</option>
      {value && items && !items.some((c) => c.name === value) && <option value={value}>{value} (missing)</option>}
      {items?.map((c) => (
        <option key={c.id} value={c.name}>
          {c.name}
          {c.type ? ` (${c.type})` : ""}
        </option>
      ))}
    </select>
  );
}

const show = (v: unknown) => (v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v, null, 2));

/** Any JSON value, or an expression string. Text that parses as JSON is stored as that value, otherwise as a string. */
export function JsonField({ fieldPathId, formData, onChange, schema, name, required, disabled, readonly }: FieldProps) {
  const [text, setText] = useState(() => show(formData));
  useEffect(() => {
    // Follow outside changes (undo) without fighting the user's typing.
    setText((t) => (parse(t) === formData || JSON.stringify(parse(t)) === JSON.stringify(formData) ? t : show(formData)));
  }, [formData]);
  const id = fieldPathId.$id;
  const label = (schema.title as string | undefined) ?? name;
  return (
    <div className="form-group field wf-json-field">
      <label className="control-label" htmlFor={id}>
        {label}
        {required ? "*" : ""}
      </label>
      <textarea
        id={id}
        className="form-control wf-input wf-code"
        rows={Math.min(10, Math.max(2, text.split("\n").length))}
        value={text}
        spellCheck={false}
        disabled={disabled || readonly}
        aria-describedby={`${id}__help`}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parse(e.target.value), fieldPathId.path);
        }}
      />
      {hasExpression(text) && <ExpressionPreview text={text} />}
      {schema.description && (
        <p className="help-block wf-help" id={`${id}__help`}>
          {schema.description} <span className="wf-muted">(JSON or an expression)</span>
        </p>
      )}
    </div>
  );
}

export function parse(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const widgets: RegistryWidgetsType = { TextWidget: ExpressionTextWidget, TextareaWidget: ExpressionTextareaWidget, credential: CredentialWidget };
export const fields = { json: JsonField };
