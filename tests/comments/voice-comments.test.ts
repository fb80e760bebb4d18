// Voice comments (issue 18, decision 046): a member says a comment instead of typing it; it is a
// comment like any other (thread, follow, notifications) with decision 033's rules for the audio —
// content checks, limits shared with voice contributions, heard only by the team and the speaker,
// a transcript with its trace, deleted with the comment and the account.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deleteAccount } from "@/lib/accounts/delete-account";
import { createContribution } from "@/lib/contributions/create-contribution";
import { createVoiceComment } from "@/lib/comments/create-voice-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { writeCommentTranscript } from "@/lib/comments/write-comment-transcript";
import { db } from "@/lib/db/client";
import { createVoiceContribution } from "@/lib/voice/create-voice-contribution";
import { getVoiceAudio } from "@/lib/voice/voice-audio";
import { firstThemeId } from "@/tests/support/factories";
import { hostOf, memberAs } from "@/tests/support/meetings";
import { dialogueIn, participant } from "@/tests/support/participation";
import { appErrorOf, fieldKeys } from "@/tests/support/viewers";

const VOICE = new Uint8Array(readFileSync(path.join(import.meta.dirname, "..", "voice", "fixtures", "voice.ogg")));
const off = { machineTranscription: false };

type World = Awaited<ReturnType<typeof needWithVoiceComment>>;

async function needWithVoiceComment(body?: string) {
  const dialogue = await dialogueIn("COLLECTING");
  const author = await participant(dialogue.id);
  const need = await createContribution(author, { dialogueId: dialogue.id, kind: "NEED", themeId: firstThemeId(dialogue), title: "Kein Internet", body: "In Haus 3 gibt es kein WLAN.", language: "de" });
  const speaker = await participant(dialogue.id, "LIVED_EXPERIENCE");
  const comment = await createVoiceComment(speaker, { contributionId: need.id, language: "fa", ...(body ? { body } : {}) }, VOICE, off);
  return { dialogue, author, need, speaker, comment };
}

describe("saying a comment instead of typing it", () => {
  it("is a comment pending its transcript: in the thread, the speaker follows, the contribution's author is told", async () => {
    const { author, need, speaker, comment } = await needWithVoiceComment();
    const row = await db.comment.findUniqueOrThrow({ where: { id: comment.id }, include: { voiceMessage: true } });
    expect(row).toMatchObject({ contributionId: need.id, authorId: speaker.id, body: "", awaitingTranscript: true, language: "fa" });
    expect(row.voiceMessage).toMatchObject({ mimeType: "audio/ogg", byteSize: VOICE.byteLength, contributionId: null });
    expect(await db.follow.count({ where: { userId: speaker.id, contributionId: need.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: author.id, commentId: comment.id } })).toBe(1);
  });

  it("with a typed line, reads at once with the recording beside it", async () => {
    const { comment } = await needWithVoiceComment("Bei uns auch.");
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ body: "Bei uns auch.", awaitingTranscript: false });
  });

  it("refuses what is no audio at the file field and stores nothing; the database keeps an empty body for pending voice comments only", async () => {
    const { need, speaker, comment } = await needWithVoiceComment();
    const before = await db.comment.count({ where: { contributionId: need.id } });
    expect(fieldKeys(await appErrorOf(createVoiceComment(speaker, { contributionId: need.id, language: "fa" }, new TextEncoder().encode("hello"), off)), "audio")).toEqual(["voice.errors.notAudio"]);
    expect(await db.comment.count({ where: { contributionId: need.id } })).toBe(before);
    await expect(db.comment.update({ where: { id: comment.id }, data: { awaitingTranscript: false } })).rejects.toThrow(/comment_body_length/);
    await expect(db.voiceMessage.update({ where: { commentId: comment.id }, data: { contributionId: need.id } })).rejects.toThrow(/voice_message_has_one_target/);
  });

  it("shares the hourly limit with voice contributions", async () => {
    const { dialogue, need, speaker } = await needWithVoiceComment();
    for (let sent = 1; sent < 5; sent += 1) await createVoiceContribution(speaker, { dialogueId: dialogue.id, kind: "NEED", themeId: firstThemeId(dialogue), language: "fa" }, VOICE, off);
    const error = await appErrorOf(createVoiceComment(speaker, { contributionId: need.id, language: "fa" }, VOICE, off));
    expect(error.code).toBe("RATE_LIMITED");
    expect(fieldKeys(error, "audio")).toEqual(["voice.errors.tooMany"]);
  });

  it.each([
    ["the speaker", async (world: World) => world.speaker],
    ["the host", async (world: World) => hostOf(world.dialogue)],
    ["a recorder", async (world: World) => memberAs(world.dialogue.id, "RECORDER")],
    ["a moderator", async (world: World) => memberAs(world.dialogue.id, "MODERATOR")],
  ] as const)("is heard by %s", async (_, viewerFor) => {
    const world = await needWithVoiceComment();
    const { dialogue, need, comment } = world;
    expect(Buffer.from((await getVoiceAudio(await viewerFor(world), need.id, dialogue.id, comment.id)).bytes).equals(Buffer.from(VOICE))).toBe(true);
  });

  it("is not heard by other members, and only at its own contribution", async () => {
    const { dialogue, need, comment } = await needWithVoiceComment();
    expect((await appErrorOf(getVoiceAudio(await participant(dialogue.id), need.id, dialogue.id, comment.id))).code).toBe("FORBIDDEN");
    const other = await needWithVoiceComment();
    expect((await appErrorOf(getVoiceAudio(await hostOf(dialogue), need.id, dialogue.id, other.comment.id))).code).toBe("NOT_FOUND");
  });
});

