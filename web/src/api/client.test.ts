import { beforeEach, describe, expect, it, vi } from "vitest";

// The session store reads sessionStorage when it loads: give node a small one first.
const store = new Map<string, string>();
vi.stubGlobal("sessionStorage", {
  getItem: (k: string) => store.get(k) ?? null,
  setItem: (k: string, v: string) => void store.set(k, v),
  removeItem: (k: string) => void store.delete(k),
});
const { api, ApiError } = await import("./client");
const { useSession } = await import("../store/session");

const fetchMock = vi.fn();
vi.stubGlobal("fetch", fetchMock);
const reply = (status: number, body: unknown, type = "application/json") =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "content-type": type } });

beforeEach(() => {
  fetchMock.mockReset();
  useSession.getState().signIn("tok", "default", "admin", new Date(Date.now() + 3_600_000).toISOString());
});

describe("api()", () => {
  it("sends the bearer token and JSON body, and parses the answer", async () => {
    fetchMock.mockResolvedValue(reply(201, { id: "w1" }));
    await expect(api("/api/workflows", { method: "POST", body: { name: "x" } })).resolves.toEqual({ id: "w1" });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe("/api/workflows");
    expect(init.headers.Authorization).toBe("Bearer tok");
    expect(init.headers["Content-Type"]).toBe("application/json");
    expect(init.body).toBe('{"name":"x"}');
  });

  it("turns problem+json into an ApiError with its stable code", async () => {
    fetchMock.mockResolvedValue(reply(409, { title: "The name is taken.", status: 409, detail: "Another workflow is already named 'x'.", code: "name_conflict" }, "application/problem+json"));
    const error = (await api("/api/workflows", { method: "POST", body: {} }).catch((e: unknown) => e)) as InstanceType<typeof ApiError>;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(409);
    expect(error.code).toBe("name_conflict");
    expect(error.message).toBe("Another workflow is already named 'x'.");
  });

  it("signs out on 401 so the app shows the login page", async () => {
    fetchMock.mockResolvedValue(reply(401, { status: 401, code: "unauthorized" }));
    await expect(api("/api/workflows")).rejects.toBeInstanceOf(ApiError);
    expect(useSession.getState().token).toBeNull();
    expect(store.has("workflow.session")).toBe(false);
  });

  it("answers undefined for an empty 204", async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(api("/api/workflows/w1", { method: "DELETE" })).resolves.toBeUndefined();
  });
});
