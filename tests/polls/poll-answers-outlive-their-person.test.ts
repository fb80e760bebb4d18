// A person who answered a poll can still be deleted (decision 054): when a messenger contact's
// account row goes (STOP, or forgotten a month after its last message), its poll answers stay,
// anonymous — only the perspective snapshot and the choice remain — so the per-perspective results
// stay what they were, also the published ones of a closed poll. An account deleted by its person
// keeps its (anonymised) row, and the answers with it.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deleteAccount } from "@/lib/accounts/delete-account";
import { encrypt } from "@/lib/channels/crypto";
import { deleteContact, findOrCreateContact, forgetFinishedContacts, FINISHED_CONTACT_DAYS } from "@/lib/channels/contacts";
import { refusedRule } from "@/lib/dialogues/advance-phase";
import { db } from "@/lib/db/client";
import { answerPoll } from "@/lib/polls/answer-poll";
import { listPolls } from "@/lib/polls/list-polls";
import { tallyClosedPolls } from "@/lib/polls/poll-results";
import { addMember } from "@/tests/support/factories";
import { dialogueIn, participant } from "@/tests/support/participation";
import { closeNow, pollIn } from "@/tests/support/polls";
import { viewerOf } from "@/tests/support/viewers";

process.env.CHANNEL_ENCRYPTION_KEY = randomBytes(32).toString("base64");

/** A messenger contact of the dialogue's town, who joined the dialogue with lived experience. */
async function contactIn(dialogue: { id: string; municipalityId: string }) {
  const channel =
    (await db.messengerChannel.findFirst({ where: { municipalityId: dialogue.municipalityId } })) ??
    (await db.messengerChannel.create({
      data: { municipalityId: dialogue.municipalityId, provider: "TWILIO", enabled: true, number: "+4930901860", accountRef: `AC${"3".repeat(32)}`, secretEncrypted: encrypt("token") },
    }));
  const number = `+49151${String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, "0")}`;
  const { id } = await findOrCreateContact(channel.id, "SMS", number, "ar");
  const contact = await db.channelContact.findUniqueOrThrow({ where: { id }, select: { id: true, userId: true } });
  await db.user.update({ where: { id: contact.userId }, data: { perspective: "LIVED_EXPERIENCE" } });
  await addMember(dialogue.id, contact.userId, "PARTICIPANT", { codeOfConductAcceptedAt: new Date() });
  return { ...contact, viewer: await viewerOf(contact.userId) };
}

/** Four more people with lived experience answer the first option: the group of five is shown. */
async function fourMoreAnswers(dialogueId: string, poll: { id: string; options: { id: string }[] }) {
  for (let i = 0; i < 4; i += 1) await answerPoll(await participant(dialogueId, "LIVED_EXPERIENCE"), { pollId: poll.id, optionIds: [poll.options[0]!.id] });
}

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return refusedRule(error) ?? String(error);
  }
  return "accepted";
}

describe("poll answers when their person is deleted", () => {
  it("stay, anonymous, when a contact who answered a closed poll sends STOP: the published results do not change", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const poll = await pollIn(dialogue);
    const contact = await contactIn(dialogue);
    await answerPoll(contact.viewer, { pollId: poll.id, optionIds: [poll.options[1]!.id] });
    await fourMoreAnswers(dialogue.id, poll);
    await closeNow(poll.id);
    const before = (await tallyClosedPolls([poll])).get(poll.id)!;
    expect(before.online[0]).toMatchObject({ perspective: "LIVED_EXPERIENCE", shown: true, people: 5, counts: [4, 1, 0] });

    await db.$transaction((tx) => deleteContact(contact.id, tx));

    expect(await db.user.findUnique({ where: { id: contact.userId } })).toBeNull();
    const answers = await db.pollAnswer.findMany({ where: { pollId: poll.id, userId: null } });
    expect(answers).toEqual([expect.objectContaining({ perspective: "LIVED_EXPERIENCE", optionIds: [poll.options[1]!.id] })]);
    expect((await tallyClosedPolls([poll])).get(poll.id)).toEqual(before);
    const [listed] = await listPolls(null, { dialogueId: dialogue.id, locale: "de" });
    expect(listed!.tallies).toEqual(before);
  });

  it("stay counted when a contact is forgotten while the poll is open, and nobody can change or take back such an answer", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const poll = await pollIn(dialogue);
    const contact = await contactIn(dialogue);
    await answerPoll(contact.viewer, { pollId: poll.id, optionIds: [poll.options[2]!.id] });
    await db.channelContact.update({ where: { id: contact.id }, data: { lastInboundAt: new Date(Date.now() - (FINISHED_CONTACT_DAYS + 1) * 24 * 60 * 60 * 1000) } });

    await forgetFinishedContacts();

    expect(await db.channelContact.findUnique({ where: { id: contact.id } })).toBeNull();
    expect(await db.user.findUnique({ where: { id: contact.userId } })).toBeNull();
    const [anonymous] = await db.pollAnswer.findMany({ where: { pollId: poll.id } });
    expect(anonymous).toMatchObject({ userId: null, perspective: "LIVED_EXPERIENCE", optionIds: [poll.options[2]!.id] });

    expect(await refusal(db.pollAnswer.update({ where: { id: anonymous!.id }, data: { optionIds: [poll.options[0]!.id] } }))).toBe("poll_answer_fits_poll");
    expect(await refusal(db.pollAnswer.delete({ where: { id: anonymous!.id } }))).toBe("poll_answer_fits_poll");
    const someone = await participant(dialogue.id);
    expect(await refusal(db.pollAnswer.update({ where: { id: anonymous!.id }, data: { userId: someone.id } }))).toBe("poll_answer_fits_poll");
    expect(
      await refusal(db.pollAnswer.create({ data: { pollId: poll.id, dialogueId: dialogue.id, userId: null, perspective: "LIVED_EXPERIENCE", optionIds: [poll.options[0]!.id] } })),
    ).toBe("poll_answer_fits_poll");

    await fourMoreAnswers(dialogue.id, poll);
    await closeNow(poll.id);
    expect((await tallyClosedPolls([poll])).get(poll.id)!.online[0]).toMatchObject({ shown: true, people: 5, counts: [4, 0, 1] });
  });

  it("stay with the anonymised account when a member deletes their account", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const poll = await pollIn(dialogue);
    const member = await participant(dialogue.id, "LOCAL_ACTOR");
    await answerPoll(member, { pollId: poll.id, optionIds: [poll.options[0]!.id] });
    await closeNow(poll.id);

    await deleteAccount(member, { confirm: true });

    expect(await db.user.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ deletedAt: expect.any(Date), displayName: "—" });
    expect(await db.pollAnswer.findMany({ where: { pollId: poll.id } })).toEqual([expect.objectContaining({ userId: member.id, perspective: "LOCAL_ACTOR" })]);
  });
});
