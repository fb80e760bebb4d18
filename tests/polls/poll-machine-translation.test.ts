// Poll texts take part in the machine translation of the dialogue's texts (issue 19, decision
// 048): a signed-in reader's request translates every poll that has no version in their language,
// question and answers, once, marked MACHINE; the dialogue page and the polls page then show it with
// that trace; the host team's own words replace a machine's and are never overwritten. Against a
// local LibreTranslate-compatible server that records what it receives.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listOpenPolls } from "@/lib/polls/list-open-polls";
import { listPolls } from "@/lib/polls/list-polls";
import { machineTranslatePolls } from "@/lib/polls/machine-translate-polls";
import { somePollNotInReaderLanguage } from "@/lib/polls/pick-poll-text";
import { savePollText } from "@/lib/polls/save-poll-text";
import { LibreTranslateTranslator } from "@/lib/translations/machine-translator";
import { createUser } from "@/tests/support/factories";
import { hostOf } from "@/tests/support/meetings";
import { appErrorOf, dialogueIn, viewerOf } from "@/tests/support/participation";
import { closeNow, pollIn } from "@/tests/support/polls";

const received: { q: string; source: string; target: string }[] = [];
let server: Server;
let translator: LibreTranslateTranslator;

async function readJson(request: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as { q: string; source: string; target: string };
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readJson(request);
    received.push(body);
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ translatedText: `[${body.target}] ${body.q}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  translator = new LibreTranslateTranslator({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received.length = 0;
});

describe("machineTranslatePolls", () => {
  it("translates each poll without a version in the reader's language once, and every page shows it marked as a machine's", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const open = await pollIn(dialogue, { answers: ["Ja", "Nein"] });
    const closed = await pollIn(dialogue, { answers: ["Morgens", "Abends"] });
    await closeNow(closed.id);
    const reader = await viewerOf((await createUser()).id);

    expect(await machineTranslatePolls(reader, { dialogueId: dialogue.id, language: "tr" }, translator)).toEqual({ translated: 2 });
    expect(received.map((request) => [request.source, request.target])).toEqual(Array.from({ length: 6 }, () => ["de", "tr"]));
    expect(await db.pollText.findFirst({ where: { pollId: open.id, language: "tr" } })).toMatchObject({
      question: `[tr] ${open.question}`,
      answers: ["[tr] Ja", "[tr] Nein"],
      method: "MACHINE",
      writtenById: null,
    });

    // Asked again, by anyone: nothing is sent.
    expect(await machineTranslatePolls(await viewerOf((await createUser()).id), { dialogueId: dialogue.id, language: "tr" }, translator)).toEqual({ translated: 0 });
    expect(received).toHaveLength(6);

    const [onDialoguePage] = await listOpenPolls({ dialogueId: dialogue.id, originalLanguage: "de", locale: "tr", viewerId: null });
    expect(onDialoguePage!.text).toEqual({ question: `[tr] ${open.question}`, answers: ["[tr] Ja", "[tr] Nein"], language: "tr", source: "machine", checked: false });
    const onPollsPage = await listPolls(null, { dialogueId: dialogue.id, locale: "tr" });
    expect(onPollsPage.map((poll) => poll.text.source)).toEqual(["machine", "machine"]);
    // A German reader still reads the original.
    const [german] = await listOpenPolls({ dialogueId: dialogue.id, originalLanguage: "de", locale: "de", viewerId: null });
    expect(german!.text).toMatchObject({ language: "de", source: "original", question: open.question });
  });

  it("keeps the host team's words: a written version is not translated again, and writing replaces a machine's", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    await db.dialogue.update({ where: { id: dialogue.id }, data: { languages: ["de", "ar", "tr"] } });
    const written = await pollIn(dialogue, { answers: ["Ja", "Nein"] });
    const host = await hostOf(dialogue);
    await savePollText(host, { pollId: written.id, language: "ar", question: "هل يحتاج السكن إلى غرفة؟", answers: ["نعم", "لا"] });
    const reader = await viewerOf((await createUser()).id);

    expect(await machineTranslatePolls(reader, { dialogueId: dialogue.id, language: "ar" }, translator)).toEqual({ translated: 0 });
    expect(received).toEqual([]);

    await machineTranslatePolls(reader, { dialogueId: dialogue.id, language: "tr" }, translator);
    await savePollText(host, { pollId: written.id, language: "tr", question: "Yurtta bir çalışma odası gerekli mi?", answers: ["Evet", "Hayır"] });
    const [poll] = await listOpenPolls({ dialogueId: dialogue.id, originalLanguage: "de", locale: "tr", viewerId: null });
    expect(poll!.text).toEqual({ question: "Yurtta bir çalışma odası gerekli mi?", answers: ["Evet", "Hayır"], language: "tr", source: "author", checked: false });
    expect(await db.pollText.findFirst({ where: { pollId: written.id, language: "tr" } })).toMatchObject({ method: "AUTHOR", writtenById: host.id });
  });

  // The polls page's button: shown while a poll — closed ones too, whose results an Arabic reader
  // reads there — is not in the reader's language; gone once the machine has translated them.
  it("offers a reader on the polls page the translation of every poll not in their language, until it is done", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const closed = await pollIn(dialogue, { answers: ["Morgens", "Abends"] });
    await closeNow(closed.id);
    const reader = await viewerOf((await createUser({ locale: "ar" })).id);

    const before = await listPolls(reader, { dialogueId: dialogue.id, locale: "ar" });
    expect(somePollNotInReaderLanguage(before, "ar")).toBe(true);
    // A German reader reads the original: nothing to offer, in standard German or Einfache Sprache.
    expect(somePollNotInReaderLanguage(await listPolls(reader, { dialogueId: dialogue.id, locale: "de" }), "de")).toBe(false);
    expect(somePollNotInReaderLanguage(await listPolls(reader, { dialogueId: dialogue.id, locale: "de-simple" }), "de-simple")).toBe(false);
    // The dialogue page lists open polls only, so a closed one alone offers nothing there.
    expect(somePollNotInReaderLanguage(await listOpenPolls({ dialogueId: dialogue.id, originalLanguage: "de", locale: "ar", viewerId: reader.id }), "ar")).toBe(false);

    expect(await machineTranslatePolls(reader, { dialogueId: dialogue.id, language: "ar" }, translator)).toEqual({ translated: 1 });
    const after = await listPolls(reader, { dialogueId: dialogue.id, locale: "ar" });
    expect(after.map((poll) => poll.text)).toEqual([{ question: `[ar] ${closed.question}`, answers: ["[ar] Morgens", "[ar] Abends"], language: "ar", source: "machine", checked: false }]);
    expect(somePollNotInReaderLanguage(after, "ar")).toBe(false);
    // A poll added later brings the button back for it alone.
    await pollIn(dialogue);
    expect(somePollNotInReaderLanguage(await listPolls(reader, { dialogueId: dialogue.id, locale: "ar" }), "ar")).toBe(true);
  });

  it("is refused to the signed-out, into the original's language, and without a configured service", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    await pollIn(dialogue);
    const reader = await viewerOf((await createUser()).id);
    expect((await appErrorOf(machineTranslatePolls(null, { dialogueId: dialogue.id, language: "tr" }, translator))).code).toBe("UNAUTHENTICATED");
    expect((await appErrorOf(machineTranslatePolls(reader, { dialogueId: dialogue.id, language: "de" }, translator))).code).toBe("INVALID_INPUT");
    expect((await appErrorOf(machineTranslatePolls(reader, { dialogueId: dialogue.id, language: "tr" }, null))).code).toBe("UNAVAILABLE");
    expect(received).toEqual([]);
    // The database holds the trace: a machine's version has no writer, a written one has one.
    const poll = await db.poll.findFirstOrThrow({ where: { dialogueId: dialogue.id } });
    await expect(
      db.pollText.create({ data: { pollId: poll.id, dialogueId: dialogue.id, language: "tr", question: "?", answers: ["a", "b", "c"], method: "AUTHOR", writtenById: null } }),
    ).rejects.toThrow(/poll_text_by_a_person_or_machine/);
  });
});
