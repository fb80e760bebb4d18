// Voice messages (issue 18, decision 033): a member says a need instead of typing it; the audio
// is checked by its content, kept apart and heard only by the host team, recorders and
// moderators; a transcript (a person's, or the operator's speech-to-text service's, labelled)
// makes it a normal contribution with decision 008's trace; the audio goes after the retention
// time and with the account.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteAccount } from "@/lib/accounts/delete-account";
import { withdrawContribution } from "@/lib/contributions/withdraw-contribution";
import { exportDialogue } from "@/lib/exports/export-dialogue";
import { db } from "@/lib/db/client";
import { giveSupport } from "@/lib/supports/give-support";
import { checkAudio } from "@/lib/voice/audio-content";
import { createVoiceContribution } from "@/lib/voice/create-voice-contribution";
import { createComment } from "@/lib/comments/create-comment";
import { listFollows } from "@/lib/notifications/list-follows";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { deleteExpiredVoiceAudio } from "@/lib/voice/delete-expired-audio";
import { getTranscriptForm } from "@/lib/voice/get-transcript-form";
import { getVoiceNote } from "@/lib/voice/get-voice-note";
import { machineTranscribe, titleFromTranscript } from "@/lib/voice/machine-transcribe";
import { transcriberFromEnv } from "@/lib/voice/transcriber";
import { getVoiceAudio } from "@/lib/voice/voice-audio";
import { writeTranscript } from "@/lib/voice/write-transcript";
import { dialogueResource } from "@/lib/policy/resources";
import { QUEUES } from "@/lib/jobs/queues";
import en from "@/messages/en.json" with { type: "json" };
import fa from "@/messages/fa.json" with { type: "json" };
import { firstThemeId, type DialogueWithThemes } from "@/tests/support/factories";
import { appErrorOf, fieldKeys } from "@/tests/support/viewers";
import { hostOf, memberAs } from "@/tests/support/meetings";
import { dialogueIn, participant } from "@/tests/support/participation";
import { runDueJobs } from "@/tests/support/jobs";

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, "fixtures", name)));
const VOICE = fixture("voice.ogg");

function voiceInput(dialogue: DialogueWithThemes, overrides: Record<string, string> = {}) {
  return { dialogueId: dialogue.id, kind: "NEED" as const, themeId: firstThemeId(dialogue), language: "fa", ...overrides };
}

async function voiceNeed(overrides: Record<string, string> = {}) {
  const dialogue = await dialogueIn("COLLECTING");
  const speaker = await participant(dialogue.id, "LIVED_EXPERIENCE");
  const created = await createVoiceContribution(speaker, voiceInput(dialogue, overrides), VOICE, { machineTranscription: false });
  return { dialogue, speaker, ...created };
}

describe("what a voice message is, read from its bytes", () => {
  it("accepts a real recording (Ogg Vorbis, WAV) and states its type and length", async () => {
    expect(await checkAudio(VOICE)).toEqual({ mimeType: "audio/ogg", durationMs: 1200, byteSize: VOICE.byteLength });
    expect(await checkAudio(fixture("voice.wav"))).toMatchObject({ mimeType: "audio/wav", durationMs: 500 });
  });

  it("accepts what the page's recorder makes in Chromium (WebM/Opus with an empty title element)", async () => {
    expect(await checkAudio(fixture("chromium-recorder.webm"))).toMatchObject({ mimeType: "audio/webm" });
  });

  it.each([
    ["a text file named .ogg", new TextEncoder().encode("Das ist keine Aufnahme, nur Text.\n"), "voice.errors.notAudio"],
    ["an image", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(64).fill(0)]), "voice.errors.notAudio"],
    ["a recording cut off after its first bytes", fixture("voice.ogg").slice(0, 40), "voice.errors.notAudio"],
    ["a recording longer than three minutes", fixture("long.ogg"), "voice.errors.tooLong"],
    ["a recording that names a person and a place in its tags", fixture("tagged.ogg"), "voice.errors.personalTags"],
    ["more than 5 MB", new Uint8Array(5 * 1024 * 1024 + 1), "voice.errors.tooLarge"],
    ["nothing at all", new Uint8Array(), "validation.required"],
  ])("refuses %s, with a message at the file field", async (_name, bytes, key) => {
    expect(fieldKeys(await appErrorOf(checkAudio(bytes)), "audio")).toEqual([key]);
  });
});

