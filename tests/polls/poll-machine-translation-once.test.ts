// A dialogue's polls are machine-translated once per language however many ask (issue 19,
// decision 048): readers asking at the same moment wait for one run in this process, another
// instance's claim on `polls:<dialogueId>:<language>` is respected, and a poll added later is
// translated alone, by a job, into the languages readers already had machine-translated — the
// other polls are not sent again. Against a local LibreTranslate-compatible server that holds its
// answers until released and counts what it receives.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { QUEUES } from "@/lib/jobs/queues";
import { toLocalTime } from "@/lib/meetings/meeting-time";
import { createPoll } from "@/lib/polls/create-poll";
import { machineTranslateNewPoll, machineTranslatePolls } from "@/lib/polls/machine-translate-polls";
import { savePollText } from "@/lib/polls/save-poll-text";
import { consume, reset } from "@/lib/rate-limit";
import { machineTranslate } from "@/lib/translations/machine-translate";
import { LibreTranslateTranslator } from "@/lib/translations/machine-translator";
import { createUser } from "@/tests/support/factories";
import { hostOf } from "@/tests/support/meetings";
import { appErrorOf, dialogueIn, viewerOf } from "@/tests/support/participation";

const received: { q: string; source: string; target: string }[] = [];
let server: Server;
let translator: LibreTranslateTranslator;
/** Answers are held until released; `waitFor(n)` settles once n requests arrived. */
let release: () => void = () => {};
let released: Promise<void> = Promise.resolve();
let expected = 0;
let reached: () => void = () => {};

