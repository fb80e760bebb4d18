// The export changes state (it writes the export log), so it is a POST from the export form
// behind the same origin check as every server action: another site cannot make a moderator's
// browser export anything, and a GET — a link, an image, a prefetch — writes nothing. Errors
// send the browser back to the form on the public origin; the JSON export's $schema is there too.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const PUBLIC_URL = "https://mitreden.example";
process.env.PUBLIC_URL = PUBLIC_URL;
// The request as the route sees it: headers and cookies of a browser (Next's request context).
const request = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined) }),
}));

import { GET, POST } from "@/app/[locale]/[municipality]/[dialogue]/export/download/route";
import { createSession, sessionCookieName } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { addMember, createContribution, createDialogue, createMunicipality, createUser, openDialogue } from "@/tests/support/factories";

let dialogueId: string;
let params: { locale: string; municipality: string; dialogue: string };

beforeAll(async () => {
  const municipality = await createMunicipality();
  const dialogue = await createDialogue({ municipalityId: municipality.id });
  dialogueId = dialogue.id;
  await openDialogue(dialogueId);
  const author = await createUser();
  await createContribution({ dialogueId, authorId: author.id });
  const moderator = await createUser();
  await addMember(dialogueId, moderator.id, "MODERATOR");
  const { sessionToken } = await createSession(moderator.id);
  request.cookies.set(sessionCookieName(), sessionToken);
  params = { locale: "de", municipality: municipality.slug, dialogue: dialogue.slug };
});

beforeEach(() => {
  // Behind a reverse proxy that rewrites Host: the app sees its internal address.
  request.headers = new Headers({ host: "internal:3000", "x-forwarded-for": "203.0.113.40" });
});

const url = () => `http://internal:3000/de/${params.municipality}/${params.dialogue}/export/download`;
const post = (fields: Record<string, string>) =>
  POST(new Request(url(), { method: "POST", body: new URLSearchParams(fields) }), { params: Promise.resolve(params) });
const logged = () => db.exportLog.count({ where: { dialogueId } });

describe("the export route", () => {
  it("exports on a POST from the app's public origin, logged once, its $schema on that origin", async () => {
    request.headers.set("origin", PUBLIC_URL);
    const before = await logged();
    const response = await post({ format: "json" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="mitreden-.*\.json"$/);
    const body = JSON.parse(await response.text()) as { $schema: string };
    expect(body.$schema).toBe(`${PUBLIC_URL}/api/v1/schemas/export.json`);
    expect(await logged()).toBe(before + 1);
  });

  // The form's encoding ends at the route (issue 17): a ticked box asks for hidden content, an unticked one does not.
  it.each([
    ["a ticked 'include hidden' box", { format: "csv", includeHidden: "on" }, true],
    ["no box", { format: "csv" }, false],
  ])("reads %s as the moderator meant it, and logs it", async (_what, fields, includesHidden) => {
    request.headers.set("origin", PUBLIC_URL);
    const response = await post(fields);
    expect(response.status).toBe(200);
    const log = await db.exportLog.findFirstOrThrow({ where: { dialogueId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(log.includesHidden).toBe(includesHidden);
  });

  it.each([
    ["another site", "https://evil.example"],
    ["no origin at all", null],
    ['the origin "null"', "null"],
  ])("refuses a POST from %s with 403 and logs nothing", async (_what, origin) => {
    if (origin !== null) request.headers.set("origin", origin);
    const before = await logged();
    const response = await post({ format: "csv" });
    expect(response.status).toBe(403);
    expect(await logged()).toBe(before);
  });

  it("answers a GET with 405 (Allow: POST) and logs nothing", async () => {
    request.headers.set("origin", PUBLIC_URL);
    const before = await logged();
    const response = GET();
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await logged()).toBe(before);
  });

  it("sends a refused export back to the form on the public origin", async () => {
    request.headers.set("origin", PUBLIC_URL);
    const response = await post({ format: "pdf" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${PUBLIC_URL}/de/${params.municipality}/${params.dialogue}/export?error=INVALID_INPUT`);
  });
});