describe("saying a need instead of typing it", () => {
  it("is the speaker's contribution, pending a transcript: theme, perspective, follow and supports as any other", async () => {
    const { dialogue, speaker, id, voiceMessageId } = await voiceNeed({ title: "Arzt" });
    const contribution = await db.contribution.findUniqueOrThrow({ where: { id } });
    expect(contribution).toMatchObject({ authorId: speaker.id, authorPerspective: "LIVED_EXPERIENCE", language: "fa", title: "Arzt", body: "", awaitingTranscript: true, source: "ONLINE" });
    expect(await db.follow.count({ where: { userId: speaker.id, contributionId: id } })).toBe(1);
    const voice = await db.voiceMessage.findUniqueOrThrow({ where: { id: voiceMessageId } });
    expect(voice).toMatchObject({ mimeType: "audio/ogg", byteSize: VOICE.byteLength, durationMs: 1200, transcribedAt: null });
    // The audio is apart: reading the contribution with its voice message loads no bytes.
    expect(Object.keys(await db.voiceMessage.findUniqueOrThrow({ where: { id: voiceMessageId } }))).not.toContain("bytes");
    // Others can support it already.
    await giveSupport(await participant(dialogue.id, "LOCAL_ACTOR"), { contributionId: id });
    expect(await db.support.count({ where: { contributionId: id } })).toBe(1);
    const note = await getVoiceNote(speaker, id, await dialogueResource(dialogue.id, speaker.id));
    expect(note).toMatchObject({ pending: true, mayListen: true, mayTranscribe: false, audioKept: true });
    const other = await getVoiceNote(await participant(dialogue.id), id, await dialogueResource(dialogue.id, speaker.id));
    expect(other).toMatchObject({ mayListen: false });
  });

  it("refuses a file that is no audio, with the other fields' messages in the same answer, and stores nothing", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const speaker = await participant(dialogue.id);
    const before = await db.contribution.count({ where: { dialogueId: dialogue.id } });
    const error = await appErrorOf(createVoiceContribution(speaker, voiceInput(dialogue, { language: "xx" }), new TextEncoder().encode("hello"), { machineTranscription: false }));
    expect(fieldKeys(error, "audio")).toEqual(["voice.errors.notAudio"]);
    expect(fieldKeys(error, "language")).toEqual(["validation.invalid"]);
    expect(await db.contribution.count({ where: { dialogueId: dialogue.id } })).toBe(before);
  });

  it("is for members while the dialogue collects", async () => {
    const dialogue = await dialogueIn("DELIBERATING");
    const member = await participant(dialogue.id);
    expect((await appErrorOf(createVoiceContribution(member, voiceInput(dialogue), VOICE))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(createVoiceContribution(null, voiceInput(await dialogueIn("COLLECTING")), VOICE))).code).toBe("UNAUTHENTICATED");
  });

  it("refuses a person's 6th voice message within an hour, with the message at the file field, and stores nothing", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const speaker = await participant(dialogue.id);
    for (let sent = 0; sent < 5; sent += 1) await createVoiceContribution(speaker, voiceInput(dialogue), VOICE, { machineTranscription: false });
    const before = await db.contribution.count({ where: { dialogueId: dialogue.id } });
    const error = await appErrorOf(createVoiceContribution(speaker, voiceInput(dialogue), VOICE, { machineTranscription: false }));
    expect(error.code).toBe("RATE_LIMITED");
    expect(fieldKeys(error, "audio")).toEqual(["voice.errors.tooMany"]);
    expect(await db.contribution.count({ where: { dialogueId: dialogue.id } })).toBe(before);
    // Another person in the same dialogue still can.
    await createVoiceContribution(await participant(dialogue.id), voiceInput(dialogue), VOICE, { machineTranscription: false });
  });

  it("two uploads at once at the hourly limit: one is stored, the other refused (the count is inside the transaction)", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const speaker = await participant(dialogue.id);
    for (let sent = 0; sent < 4; sent += 1) await createVoiceContribution(speaker, voiceInput(dialogue), VOICE, { machineTranscription: false });
    const results = await Promise.allSettled([0, 1].map(() => createVoiceContribution(speaker, voiceInput(dialogue), VOICE, { machineTranscription: false })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(fieldKeys(refused.reason, "audio")).toEqual(["voice.errors.tooMany"]);
    expect(await db.voiceMessage.count({ where: { contribution: { authorId: speaker.id } } })).toBe(5);
  });

  it("a refused upload uses up nothing: a file that is no audio does not count toward the limit", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const speaker = await participant(dialogue.id);
    const refusals: string[][] = [];
    for (let tried = 0; tried < 6; tried += 1) {
      refusals.push(fieldKeys(await appErrorOf(createVoiceContribution(speaker, voiceInput(dialogue), new TextEncoder().encode("hello"), { machineTranscription: false })), "audio"));
    }
    expect(refusals).toEqual(Array.from({ length: 6 }, () => ["voice.errors.notAudio"]));
    for (let sent = 0; sent < 5; sent += 1) await createVoiceContribution(speaker, voiceInput(dialogue), VOICE, { machineTranscription: false });
    expect(await db.voiceMessage.count({ where: { contribution: { authorId: speaker.id } } })).toBe(5);
  });

  it("two uploads at once that each fit the dialogue's storage but not both: one is stored", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const quota = VOICE.byteLength * 3;
    await createVoiceContribution(await participant(dialogue.id), voiceInput(dialogue), VOICE, { machineTranscription: false, dialogueStorageBytes: quota });
    await createVoiceContribution(await participant(dialogue.id), voiceInput(dialogue), VOICE, { machineTranscription: false, dialogueStorageBytes: quota });
    const speakers = [await participant(dialogue.id), await participant(dialogue.id)];
    const results = await Promise.allSettled(speakers.map((speaker) => createVoiceContribution(speaker, voiceInput(dialogue), VOICE, { machineTranscription: false, dialogueStorageBytes: quota })));
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.voiceMessage.count({ where: { contribution: { dialogueId: dialogue.id } } })).toBe(3);
  });

  it("refuses a voice message beyond the dialogue's storage for audio, with the message at the file field; deleted audio frees it", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const quota = VOICE.byteLength * 2;
    const first = await createVoiceContribution(await participant(dialogue.id), voiceInput(dialogue), VOICE, { machineTranscription: false, dialogueStorageBytes: quota });
    await createVoiceContribution(await participant(dialogue.id), voiceInput(dialogue), VOICE, { machineTranscription: false, dialogueStorageBytes: quota });
    const third = await participant(dialogue.id);
    const error = await appErrorOf(createVoiceContribution(third, voiceInput(dialogue), VOICE, { machineTranscription: false, dialogueStorageBytes: quota }));
    expect(fieldKeys(error, "audio")).toEqual(["voice.errors.dialogueFull"]);
    // Another dialogue has its own storage.
    const other = await dialogueIn("COLLECTING");
    await createVoiceContribution(await participant(other.id), voiceInput(other), VOICE, { machineTranscription: false, dialogueStorageBytes: quota });
    await db.contribution.update({ where: { id: first.id }, data: { withdrawnAt: new Date() } });
    await createVoiceContribution(third, voiceInput(dialogue), VOICE, { machineTranscription: false, dialogueStorageBytes: quota });
  });

  it("the database keeps an empty title and body for voice messages awaiting a transcript only", async () => {
    const { id } = await voiceNeed();
    await expect(db.contribution.update({ where: { id }, data: { awaitingTranscript: false } })).rejects.toThrow(/contribution_(title|body)_length/);
  });
});

