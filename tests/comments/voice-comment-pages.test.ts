// The pages of a voice comment (decision 046): the "say it instead" form posts to a route handler
// of its own (same origin, the contribution from the address, a refusal back to the form with the
// signed cookie), and the transcript page's loader gives the form only to recorders and the host
// team, the typed line never posing as a transcript; the comment then reads as written down.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const PUBLIC_URL = "https://mitreden.example";
process.env.PUBLIC_URL = PUBLIC_URL;
process.env.NEXTAUTH_SECRET ??= "voice-comment-route-test-secret-0123456789";
const request = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined) }),
}));

import { GET, POST } from "@/app/[locale]/[municipality]/[dialogue]/c/[contributionId]/voice-comment/send/route";
import { createSession, sessionCookieName } from "@/lib/auth/sessions";
import { getCommentTranscriptForm } from "@/lib/comments/get-comment-transcript-form";
import { writeCommentTranscript } from "@/lib/comments/write-comment-transcript";
import { createContribution } from "@/lib/contributions/create-contribution";
import { db } from "@/lib/db/client";
import { loadContributionPage } from "@/lib/pages/contribution-page";
import { readVoiceFailure, VOICE_FAILURE_COOKIE } from "@/lib/voice/voice-upload";
import { firstThemeId, type DialogueWithThemes } from "@/tests/support/factories";
import { hostOf, memberAs } from "@/tests/support/meetings";
import { dialogueIn, participant } from "@/tests/support/participation";
import { viewerOf } from "@/tests/support/viewers";

const VOICE = readFileSync(path.join(import.meta.dirname, "..", "voice", "fixtures", "voice.ogg"));

let dialogue: DialogueWithThemes;
let params: { locale: string; municipality: string; dialogue: string; contributionId: string };
let otherContributionId: string;
let speakerId: string;

beforeAll(async () => {
  dialogue = await dialogueIn("COLLECTING");
  const author = await participant(dialogue.id);
  const need = await createContribution(author, { dialogueId: dialogue.id, kind: "NEED", themeId: firstThemeId(dialogue), title: "Kein Internet", body: "In Haus 3 gibt es kein WLAN.", language: "de" });
  const other = await createContribution(author, { dialogueId: dialogue.id, kind: "NEED", themeId: firstThemeId(dialogue), title: "Kein Arzt", body: "Kein Kinderarzt in der Nähe.", language: "de" });
  otherContributionId = other.id;
  const speaker = await participant(dialogue.id, "LIVED_EXPERIENCE");
  speakerId = speaker.id;
  const slugs = await db.dialogue.findUniqueOrThrow({ where: { id: dialogue.id }, select: { slug: true, municipality: { select: { slug: true } } } });
  params = { locale: "fa", municipality: slugs.municipality.slug, dialogue: slugs.slug, contributionId: need.id };
  const { sessionToken } = await createSession(speaker.id);
  request.cookies.set(sessionCookieName(), sessionToken);
});

beforeEach(() => {
  request.headers = new Headers({ host: "internal:3000", origin: PUBLIC_URL });
});

function form(fields: Record<string, string>, audio: Uint8Array | null) {
  const body = new FormData();
  for (const [name, value] of Object.entries({ language: "fa", ...fields })) body.set(name, value);
  if (audio) body.set("audio", new Blob([Buffer.from(audio)], { type: "audio/ogg" }), "recording.ogg");
  return body;
}
const post = (body: FormData) =>
  POST(new Request(`http://internal:3000/fa/${params.municipality}/${params.dialogue}/c/${params.contributionId}/voice-comment/send`, { method: "POST", body }), { params: Promise.resolve(params) });
const contributionUrl = () => `${PUBLIC_URL}/fa/${params.municipality}/${params.dialogue}/c/${params.contributionId}`;