describe("the transcript of a voice comment", () => {
  it("a recorder writes it with a translation; the trace names the recorder and the read-back", async () => {
    const { dialogue, comment } = await needWithVoiceComment();
    const recorder = await memberAs(dialogue.id, "RECORDER");
    await writeCommentTranscript(recorder, { commentId: comment.id, transcript: "ما هم اینترنت نداریم.", readBack: true, translationLanguage: "de", translationBody: "Wir haben auch kein Internet." });
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ body: "ما هم اینترنت نداریم.", awaitingTranscript: false });
    const voice = await db.voiceMessage.findUniqueOrThrow({ where: { commentId: comment.id } });
    expect(voice).toMatchObject({ transcribedById: recorder.id, confirmedById: recorder.id, machineTranscript: false });
    expect(voice.readBackConfirmedAt).not.toBeNull();
    expect(await db.translation.findFirst({ where: { commentId: comment.id, language: "de" } })).toMatchObject({ body: "Wir haben auch kein Internet.", method: "VOLUNTEER", translatorId: recorder.id });
  });

  it.each([
    ["the speaker", async (world: World) => world.speaker],
    ["another member", async (world: World) => participant(world.dialogue.id)],
    ["a moderator", async (world: World) => memberAs(world.dialogue.id, "MODERATOR")],
  ] as const)("is written by recorders and the host team only, not %s", async (_, viewerFor) => {
    const world = await needWithVoiceComment();
    expect((await appErrorOf(writeCommentTranscript(await viewerFor(world), { commentId: world.comment.id, transcript: "x" }))).code).toBe("FORBIDDEN");
    expect((await db.comment.findUniqueOrThrow({ where: { id: world.comment.id } })).body).not.toBe("x");
  });
});

describe("the audio of a voice comment goes", () => {
  it("when the speaker deletes the comment", async () => {
    const { dialogue, need, speaker, comment } = await needWithVoiceComment();
    await deleteComment(speaker, { commentId: comment.id });
    expect(await db.voiceAudio.count({ where: { voiceMessage: { commentId: comment.id } } })).toBe(0);
    expect((await db.voiceMessage.findUniqueOrThrow({ where: { commentId: comment.id } })).audioDeletedAt).not.toBeNull();
    expect((await appErrorOf(getVoiceAudio(await hostOf(dialogue), need.id, dialogue.id, comment.id))).code).toBe("NOT_FOUND");
  });

  it("with the account, at once", async () => {
    const { speaker, comment } = await needWithVoiceComment();
    await deleteAccount(speaker, { confirm: true });
    expect(await db.voiceAudio.count({ where: { voiceMessage: { commentId: comment.id } } })).toBe(0);
  });
});