describe("who can play it", () => {
  it("the speaker their own, and the host", async () => {
    const { dialogue, speaker, id } = await voiceNeed();
    expect(Buffer.from((await getVoiceAudio(speaker, id)).bytes).equals(Buffer.from(VOICE))).toBe(true);
    expect((await getVoiceAudio(await hostOf(dialogue), id)).mimeType).toBe("audio/ogg");
  });

  it.each(["CO_HOST", "RECORDER", "MODERATOR"] as const)("the dialogue's %s", async (role) => {
    const { dialogue, id } = await voiceNeed();
    const audio = await getVoiceAudio(await memberAs(dialogue.id, role), id);
    expect(audio.mimeType).toBe("audio/ogg");
    expect(Buffer.from(audio.bytes).equals(Buffer.from(VOICE))).toBe(true);
  });

  it.each([
    ["another member", (dialogue: DialogueWithThemes) => participant(dialogue.id), "FORBIDDEN"],
    ["another dialogue's recorder", async () => memberAs((await dialogueIn("COLLECTING")).id, "RECORDER"), "FORBIDDEN"],
    ["another dialogue's host", async () => hostOf(await dialogueIn("COLLECTING")), "FORBIDDEN"],
    ["the public", async () => null, "UNAUTHENTICATED"],
  ] as const)("is not heard by %s", async (_, viewerFor, code) => {
    const { dialogue, id } = await voiceNeed();
    expect((await appErrorOf(getVoiceAudio(await viewerFor(dialogue), id))).code).toBe(code);
  });
});