describe("the voice comment form's route", () => {
  it("stores a voice comment on the contribution in the address (not one the form names) and sends the browser to it", async () => {
    const response = await post(form({ contributionId: otherContributionId }, VOICE));
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(contributionUrl());
    const commentId = location.searchParams.get("comment")!;
    expect(location.hash).toBe(`#comment-${commentId}`);
    const comment = await db.comment.findUniqueOrThrow({ where: { id: commentId }, include: { voiceMessage: true } });
    expect(comment).toMatchObject({ contributionId: params.contributionId, authorId: speakerId, language: "fa", body: "", awaitingTranscript: true });
    expect(comment.voiceMessage?.byteSize).toBe(VOICE.byteLength);
  });

  it("stores a reply with its typed line", async () => {
    const parent = await db.comment.findFirstOrThrow({ where: { contributionId: params.contributionId, parentId: null } });
    const response = await post(form({ parentId: parent.id, body: "ما هم همین‌طور" }, VOICE));
    const commentId = new URL(response.headers.get("location")!).searchParams.get("comment")!;
    expect(await db.comment.findUniqueOrThrow({ where: { id: commentId } })).toMatchObject({ parentId: parent.id, body: "ما هم همین‌طور", awaitingTranscript: false });
  });

  it("sends a refused post back to the form (the reply's, when it was one) with its messages and the typed line", async () => {
    const before = await db.comment.count({ where: { contributionId: params.contributionId } });
    const parent = await db.comment.findFirstOrThrow({ where: { contributionId: params.contributionId, parentId: null } });
    const response = await post(form({ parentId: parent.id, body: "اینترنت نداریم" }, new TextEncoder().encode("not a recording")));
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(`${contributionUrl()}/voice-comment`);
    expect(location.searchParams.get("parent")).toBe(parent.id);
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toContain(`Path=/fa/${params.municipality}/${params.dialogue}/c/${params.contributionId}/voice-comment;`);
    const value = cookie.split(";")[0]!.slice(VOICE_FAILURE_COOKIE.length + 1);
    expect(readVoiceFailure(value, location.searchParams.get("failed")!)).toMatchObject({
      status: "error",
      fieldErrors: { audio: [{ key: "voice.errors.notAudio" }] },
      values: { body: "اینترنت نداریم", language: "fa" },
    });
    expect(await db.comment.count({ where: { contributionId: params.contributionId } })).toBe(before);
  });

  it("refuses a post from another site and stores nothing; answers a GET with 405", async () => {
    request.headers.set("origin", "https://evil.example");
    const before = await db.comment.count({ where: { contributionId: params.contributionId } });
    expect((await post(form({}, VOICE))).status).toBe(403);
    expect(await db.comment.count({ where: { contributionId: params.contributionId } })).toBe(before);
    expect(GET().status).toBe(405);
  });
});

