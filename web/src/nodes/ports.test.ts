import { describe, expect, it } from "vitest";
import { outputPorts } from "./ports";
import type { NodeDescriptor } from "../canvas/types";

const d = (type: string, outputs: string[]): NodeDescriptor => ({
  type, category: "flow", name: type, description: "", icon: "", color: "#000",
  inputs: [{ id: "in", label: "In" }], outputs: outputs.map((id) => ({ id, label: id })), configSchema: {},
});

describe("output ports", () => {
  it("static nodes use the descriptor's ports", () => {
    expect(outputPorts(d("if", ["true", "false"]), {}).map((p) => p.id)).toEqual(["true", "false"]);
  });

  it("switch: one port per case (handle, else the value as text) then default", () => {
    const cases = [{ value: "gold", handle: "vip" }, { value: "silver" }, { value: 3 }, { value: "silver" }];
    expect(outputPorts(d("switch", ["default"]), { cases }).map((p) => p.id)).toEqual(["vip", "silver", "3", "default"]);
  });

  it("switch with an expression for cases keeps just default", () => {
    expect(outputPorts(d("switch", ["default"]), { cases: "{{ vars.cases }}" }).map((p) => p.id)).toEqual(["default"]);
  });

  it("parallel: out plus every branch name in use", () => {
    expect(outputPorts(d("parallel", ["out"]), {}, ["left", "", "right", "left"]).map((p) => p.id)).toEqual(["out", "left", "right"]);
  });

  it("an edge from a handle the node no longer lists still gets a port", () => {
    expect(outputPorts(d("if", ["true", "false"]), {}, ["maybe"]).map((p) => p.id)).toEqual(["true", "false", "maybe"]);
  });
});