describe("the transcript and its trace", () => {
  it("a recorder writes it in the spoken language with a translation; the page names who transcribed, who translated, and the read-back", async () => {
    const { dialogue, speaker, id, voiceMessageId } = await voiceNeed();
    const recorder = await memberAs(dialogue.id, "RECORDER");
    await writeTranscript(recorder, {
      contributionId: id,
      title: "نوبت دکتر برای کودکان",
      transcript: "ما در خانه ۳ برای بچه‌ها دکتر اطفال پیدا نمی‌کنیم.",
      readBack: true,
      translationLanguage: "de",
      translationTitle: "Kinderarzttermine",
      translationBody: "Wir finden in Haus 3 keinen Kinderarzt für die Kinder.",
    });
    expect(await db.contribution.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "نوبت دکتر برای کودکان", awaitingTranscript: false, language: "fa", authorId: speaker.id });
    const voice = await db.voiceMessage.findUniqueOrThrow({ where: { id: voiceMessageId } });
    expect(voice).toMatchObject({ transcribedById: recorder.id, confirmedById: recorder.id, machineTranscript: false });
    expect(voice.readBackConfirmedAt).not.toBeNull();
    const translation = await db.translation.findUniqueOrThrow({ where: { contributionId_language: { contributionId: id, language: "de" } } });
    expect(translation).toMatchObject({ method: "VOLUNTEER", translatorId: recorder.id, title: "Kinderarzttermine", checkedAt: null });
    const note = await getVoiceNote(recorder, id, await dialogueResource(dialogue.id, speaker.id));
    expect(note).toMatchObject({ pending: false, machineTranscript: false, readBack: true, mayListen: true, mayTranscribe: true });
    expect(note?.transcribedBy).toBe((await db.user.findUniqueOrThrow({ where: { id: recorder.id } })).displayName);
  });

  it("a translation needs its language among the dialogue's (not the spoken one), a title and a text", async () => {
    const { dialogue, id } = await voiceNeed();
    const error = await appErrorOf(writeTranscript(await hostOf(dialogue), { contributionId: id, title: "T", transcript: "متن", translationLanguage: "fa" }));
    expect(fieldKeys(error, "translationLanguage")).toEqual(["validation.invalid"]);
    expect(fieldKeys(error, "translationBody")).toEqual(["validation.required"]);
    expect((await db.contribution.findUniqueOrThrow({ where: { id } })).awaitingTranscript).toBe(true);
  });

  it.each([
    ["the speaker", (world: Awaited<ReturnType<typeof voiceNeed>>) => world.speaker],
    ["a participant", (world: Awaited<ReturnType<typeof voiceNeed>>) => participant(world.dialogue.id)],
    ["a moderator", (world: Awaited<ReturnType<typeof voiceNeed>>) => memberAs(world.dialogue.id, "MODERATOR")],
  ])("is written by recorders and the host team only: not %s", async (_, viewerFor) => {
    const world = await voiceNeed();
    const input = { contributionId: world.id, title: "T", transcript: "متن" };
    expect((await appErrorOf(writeTranscript(await viewerFor(world), input))).code).toBe("FORBIDDEN");
    expect((await db.contribution.findUniqueOrThrow({ where: { id: world.id } })).awaitingTranscript).toBe(true);
  });
});

