// A reader asks for a machine translation into their own language (issue 13): any signed-in
// reader, every kind of text, once per (text, language) however many ask at the same moment —
// against a local LibreTranslate-compatible server that counts what it receives.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getHideNotice } from "@/lib/moderation/get-hide-notice";
import { consume, LIMITS } from "@/lib/rate-limit";
import { machineTranslate } from "@/lib/translations/machine-translate";
import { LibreTranslateTranslator } from "@/lib/translations/machine-translator";
import { createUser, respond } from "@/tests/support/factories";
import { appErrorOf, viewerOf } from "@/tests/support/participation";
import { germanNeed } from "./support";

const received: Record<string, unknown>[] = [];
let server: Server;
let url: string;
/** Answers are held until released, so the callers really overlap; `arrived` settles with the first request. */
let release: () => void = () => {};
let released: Promise<void> = Promise.resolve();
let arrived: () => void = () => {};

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readJson(request);
    received.push(body);
    arrived();
    await released;
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ translatedText: `[${String(body.target)}] ${String(body.q)}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received.length = 0;
  released = Promise.resolve();
});

async function readers(count: number) {
  return Promise.all(Array.from({ length: count }, async () => viewerOf((await createUser()).id)));
}

describe("a reader's machine translation", () => {
  it("calls the service once when many readers ask for the same answer in the same language at once", async () => {
    const { contribution } = await germanNeed();
    const answer = await respond(contribution.id, { status: "PLANNED", body: "Der Router kommt nächste Woche." });
    const translator = new LibreTranslateTranslator({ url, apiKey: "key-123" });
    const people = await readers(12);
    // The service answers only once the first request arrived and every caller is on its way.
    released = new Promise((resolve) => (release = resolve));
    const first = new Promise<void>((resolve) => (arrived = resolve));
    const requests = people.map((reader) => machineTranslate(reader, { responseId: answer.id, language: "ar" }, translator));
    await first;
    release();
    const results = await Promise.all(requests);

    expect(received).toEqual([{ q: "Der Router kommt nächste Woche.", source: "de", target: "ar", format: "text", api_key: "key-123" }]);
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(results[0]).toMatchObject({ method: "MACHINE", language: "ar", body: "[ar] Der Router kommt nächste Woche." });
    expect(await db.translation.count({ where: { responseId: answer.id } })).toBe(1);
    // Kept: a later reader gets it without another call.
    await machineTranslate((await readers(1))[0]!, { responseId: answer.id, language: "ar" }, translator);
    expect(received).toHaveLength(1);
  });

  it("translates into any UI language a reader uses, not only the dialogue's, and never the original's own", async () => {
    const { contribution } = await germanNeed();
    const [reader] = await readers(1);
    const translator = new LibreTranslateTranslator({ url });
    // The dialogue runs in de, ar, fa; a Ukrainian reader still reads it in Ukrainian.
    const stored = await machineTranslate(reader!, { contributionId: contribution.id, language: "uk" }, translator);
    expect(stored).toMatchObject({ title: "[uk] WLAN im Haus 3", body: "[uk] Es gibt kein Internet." });
    expect((await appErrorOf(machineTranslate(reader!, { contributionId: contribution.id, language: "de" }, translator))).code).toBe("INVALID_INPUT");
    expect((await appErrorOf(machineTranslate(reader!, { contributionId: contribution.id, language: "xx" }, translator))).code).toBe("INVALID_INPUT");
    // Einfache Sprache is a way of writing German, not a language a service translates into.
    expect((await appErrorOf(machineTranslate(reader!, { contributionId: contribution.id, language: "de-simple" }, translator))).code).toBe("INVALID_INPUT");
  });

  it("translates a dialogue's own texts, its rules too, field by field, for a reader of another language", async () => {
    const { dialogue } = await germanNeed();
    const [reader] = await readers(1);
    const stored = await machineTranslate(reader!, { dialogueId: dialogue.id, language: "uk" }, new LibreTranslateTranslator({ url }));
    expect(stored).toMatchObject({
      method: "MACHINE",
      title: `[uk] ${dialogue.title}`,
      summary: `[uk] ${dialogue.summary}`,
      codeOfConduct: `[uk] ${dialogue.codeOfConduct}`,
      body: `[uk] ${dialogue.description}`,
      place: null,
    });
    expect(received.map((body) => body.q).sort()).toEqual([dialogue.codeOfConduct, dialogue.description, dialogue.summary, dialogue.title].sort());
  });

  it("lets the person a moderation reason concerns, and moderators, ask for its translation; nobody else", async () => {
    const { dialogue, contribution } = await germanNeed();
    const moderator = await createUser();
    await db.membership.create({ data: { dialogueId: dialogue.id, userId: moderator.id, role: "MODERATOR" } });
    const action = await db.moderationAction.create({
      data: { dialogueId: dialogue.id, actorId: moderator.id, type: "HIDE", category: "PERSONAL_DATA", contributionId: contribution.id, reason: "Telefonnummer im Text." },
    });
    const translator = new LibreTranslateTranslator({ url });
    const [stranger] = await readers(1);
    expect((await appErrorOf(machineTranslate(stranger!, { moderationActionId: action.id, language: "ar" }, translator))).code).toBe("FORBIDDEN");
    expect(received).toEqual([]);
    const author = await viewerOf(contribution.authorId!);
    const stored = await machineTranslate(author, { moderationActionId: action.id, language: "ar" }, translator);
    expect(stored.body).toBe("[ar] Telefonnummer im Text.");
    // The notice its author reads carries the reason's language and the translation to pick from.
    await db.contribution.update({ where: { id: contribution.id }, data: { hiddenAt: new Date(), hiddenCategory: "PERSONAL_DATA" } });
    const notice = await getHideNotice(author, { itemType: "contribution", itemId: contribution.id });
    expect(notice).toMatchObject({ reasonLanguage: "de", reasonTranslations: [expect.objectContaining({ language: "ar", method: "MACHINE", outdatedAt: null })] });
  });

  it("is limited per person, counting only the calls that reach the service", async () => {
    const { contribution } = await germanNeed();
    const [reader] = await readers(1);
    // The hour's allowance used up on other texts.
    for (let i = 0; i < LIMITS.machineTranslationsPerPerson.points; i++) await consume("machineTranslationsPerPerson", reader!.id);
    const error = await appErrorOf(machineTranslate(reader!, { contributionId: contribution.id, language: "ar" }, new LibreTranslateTranslator({ url })));
    expect(error.code).toBe("RATE_LIMITED");
    expect(received).toEqual([]);
  });
});
