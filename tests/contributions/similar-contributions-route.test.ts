// GET /api/dialogues/<id>/similar (decisions 051, 055): the island's lookups while typing count
// against the person in Postgres; beyond the limit a 429 with Retry-After, and nobody else is held.
import { describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }),
  cookies: async () => ({ get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined) }),
}));

import { GET } from "@/app/api/dialogues/[dialogueId]/similar/route";
import { createSession, sessionCookieName } from "@/lib/auth/sessions";
import type { Viewer } from "@/lib/policy/policy";
import { LIMITS, withinLimit } from "@/lib/rate-limit";
import { createContribution } from "@/tests/support/factories";
import { dialogueIn, participant } from "@/tests/support/participation";

const sessions = new Map<string, string>();

async function ask(viewer: Viewer | null, dialogueId: string, title: string): Promise<Response> {
  request.cookies.clear();
  if (viewer) {
    if (!sessions.has(viewer.id)) sessions.set(viewer.id, (await createSession(viewer.id)).sessionToken);
    request.cookies.set(sessionCookieName(), sessions.get(viewer.id)!);
  }
  const url = `http://localhost/api/dialogues/${dialogueId}/similar?title=${encodeURIComponent(title)}`;
  return GET(new Request(url), { params: Promise.resolve({ dialogueId }) });
}

describe("GET /api/dialogues/<id>/similar", () => {
  it("answers a person's lookups up to the limit, then 429 with Retry-After; another person is still answered", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const course = await createContribution({ dialogueId: dialogue.id, title: "Deutschkurse abends" });
    const typist = await participant(dialogue.id);
    const first = await ask(typist, dialogue.id, "Deutschkurs am Abend");
    expect(first.status).toBe(200);
    expect(((await first.json()) as { similar: { id: string }[] }).similar.map((item) => item.id)).toEqual([course.id]);
    for (let asked = 1; asked < LIMITS.similarLookupsPerPerson.points; asked++) expect((await ask(typist, dialogue.id, `Deutschkurs ${asked}`)).status).toBe(200);

    const refused = await ask(typist, dialogue.id, "Deutschkurs am Abend");
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ error: { code: "RATE_LIMITED" } });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("cache-control")).toBe("no-store");

    expect((await ask(await participant(dialogue.id), dialogue.id, "Deutschkurs am Abend")).status).toBe(200);
  });

  it("shares one count with the post form's lookup (withinLimit): once the form's posts used it up, typing is refused too, and the form's lookup is skipped, not refused", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const poster = await participant(dialogue.id);
    // What the post action does before offering similar needs, once per post without similarSeen.
    for (let posted = 0; posted < LIMITS.similarLookupsPerPerson.points; posted++) expect(await withinLimit("similarLookupsPerPerson", `person:${poster.id}`)).toBe(true);
    expect(await withinLimit("similarLookupsPerPerson", `person:${poster.id}`)).toBe(false);
    expect((await ask(poster, dialogue.id, "Deutschkurs am Abend")).status).toBe(429);
  });

  it("answers someone signed out 401, never with contributions", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    await createContribution({ dialogueId: dialogue.id, title: "Deutschkurse abends" });
    const signedOut = await ask(null, dialogue.id, "Deutschkurs am Abend");
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toEqual({ error: { code: "UNAUTHENTICATED" } });
  });
});