describe("automatic transcription through the operator's own service (TRANSCRIBE_URL)", () => {
  type Received = { method?: string; url?: string; contentType?: string; authorization?: string; parts: [string, string | { name: string; type: string; bytes: Buffer }][] };
  const received: Received[] = [];
  let server: Server;
  let url: string;

  async function readForm(request: IncomingMessage): Promise<Received["parts"]> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    // Parsed by the platform's own multipart reader, as a real server would.
    const form = await new Request("http://local/", { method: "POST", headers: { "content-type": request.headers["content-type"]! }, body: Buffer.concat(chunks) }).formData();
    const parts: Received["parts"] = [];
    for (const [name, value] of form.entries()) {
      parts.push([name, typeof value === "string" ? value : { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) }]);
    }
    return parts;
  }

  beforeAll(async () => {
    server = createServer(async (request, response) => {
      received.push({ method: request.method, url: request.url, contentType: request.headers["content-type"], authorization: request.headers.authorization, parts: await readForm(request) });
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ text: " ما در خانه ۳ اینترنت نداریم و بچه‌ها نمی‌توانند تکالیفشان را انجام دهند. " }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("is off unless configured: no transcriber, no job does anything", async () => {
    expect(transcriberFromEnv({})).toBeNull();
    expect(process.env.TRANSCRIBE_URL).toBeUndefined();
    const { voiceMessageId } = await voiceNeed();
    expect(await machineTranscribe({ voiceMessageId })).toEqual({ transcribed: 0 });
  });

  it("sends OpenAI's multipart request for /v1/audio/transcriptions and keeps the text as a draft for the team, unpublished until a person confirms it", async () => {
    const { dialogue, speaker, id, voiceMessageId } = await voiceNeed();
    received.length = 0;
    const transcriber = transcriberFromEnv({ TRANSCRIBE_URL: url, TRANSCRIBE_API_KEY: "local-key", TRANSCRIBE_MODEL: "whisper-small" });
    expect(await machineTranscribe({ voiceMessageId }, transcriber)).toEqual({ transcribed: 1 });

    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request).toMatchObject({ method: "POST", url: "/v1/audio/transcriptions", authorization: "Bearer local-key" });
    expect(request!.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(request!.parts.map(([name]) => name)).toEqual(["file", "model", "language", "response_format"]);
    const [, file] = request!.parts[0]!;
    expect(file).toMatchObject({ name: "voice.ogg", type: "audio/ogg" });
    expect(typeof file !== "string" && file.bytes.equals(Buffer.from(VOICE))).toBe(true);
    expect(request!.parts.slice(1)).toEqual([["model", "whisper-small"], ["language", "fa"], ["response_format", "json"]]);

    const text = "ما در خانه ۳ اینترنت نداریم و بچه‌ها نمی‌توانند تکالیفشان را انجام دهند.";
    // Nothing is published: the contribution stays "transcript pending" for everyone.
    expect(await db.contribution.findUniqueOrThrow({ where: { id } })).toMatchObject({ body: "", title: "", awaitingTranscript: true });
    expect(await db.voiceMessage.findUniqueOrThrow({ where: { id: voiceMessageId } })).toMatchObject({ machineDraft: text, machineTranscript: false, transcribedAt: null, confirmedAt: null });
    const resource = await dialogueResource(dialogue.id, speaker.id);
    expect(await getVoiceNote(null, id, resource)).toMatchObject({ pending: true, machineTranscript: false, confirmedBy: null });
    // Only those who may transcribe see the draft, prefilled on the form and labelled machine-made.
    const recorder = await memberAs(dialogue.id, "RECORDER");
    expect(await getTranscriptForm(recorder, { contributionId: id, dialogueId: dialogue.id })).toMatchObject({ transcript: text, title: titleFromTranscript(text), machineUnchecked: true });
    const others = { public: null, speaker, member: await participant(dialogue.id), moderator: await memberAs(dialogue.id, "MODERATOR") };
    const forms: Record<string, unknown> = {};
    for (const [who, viewer] of Object.entries(others)) forms[who] = await getTranscriptForm(viewer, { contributionId: id, dialogueId: dialogue.id });
    expect(forms).toEqual({ public: null, speaker: null, member: null, moderator: null });

    // Once is enough: a second job finds the transcript and sends nothing.
    expect(await machineTranscribe({ voiceMessageId }, transcriber)).toEqual({ transcribed: 0 });
    expect(received).toHaveLength(1);

    // A recorder confirms the machine's words as they are: published now, still the machine's, checked by them.
    await writeTranscript(recorder, { contributionId: id, title: "اینترنت در خانه ۳", transcript: text });
    expect(await db.voiceMessage.findUniqueOrThrow({ where: { id: voiceMessageId } })).toMatchObject({ machineTranscript: true, transcribedById: null, confirmedById: recorder.id, readBackConfirmedAt: null, machineDraft: null });
    expect(await db.contribution.findUniqueOrThrow({ where: { id } })).toMatchObject({ body: text, title: "اینترنت در خانه ۳", awaitingTranscript: false });
    expect(await getVoiceNote(null, id, resource)).toMatchObject({ pending: false, machineTranscript: true });
    expect(await getTranscriptForm(recorder, { contributionId: id, dialogueId: dialogue.id })).toMatchObject({ transcript: text, machineUnchecked: false });
  });

  it("a person who corrects the machine's draft is named as the transcriber, and the draft is gone", async () => {
    const { dialogue, id, voiceMessageId } = await voiceNeed();
    const transcriber = transcriberFromEnv({ TRANSCRIBE_URL: url, TRANSCRIBE_MODEL: "whisper-small" });
    expect(await machineTranscribe({ voiceMessageId }, transcriber)).toEqual({ transcribed: 1 });
    const host = await hostOf(dialogue);
    await writeTranscript(host, { contributionId: id, title: "اینترنت", transcript: "در خانه ۳ اینترنت نداریم." });
    expect(await db.voiceMessage.findUniqueOrThrow({ where: { id: voiceMessageId } })).toMatchObject({ machineTranscript: false, transcribedById: host.id, confirmedById: host.id, machineDraft: null });
    expect(await db.contribution.findUniqueOrThrow({ where: { id } })).toMatchObject({ body: "در خانه ۳ اینترنت نداریم.", awaitingTranscript: false });
  });

  it("is queued with the voice message when configured, and the queue's job runs the same function", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const { voiceMessageId } = await createVoiceContribution(await participant(dialogue.id), voiceInput(dialogue), VOICE, { machineTranscription: true });
    const [job] = await db.$queryRaw<{ data: unknown }[]>`SELECT data FROM pgboss.job WHERE name = ${QUEUES.voiceTranscription} AND data->>'voiceMessageId' = ${voiceMessageId}`;
    expect(job?.data).toEqual({ voiceMessageId });
    // The test environment has no TRANSCRIBE_URL: the job finishes without sending anything.
    expect(await runDueJobs([QUEUES.voiceTranscription])).toMatchObject({ failed: 0 });
    expect((await db.voiceMessage.findUniqueOrThrow({ where: { id: voiceMessageId } })).transcribedAt).toBeNull();
  });
});