async function readJson(request: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as { q: string; source: string; target: string };
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
    response.end(JSON.stringify({ translatedText: `[${body.target}] ${body.q}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  translator = new LibreTranslateTranslator({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received.length = 0;
  released = new Promise((resolve) => (release = resolve));
});

async function pollWith(dialogue: { id: string; createdById: string }, question: string, answers: string[], machineTranslation = false) {
  const { id } = await createPoll(
    await hostOf(dialogue),
    {
      dialogueId: dialogue.id,
      question,
      choice: "SINGLE",
      openFor: "period",
      closesAt: toLocalTime(new Date(Date.now() + 7 * 24 * 60 * 60 * 1000)),
      ...Object.fromEntries(answers.map((answer, index) => [`answer${index + 1}`, answer])),
    },
    machineTranslation,
  );
  return id;
}

async function readers(count: number) {
  return Promise.all(Array.from({ length: count }, async () => viewerOf((await createUser()).id)));
}

/** How many of these people have had their per-person machine-translation limit counted. */
async function counted(ids: string[]): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count" FROM "RateLimit" WHERE "key" = ANY(${ids.map((id) => `machineTranslationsPerPerson:${id}`)}::text[])`;
  return row!.count;
}

describe("machine translation of a dialogue's polls, once", () => {
  it("sends each text once when eight readers ask at the same moment, and every reader gets the translation", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    await pollWith(dialogue, "Wann passt das Dialogcafé?", ["Morgens", "Abends"]);
    await pollWith(dialogue, "Braucht die Unterkunft einen Lernraum?", ["Ja", "Nein"]);
    const people = await readers(8);
    // The two questions reach the service first (each poll's answers follow its question).
    const arrived = waitFor(2);
    const asked = people.map((reader) => machineTranslatePolls(reader, { dialogueId: dialogue.id, language: "tr" }, translator));
    await arrived;
    // Everyone has come as far as the translation itself (their limit counted) while the service still waits.
    await expect.poll(() => counted(people.map((reader) => reader.id)), { timeout: 20_000 }).toBe(8);
    release();
    const results = await Promise.all(asked);
    expect(received).toHaveLength(6);
    expect(results).toEqual(Array.from({ length: 8 }, () => ({ translated: 2 })));
    expect(received.map((body) => body.q).sort()).toEqual(["Abends", "Braucht die Unterkunft einen Lernraum?", "Ja", "Morgens", "Nein", "Wann passt das Dialogcafé?"]);
    expect(await db.pollText.count({ where: { dialogueId: dialogue.id, language: "tr", method: "MACHINE" } })).toBe(2);
  });

  it("does not send what another instance is translating: try again in a moment, then it goes through", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    await pollWith(dialogue, "Wann passt das Dialogcafé?", ["Morgens", "Abends"]);
    const [reader] = await readers(1);
    release();
    // Another app instance's claim on (this dialogue's polls, Arabic), as it takes it.
    const key = `polls:${dialogue.id}:ar`;
    await consume("machineTranslationClaim", key);
    expect((await appErrorOf(machineTranslatePolls(reader!, { dialogueId: dialogue.id, language: "ar" }, translator))).code).toBe("UNAVAILABLE");
    expect(received).toEqual([]);
    await reset("machineTranslationClaim", key);
    expect(await machineTranslatePolls(reader!, { dialogueId: dialogue.id, language: "ar" }, translator)).toEqual({ translated: 1 });
    expect(received).toHaveLength(3);
  });

  it("translates a poll added later alone, into the languages readers already had machine-translated, by a job queued with it", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const first = await pollWith(dialogue, "Wann passt das Dialogcafé?", ["Morgens", "Abends"]);
    const [reader] = await readers(1);
    release();
    // Readers had the polls in Turkish, and the dialogue's texts in Persian, from the machine;
    // the host team wrote the first poll in Arabic itself.
    await machineTranslatePolls(reader!, { dialogueId: dialogue.id, language: "tr" }, translator);
    await machineTranslate(reader!, { dialogueId: dialogue.id, language: "fa" }, translator);
    await db.dialogue.update({ where: { id: dialogue.id }, data: { languages: ["de", "ar", "fa"] } });
    await savePollText(await hostOf(dialogue), { pollId: first, language: "ar", question: "متى يناسب مقهى الحوار؟", answers: ["صباحاً", "مساءً"] });
    received.length = 0;

    const added = await pollWith(dialogue, "Braucht die Unterkunft einen Lernraum?", ["Ja", "Nein"], true);
    const [job] = await db.$queryRaw<{ data: { pollId: string } }[]>`SELECT data FROM pgboss.job WHERE name = ${QUEUES.pollMachineTranslation} AND data->>'pollId' = ${added}`;
    expect(job?.data).toEqual({ pollId: added });

    expect(await machineTranslateNewPoll({ pollId: added }, translator)).toEqual({ translated: 2, languages: 2 });
    // Only the new poll's question and answers, into Persian and Turkish; nothing into Arabic, the first poll not again.
    expect(received.map((body) => `${body.target} ${body.q}`).sort()).toEqual([
      "fa Braucht die Unterkunft einen Lernraum?",
      "fa Ja",
      "fa Nein",
      "tr Braucht die Unterkunft einen Lernraum?",
      "tr Ja",
      "tr Nein",
    ]);
    const texts = await db.pollText.findMany({ where: { pollId: added }, orderBy: { language: "asc" }, select: { language: true, method: true, answers: true } });
    expect(texts).toEqual([
      { language: "fa", method: "MACHINE", answers: ["[fa] Ja", "[fa] Nein"] },
      { language: "tr", method: "MACHINE", answers: ["[tr] Ja", "[tr] Nein"] },
    ]);
    // Done once: the job run again sends nothing.
    expect(await machineTranslateNewPoll({ pollId: added }, translator)).toEqual({ translated: 0, languages: 2 });
    expect(received).toHaveLength(6);
  });

  it("queues no job where the operator has no machine translation", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const id = await pollWith(dialogue, "Wann passt das Dialogcafé?", ["Morgens", "Abends"]);
    expect(await db.$queryRaw<unknown[]>`SELECT 1 FROM pgboss.job WHERE name = ${QUEUES.pollMachineTranslation} AND data->>'pollId' = ${id}`).toEqual([]);
  });
});
