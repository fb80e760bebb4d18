// One public origin for every absolute link: PUBLIC_URL, else NEXTAUTH_URL (its older name, which
// next-auth reads), never both naming different origins.
import { afterEach, describe, expect, it, vi } from "vitest";

const BASE = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/x" };

async function load(variables: Record<string, string | undefined>) {
  vi.resetModules();
  for (const key of ["PUBLIC_URL", "NEXTAUTH_URL"]) vi.stubEnv(key, undefined);
  for (const [key, value] of Object.entries({ ...BASE, ...variables })) vi.stubEnv(key, value);
  return import("./env");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("publicOrigin", () => {
  it.each([
    ["PUBLIC_URL", { PUBLIC_URL: "https://mitreden.example" }, "https://mitreden.example"],
    ["PUBLIC_URL with a path and a trailing slash", { PUBLIC_URL: "https://mitreden.example/some/" }, "https://mitreden.example"],
    ["NEXTAUTH_URL when PUBLIC_URL is unset", { NEXTAUTH_URL: "https://dialog.musterstadt.example" }, "https://dialog.musterstadt.example"],
    ["NEXTAUTH_URL when PUBLIC_URL is empty", { PUBLIC_URL: "", NEXTAUTH_URL: "http://127.0.0.1:3100" }, "http://127.0.0.1:3100"],
    ["both naming the same origin", { PUBLIC_URL: "https://mitreden.example", NEXTAUTH_URL: "https://mitreden.example/api/auth" }, "https://mitreden.example"],
    ["a local default when neither is set", {}, "http://localhost:3000"],
  ])("is %s", async (_what, variables, origin) => {
    const { publicOrigin, publicUrl } = await load(variables);
    expect(publicOrigin()).toBe(origin);
    expect(publicUrl("/api/v1/municipalities?limit=1")).toBe(`${origin}/api/v1/municipalities?limit=1`);
  });

  it.each([
    ["two different origins", { PUBLIC_URL: "https://mitreden.example", NEXTAUTH_URL: "http://localhost:3000" }, "PUBLIC_URL"],
    ["an address that is no web URL", { PUBLIC_URL: "ftp://mitreden.example" }, "PUBLIC_URL"],
    ["no URL at all", { PUBLIC_URL: "mitreden.example" }, "PUBLIC_URL"],
  ])("refuses %s when the environment is read", async (_what, variables, name) => {
    const { env } = await load(variables);
    expect(() => env()).toThrow(name);
  });

  it("builds URLs only for the app's own paths", async () => {
    const { publicUrl } = await load({ PUBLIC_URL: "https://mitreden.example" });
    expect(() => publicUrl("//evil.example/x")).toThrow();
    expect(() => publicUrl("https://evil.example/x")).toThrow();
  });
});

describe("TRANSCRIBE_URL", () => {
  it.each(["https://stt.example", "http://127.0.0.1:9000", "http://localhost:9000", "http://[::1]:9000", "http://10.0.0.5", "http://172.20.1.1", "http://192.168.1.10:8000", "http://[fd12::1]", "http://whisper:8000"])(
    "accepts %s (https, or plain http on this machine or the operator's own network)",
    async (url) => {
      const { env } = await load({ TRANSCRIBE_URL: url });
      expect(env().TRANSCRIBE_URL).toBe(url);
    },
  );

  it.each(["http://stt.example", "http://203.0.113.5", "http://172.32.0.1", "http://localhost.evil.example"])("refuses plain http to a remote host: %s", async (url) => {
    const { env } = await load({ TRANSCRIBE_URL: url });
    expect(() => env()).toThrow("TRANSCRIBE_URL");
  });
});