describe("retention", () => {
  it("deletes the audio the set number of days after a person confirmed the transcript, and keeps unconfirmed audio", async () => {
    const confirmed = await voiceNeed();
    await writeTranscript(await hostOf(confirmed.dialogue), { contributionId: confirmed.id, title: "Arzt", transcript: "متن" });
    const pending = await voiceNeed();
    const confirmedAt = (await db.voiceMessage.findUniqueOrThrow({ where: { id: confirmed.voiceMessageId } })).confirmedAt!;
    const day = 24 * 60 * 60 * 1000;

    await deleteExpiredVoiceAudio(new Date(confirmedAt.getTime() + 29 * day), 30);
    expect(await db.voiceAudio.count({ where: { voiceMessageId: confirmed.voiceMessageId } })).toBe(1);

    const later = new Date(confirmedAt.getTime() + 30 * day);
    expect((await deleteExpiredVoiceAudio(later, 30)).deleted).toBeGreaterThanOrEqual(1);
    expect(await db.voiceAudio.count({ where: { voiceMessageId: confirmed.voiceMessageId } })).toBe(0);
    expect((await db.voiceMessage.findUniqueOrThrow({ where: { id: confirmed.voiceMessageId } })).audioDeletedAt).toEqual(later);
    expect(await db.voiceAudio.count({ where: { voiceMessageId: pending.voiceMessageId } })).toBe(1);
    // The transcript and its trace stay; the team can no longer play it.
    expect((await appErrorOf(getVoiceAudio(await hostOf(confirmed.dialogue), confirmed.id))).code).toBe("NOT_FOUND");
    expect(await getVoiceNote(null, confirmed.id, await dialogueResource(confirmed.dialogue.id))).toMatchObject({ audioKept: false, pending: false });
  });

  it("deletes audio no person confirmed the set number of days after it was recorded; confirmed audio keeps its own clock", async () => {
    const pending = await voiceNeed();
    const recent = await voiceNeed();
    const confirmed = await voiceNeed();
    await writeTranscript(await hostOf(confirmed.dialogue), { contributionId: confirmed.id, title: "Arzt", transcript: "متن" });
    const day = 24 * 60 * 60 * 1000;
    const recordedAt = (await db.voiceMessage.findUniqueOrThrow({ where: { id: pending.voiceMessageId } })).createdAt;
    await db.voiceMessage.update({ where: { id: recent.voiceMessageId }, data: { createdAt: new Date(recordedAt.getTime() + 10 * day) } });

    await deleteExpiredVoiceAudio(new Date(recordedAt.getTime() + 89 * day), 365, 90);
    expect(await db.voiceAudio.count({ where: { voiceMessageId: pending.voiceMessageId } })).toBe(1);

    const later = new Date(recordedAt.getTime() + 91 * day);
    await deleteExpiredVoiceAudio(later, 365, 90);
    expect(await db.voiceAudio.count({ where: { voiceMessageId: pending.voiceMessageId } })).toBe(0);
    expect((await db.voiceMessage.findUniqueOrThrow({ where: { id: pending.voiceMessageId } })).audioDeletedAt).toEqual(later);
    expect(await db.voiceAudio.count({ where: { voiceMessageId: recent.voiceMessageId } })).toBe(1);
    // Confirmed audio follows VOICE_AUDIO_RETENTION_DAYS (here a year), not the recording's age.
    expect(await db.voiceAudio.count({ where: { voiceMessageId: confirmed.voiceMessageId } })).toBe(1);
    expect(await getVoiceNote(null, pending.id, await dialogueResource(pending.dialogue.id))).toMatchObject({ pending: true, audioKept: false });
  });

  it("deletes the audio when the speaker withdraws the contribution, and the team can no longer play it", async () => {
    const { dialogue, speaker, id, voiceMessageId } = await voiceNeed();
    const host = await hostOf(dialogue);
    expect((await getVoiceAudio(host, id)).mimeType).toBe("audio/ogg");
    await withdrawContribution(speaker, { contributionId: id });
    expect(await db.voiceAudio.count({ where: { voiceMessageId } })).toBe(0);
    expect((await db.voiceMessage.findUniqueOrThrow({ where: { id: voiceMessageId } })).audioDeletedAt).not.toBeNull();
    expect((await appErrorOf(getVoiceAudio(host, id))).code).toBe("NOT_FOUND");
  });

  it("the database deletes the audio with any withdrawal, whatever path sets withdrawnAt; the audio route refuses a withdrawn one", async () => {
    const { dialogue, id, voiceMessageId } = await voiceNeed();
    await db.contribution.update({ where: { id }, data: { withdrawnAt: new Date() } });
    expect(await db.voiceAudio.count({ where: { voiceMessageId } })).toBe(0);
    // Even were bytes stored again for a withdrawn contribution, the loader refuses them.
    await db.voiceAudio.create({ data: { voiceMessageId, bytes: Buffer.from(VOICE) } });
    expect((await appErrorOf(getVoiceAudio(await hostOf(dialogue), id))).code).toBe("NOT_FOUND");
  });

  it("deletes the audio with the account at once, pending or not", async () => {
    const { speaker, voiceMessageId } = await voiceNeed();
    await deleteAccount(speaker, { confirm: true });
    expect(await db.voiceAudio.count({ where: { voiceMessageId } })).toBe(0);
    expect((await db.voiceMessage.findUniqueOrThrow({ where: { id: voiceMessageId } })).audioDeletedAt).not.toBeNull();
  });
});

