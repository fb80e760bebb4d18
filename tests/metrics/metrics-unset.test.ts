// Without METRICS_TOKEN there is no metrics endpoint to find: 404, whatever token is sent.
import { describe, expect, it } from "vitest";

delete process.env.METRICS_TOKEN;
const { GET } = await import("@/app/api/metrics/route");

describe("/api/metrics without METRICS_TOKEN", () => {
  it.each([undefined, "Bearer anything-0123456789abcdefghijklmnopqrstuv"])("answers 404 (authorization: %s)", async (authorization) => {
    const answer = await GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));
    expect(answer.status).toBe(404);
    expect(await answer.text()).not.toContain("http_request");
  });
});
