// Machine translation holds no database connection while the service works (decision 026):
// with a pool of 2 and the service kept waiting, other queries still run; one process runs at
// most MACHINE_TRANSLATIONS_AT_ONCE at once; a pair another instance has claimed is not sent twice.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { consume, reset } from "@/lib/rate-limit";
import { machineTranslate } from "@/lib/translations/machine-translate";
import { MACHINE_TRANSLATIONS_AT_ONCE } from "@/lib/translations/machine-translation-claim";
import { LibreTranslateTranslator } from "@/lib/translations/machine-translator";
import { createComment, createUser, respond } from "@/tests/support/factories";
import { appErrorOf, viewerOf } from "@/tests/support/participation";
import { germanNeed } from "./support";

// The app's pool is made on first use: this file's has two connections.
vi.hoisted(() => {
  process.env.DATABASE_POOL_SIZE = "2";
});

const received: Record<string, unknown>[] = [];
let server: Server;
let url: string;
/** Answers are held until released; `waitFor(n)` settles once n requests arrived. */
let release: () => void = () => {};
let released: Promise<void> = Promise.resolve();
let expected = 0;
let reached: () => void = () => {};

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
}

function waitFor(count: number): Promise<void> {
  expected = count;
  return new Promise((resolve) => {
    reached = resolve;
    if (received.length >= count) resolve();
  });
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readJson(request);
    received.push(body);
    if (received.length >= expected) reached();
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
  released = new Promise((resolve) => (release = resolve));
});

async function readers(count: number) {
  return Promise.all(Array.from({ length: count }, async () => viewerOf((await createUser()).id)));
}

describe("machine translation and the database pool", () => {
  it("holds no connection while the service works: with a pool of 2, other queries run meanwhile", async () => {
    const { contribution, comment } = await germanNeed();
    const answer = await respond(contribution.id, { status: "PLANNED", body: "Der Router kommt nächste Woche." });
    const translator = new LibreTranslateTranslator({ url });
    const people = await readers(6);
    // Five readers ask for the answer, one for the comment: two pairs at the service, which waits.
    const arrived = waitFor(2);
    const answers = people.slice(0, 5).map((reader) => machineTranslate(reader, { responseId: answer.id, language: "ar" }, translator));
    const onComment = machineTranslate(people[5]!, { commentId: comment.id, language: "ar" }, translator);
    await arrived;
    // Were a connection held per pair (or by a waiting reader), these would never get one.
    expect(await Promise.all([db.user.count(), db.translation.count({ where: { responseId: answer.id } }), db.contribution.count()])).toEqual([
      expect.any(Number),
      0,
      expect.any(Number),
    ]);
    release();
    const results = await Promise.all(answers);
    expect((await onComment).body).toBe("[ar] Das stimmt.");
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(received.map((body) => body.q).sort()).toEqual(["Das stimmt.", "Der Router kommt nächste Woche."]);
  });

  it(`runs at most ${MACHINE_TRANSLATIONS_AT_ONCE} at once per process and refuses one more without sending it`, async () => {
    const { contribution } = await germanNeed();
    const comments = await Promise.all(
      Array.from({ length: MACHINE_TRANSLATIONS_AT_ONCE + 1 }, (_, i) => createComment({ contributionId: contribution.id, body: `Kommentar ${i}` })),
    );
    const [reader] = await readers(1);
    const translator = new LibreTranslateTranslator({ url });
    const arrived = waitFor(MACHINE_TRANSLATIONS_AT_ONCE);
    const running = comments.slice(0, MACHINE_TRANSLATIONS_AT_ONCE).map((c) => machineTranslate(reader!, { commentId: c.id, language: "fa" }, translator));
    await arrived;
    const refused = await appErrorOf(machineTranslate(reader!, { commentId: comments.at(-1)!.id, language: "fa" }, translator));
    expect(refused.code).toBe("UNAVAILABLE");
    release();
    await Promise.all(running);
    expect(received).toHaveLength(MACHINE_TRANSLATIONS_AT_ONCE);
    expect(received.map((body) => body.q)).not.toContain(`Kommentar ${MACHINE_TRANSLATIONS_AT_ONCE}`);
    // Once they are done, it goes through.
    expect((await machineTranslate(reader!, { commentId: comments.at(-1)!.id, language: "fa" }, translator)).body).toBe(`[fa] Kommentar ${MACHINE_TRANSLATIONS_AT_ONCE}`);
  });

  it("does not send a pair another instance is translating: try again in a moment, then it goes through", async () => {
    const { comment } = await germanNeed();
    const [reader] = await readers(1);
    const translator = new LibreTranslateTranslator({ url });
    release();
    // Another app instance's claim on (this comment, Arabic), as it takes it.
    const key = `translation:commentId:${comment.id}:ar`;
    await consume("machineTranslationClaim", key);
    expect((await appErrorOf(machineTranslate(reader!, { commentId: comment.id, language: "ar" }, translator))).code).toBe("UNAVAILABLE");
    expect(received).toEqual([]);
    await reset("machineTranslationClaim", key);
    expect((await machineTranslate(reader!, { commentId: comment.id, language: "ar" }, translator)).body).toBe("[ar] Das stimmt.");
    expect(received).toHaveLength(1);
  });
});