describe("an untitled voice message awaiting its transcript, named outside its page", () => {
  it("is \"Voice message\" in the reader's language in their follows and notifications, and its title once transcribed", async () => {
    const { dialogue, speaker, id } = await voiceNeed();
    const followed = (await listFollows(speaker, "fa")).find((item) => item.id === id);
    expect(followed).toMatchObject({ title: fa.voice.untitled, lang: "fa" });
    await createComment(await participant(dialogue.id), { contributionId: id, body: "Ich kenne das auch.", language: "de" });
    const notified = (await listNotifications(speaker, {}, "en")).items.find((item) => item.path.includes(id));
    expect(notified).toMatchObject({ titleLanguage: "en", values: { title: en.voice.untitled } });
    await writeTranscript(await hostOf(dialogue), { contributionId: id, title: "اینترنت", transcript: "در خانه ۳ اینترنت نداریم." });
    expect((await listFollows(speaker, "en")).find((item) => item.id === id)).toMatchObject({ title: "اینترنت", lang: "fa" });
  });

  it.each(["json", "csv"] as const)("is \"Voice message\", \"transcript pending\" in an export in the export's language (%s)", async (format) => {
    const { dialogue } = await voiceNeed();
    const file = await exportDialogue(await memberAs(dialogue.id, "MODERATOR"), { dialogueId: dialogue.id, format, locale: "en" });
    const text = await new Response(file.body).text();
    expect(text).toContain(en.voice.untitled);
    expect(text).toContain(en.voice.pending);
  });
});

describe("exports", () => {
  it.each(["json", "csv"] as const)("never carry audio (%s): the transcript is exported, the recording is not", async (format) => {
    const { dialogue, id } = await voiceNeed();
    await writeTranscript(await hostOf(dialogue), { contributionId: id, title: "اینترنت", transcript: "در خانه ۳ اینترنت نداریم." });
    const file = await exportDialogue(await memberAs(dialogue.id, "MODERATOR"), { dialogueId: dialogue.id, format });
    const text = await new Response(file.body).text();
    expect(text).toContain("در خانه ۳ اینترنت نداریم.");
    for (const trace of [Buffer.from(VOICE).toString("base64").slice(0, 40), Buffer.from(VOICE).toString("hex").slice(0, 40), "OggS", "audio/ogg"]) {
      expect(text).not.toContain(trace);
    }
  });
});