describe("the voice comment's transcript page", () => {
  it("gives the form to recorders and the host team only, starts empty despite a typed line, and then shows who wrote it down", async () => {
    const withLine = await db.comment.findFirstOrThrow({ where: { contributionId: params.contributionId, body: "ما هم همین‌طور" } });
    const where = { commentId: withLine.id, contributionId: params.contributionId, dialogueId: dialogue.id };
    const speaker = await viewerOf(speakerId);
    expect(await getCommentTranscriptForm(null, where)).toBeNull();
    expect(await getCommentTranscriptForm(await memberAs(dialogue.id, "MODERATOR"), where)).toBeNull();
    expect(await getCommentTranscriptForm(speaker, where)).toBeNull();
    // Another contribution's address does not reach it.
    const recorder = await memberAs(dialogue.id, "RECORDER");
    expect(await getCommentTranscriptForm(recorder, { ...where, contributionId: otherContributionId })).toBeNull();

    const form = await getCommentTranscriptForm(recorder, where);
    expect(form).toMatchObject({ language: "fa", transcript: "", readBack: false, note: { pending: true, mayListen: true, audioKept: true } });
    expect(form!.translationLanguages).not.toContain("fa");

    await writeCommentTranscript(recorder, { commentId: withLine.id, transcript: "ما هم در خانهٔ ۳ اینترنت نداریم.", readBack: true });
    const again = await getCommentTranscriptForm(await hostOf(dialogue), where);
    const recorderName = (await db.user.findUniqueOrThrow({ where: { id: recorder.id }, select: { displayName: true } })).displayName;
    expect(again).toMatchObject({ transcript: "ما هم در خانهٔ ۳ اینترنت نداریم.", readBack: true, note: { pending: false, transcribedBy: recorderName, readBack: true } });

    // In the thread, for every reader (signed out too), the written-down comment carries its trace;
    // a typed comment carries none.
    const page = await loadContributionPage(null, params, {});
    if (!page?.shown) throw new Error("the contribution page is not shown");
    expect(page.commentVoices.get(withLine.id)).toEqual({
      transcribed: true,
      audioKept: true,
      trace: { machineTranscript: false, transcribedBy: recorderName, confirmedBy: recorderName, readBack: true },
    });
    const typed = await db.comment.findFirst({ where: { contributionId: params.contributionId, awaitingTranscript: false, voiceMessage: null }, select: { id: true } });
    if (typed) expect(page.commentVoices.has(typed.id)).toBe(false);
  });

  it("is reached from the thread to correct a written-down transcript, by recorders and the host team only, and the trace names who corrected it", async () => {
    const response = await post(form({ body: "کلاس زبان" }, VOICE));
    const commentId = new URL(response.headers.get("location")!).searchParams.get("comment")!;
    const recorder = await memberAs(dialogue.id, "RECORDER");
    const host = await hostOf(dialogue);
    const flags = async (viewer: Awaited<ReturnType<typeof viewerOf>> | null) => {
      const page = await loadContributionPage(viewer, params, { comment: commentId });
      if (!page?.shown) throw new Error("the contribution page is not shown");
      return { transcribe: page.commentMay[commentId]!.transcribe, voice: page.commentVoices.get(commentId) };
    };
    // A typed line is not a transcript: the link to write it down is there from the start.
    expect(await flags(recorder)).toMatchObject({ transcribe: true, voice: { transcribed: false, trace: null } });

    await writeCommentTranscript(recorder, { commentId, transcript: "کلاس زبان برای مادرها", readBack: true });
    // Written down: the same link corrects it, for the team that may transcribe — not for the speaker, a moderator or anyone else.
    expect(await flags(host)).toMatchObject({ transcribe: true, voice: { transcribed: true } });
    const others = { public: null, speaker: await viewerOf(speakerId), moderator: await memberAs(dialogue.id, "MODERATOR"), member: await participant(dialogue.id) };
    const mayTranscribe: Record<string, boolean> = {};
    for (const [who, viewer] of Object.entries(others)) mayTranscribe[who] = (await flags(viewer)).transcribe;
    expect(mayTranscribe).toEqual({ public: false, speaker: false, moderator: false, member: false });
    const where = { commentId, contributionId: params.contributionId, dialogueId: dialogue.id };
    expect(await getCommentTranscriptForm(host, where)).toMatchObject({ transcript: "کلاس زبان برای مادرها", readBack: true });

    await writeCommentTranscript(host, { commentId, transcript: "کلاس زبان برای مادرها با مهدکودک" });
    expect(await db.comment.findUniqueOrThrow({ where: { id: commentId } })).toMatchObject({ body: "کلاس زبان برای مادرها با مهدکودک", awaitingTranscript: false });
    const hostName = (await db.user.findUniqueOrThrow({ where: { id: host.id }, select: { displayName: true } })).displayName;
    // Not read back this time: the trace says so rather than keeping the earlier read-back.
    expect((await flags(null)).voice).toEqual({ transcribed: true, audioKept: true, trace: { machineTranscript: false, transcribedBy: hostName, confirmedBy: hostName, readBack: false } });

    // Once the audio is gone there is nothing to check a correction against: no link, as under a voice contribution.
    await db.voiceAudio.deleteMany({ where: { voiceMessage: { commentId } } });
    await db.voiceMessage.update({ where: { commentId }, data: { audioDeletedAt: new Date() } });
    expect(await flags(host)).toMatchObject({ transcribe: false, voice: { audioKept: false } });
  });
});
