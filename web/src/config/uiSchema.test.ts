import { describe, expect, it } from "vitest";
import { buildUiSchema, displaySchema, needsJsonEditor } from "./uiSchema";
import { splitExpressions } from "./expression";

const schema = {
  type: "object" as const,
  description: "root",
  properties: {
    condition: { type: "string" as const, description: "expr" },
    code: { type: ["string", "null"] as ("string" | "null")[] },
    values: { anyOf: [{ type: "object" as const }, { type: "string" as const }] },
    items: { description: "anything" },
    credential: { type: "string" as const },
    retryPolicy: { type: "object" as const, properties: { maxAttempts: { type: "integer" as const } } },
    onError: { enum: ["stop", "continue", "route"] },
  },
};

describe("config form hints", () => {
  it("needsJsonEditor_forUnionsUntypedAndFreeFormObjects", () => {
    expect(needsJsonEditor(schema.properties.values)).toBe(true);
    expect(needsJsonEditor(schema.properties.items)).toBe(true);
    expect(needsJsonEditor({ type: "object" })).toBe(true);
    expect(needsJsonEditor(schema.properties.condition)).toBe(false);
    expect(needsJsonEditor(schema.properties.code)).toBe(false);
    expect(needsJsonEditor(schema.properties.onError)).toBe(false);
    expect(needsJsonEditor(schema.properties.retryPolicy)).toBe(false);
  });

  it("buildUiSchema_picksWidgetsAndPutsCommonSettingsLast", () => {
    const ui = buildUiSchema(schema);
    expect(ui.values).toEqual({ "ui:field": "json" });
    expect(ui.credential).toEqual({ "ui:widget": "credential" });
    expect(ui.code["ui:widget"]).toBe("textarea");
    expect(ui["ui:order"]).toEqual(["condition", "code", "values", "items", "credential", "retryPolicy", "onError", "*"]);
  });

  it("displaySchema_dropsTheRootDescriptionAndUnionsOfJsonFields", () => {
    const d = displaySchema(schema);
    expect(d.description).toBeUndefined();
    expect(d.properties!.values).toEqual({ title: undefined, description: undefined });
    expect(d.properties!.condition).toBe(schema.properties.condition);
  });

  it("splitExpressions_marksTheExpressionParts", () => {
    expect(splitExpressions("Hi {{ trigger.name }}, total {{ a+b }}!")).toEqual([
      { text: "Hi ", expr: false },
      { text: "{{ trigger.name }}", expr: true },
      { text: ", total ", expr: false },
      { text: "{{ a+b }}", expr: true },
      { text: "!", expr: false },
    ]);
  });
});
