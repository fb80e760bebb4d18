// Machine translation through the operator's own LibreTranslate-compatible service, tested
// against a fake one on localhost; and nothing is sent anywhere when none is configured.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addTranslation } from "@/lib/translations/add-translation";
import { machineTranslate, machineTranslationEnabled } from "@/lib/translations/machine-translate";
import { LibreTranslateTranslator, machineTranslatorFromEnv } from "@/lib/translations/machine-translator";
import { appErrorOf } from "@/tests/support/participation";
import { createUser } from "@/tests/support/factories";
import { viewerOf } from "@/tests/support/participation";
import { germanNeed, participant } from "./support";

type Received = { path: string | undefined; body: Record<string, unknown> };
const received: Received[] = [];
let server: Server;
let url: string;
let failNext = false;

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readJson(request);
    received.push({ path: request.url, body });
    if (failNext) {
      failNext = false;
      response.writeHead(500).end();
      return;
    }
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ translatedText: `[${String(body.target)}] ${String(body.q)}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received.length = 0;
});

describe("machine translation", () => {
  it("sends title and text to {URL}/translate and stores a MACHINE translation", async () => {
    const { contribution, host } = await germanNeed();
    const translator = new LibreTranslateTranslator({ url, apiKey: "secret-key" });
    const stored = await machineTranslate(host, { contributionId: contribution.id, language: "ar" }, translator);
    expect(stored).toMatchObject({ method: "MACHINE", language: "ar", title: "[ar] WLAN im Haus 3", body: "[ar] Es gibt kein Internet." });
    expect(received.map((r) => r.path)).toEqual(["/translate", "/translate"]);
    expect(received.map((r) => r.body).sort((a, b) => String(a.q).localeCompare(String(b.q)))).toEqual([
      { q: "Es gibt kein Internet.", source: "de", target: "ar", format: "text", api_key: "secret-key" },
      { q: "WLAN im Haus 3", source: "de", target: "ar", format: "text", api_key: "secret-key" },
    ]);
    const row = await db.translation.findUniqueOrThrow({ where: { id: stored.id } });
    expect(row.translatorId).toBeNull();
  });

  it("is configured from the environment: a translator only when LIBRETRANSLATE_URL is set", async () => {
    expect(machineTranslatorFromEnv({})).toBeNull();
    const { comment, host } = await germanNeed();
    const translator = machineTranslatorFromEnv({ LIBRETRANSLATE_URL: url.replace(/\/$/, "") });
    expect(translator).not.toBeNull();
    const stored = await machineTranslate(host, { commentId: comment.id, language: "fa" }, translator);
    expect(stored).toMatchObject({ title: null, body: "[fa] Das stimmt." });
    expect(received[0]?.body).not.toHaveProperty("api_key");
  });

  it("sends nothing and stores nothing when no service is configured", async () => {
    // The test environment leaves LIBRETRANSLATE_URL unset, as a fresh installation does.
    expect(process.env.LIBRETRANSLATE_URL).toBeUndefined();
    expect(machineTranslationEnabled()).toBe(false);
    const { contribution, host } = await germanNeed();
    const error = await appErrorOf(machineTranslate(host, { contributionId: contribution.id, language: "ar" }));
    expect(error.code).toBe("UNAVAILABLE");
    expect(received).toEqual([]);
    expect(await db.translation.count({ where: { contributionId: contribution.id } })).toBe(0);
  });

  it("is for any signed-in reader, never the signed-out; a translation that exists is kept and nothing is sent", async () => {
    const { dialogue, contribution } = await germanNeed();
    const translator = new LibreTranslateTranslator({ url });
    const volunteer = await participant(dialogue.id);
    expect((await appErrorOf(machineTranslate(null, { contributionId: contribution.id, language: "ar" }, translator))).code).toBe("UNAUTHENTICATED");
    const human = await addTranslation(volunteer, { contributionId: contribution.id, language: "ar", title: "عنوان", body: "نص" });
    // A reader who joined nothing may still ask; a volunteer's translation into that language is what they get.
    const stranger = await viewerOf((await createUser()).id);
    const kept = await machineTranslate(stranger, { contributionId: contribution.id, language: "ar" }, translator);
    expect(kept).toMatchObject({ id: human.id, method: "VOLUNTEER", body: "نص" });
    expect(received).toEqual([]);
    // A human replaces an unchecked machine translation: it becomes the volunteer's.
    const machine = await machineTranslate(stranger, { contributionId: contribution.id, language: "fa" }, translator);
    expect(machine.method).toBe("MACHINE");
    const replaced = await addTranslation(volunteer, { contributionId: contribution.id, language: "fa", title: "T", body: "B" });
    expect(replaced).toMatchObject({ id: machine.id, method: "VOLUNTEER", translatorId: volunteer.id });
  });

  it("reports a failing service as unavailable and stores nothing", async () => {
    const { comment, host } = await germanNeed();
    failNext = true;
    const error = await appErrorOf(machineTranslate(host, { commentId: comment.id, language: "ar" }, new LibreTranslateTranslator({ url })));
    expect(error.code).toBe("UNAVAILABLE");
    expect(await db.translation.count({ where: { commentId: comment.id } })).toBe(0);
  });
});
