// Unique keys: one support per person and contribution (so tallies stay exact under
// concurrency), one membership per person and dialogue, and the other natural keys.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import {
  addMember,
  createContribution,
  createDialogue,
  createMeeting,
  createMunicipality,
  createUser,
  unique,
  uniqueInvitationCode,
} from "@/tests/support/factories";
import { asRefusal, expectConstraint } from "./expect-constraint";

async function needAndSupporter() {
  const dialogue = await createDialogue();
  const need = await createContribution({ dialogueId: dialogue.id });
  const supporter = await createUser({ perspective: "LOCAL_ACTOR" });
  return { dialogue, need, supporter };
}

function support(contributionId: string, user: Pick<User, "id" | "perspective">) {
  return db.support.create({ data: { contributionId, userId: user.id, perspective: user.perspective } });
}

describe("Support_contributionId_userId_key", () => {
  it("refuses a second support by the same person for the same contribution", async () => {
    const { need, supporter } = await needAndSupporter();
    await support(need.id, supporter);
    const refused = await expectConstraint(support(need.id, supporter), "Support_contributionId_userId_key");
    expect(refused.sqlState).toBe("23505");
    expect(await db.support.count({ where: { contributionId: need.id } })).toBe(1);
  });

  it("accepts a second person's support, and the same person's support of another contribution", async () => {
    const { dialogue, need, supporter } = await needAndSupporter();
    const secondSupporter = await createUser({ perspective: "LIVED_EXPERIENCE" });
    const otherNeed = await createContribution({ dialogueId: dialogue.id });
    await support(need.id, supporter);
    await support(need.id, secondSupporter);
    await support(otherNeed.id, supporter);
    expect(await db.support.count({ where: { contributionId: need.id } })).toBe(2);
  });

  it("keeps exactly one of many simultaneous supports by one person", async () => {
    const { need, supporter } = await needAndSupporter();
    const attempts = await Promise.allSettled(Array.from({ length: 8 }, () => support(need.id, supporter)));
    const refused = attempts.filter((attempt) => attempt.status === "rejected");
    expect(attempts.length - refused.length).toBe(1);
    expect(refused.map((attempt) => asRefusal(attempt.reason).constraint)).toEqual(refused.map(() => "Support_contributionId_userId_key"));
    expect(await db.support.count({ where: { contributionId: need.id } })).toBe(1);
  });
});

describe("other natural keys", () => {
  it("refuses a second membership of a person in the same dialogue", async () => {
    const dialogue = await createDialogue();
    const person = await createUser();
    await addMember(dialogue.id, person.id, "PARTICIPANT");
    await expectConstraint(addMember(dialogue.id, person.id, "CO_HOST"), "Membership_userId_dialogueId_key");
  });

  it("refuses a second tally for the same contribution, meeting and perspective", async () => {
    const { dialogue, need } = await needAndSupporter();
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    const tally = { contributionId: need.id, meetingId: meeting.id, recordedById: meeting.createdById };
    await db.meetingSupport.create({ data: { ...tally, perspective: "LIVED_EXPERIENCE", count: 12 } });
    await db.meetingSupport.create({ data: { ...tally, perspective: "LOCAL_ACTOR", count: 4 } });
    await expectConstraint(
      db.meetingSupport.create({ data: { ...tally, perspective: "LIVED_EXPERIENCE", count: 3 } }),
      "MeetingSupport_contributionId_meetingId_perspective_key",
    );
  });

  it("refuses an invitation code that is already taken", async () => {
    const dialogue = await createDialogue();
    const invitation = {
      dialogueId: dialogue.id,
      code: uniqueInvitationCode(),
      expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000),
      maxUses: 50,
      createdById: dialogue.createdById,
    };
    await db.invitation.create({ data: invitation });
    await expectConstraint(db.invitation.create({ data: invitation }), "Invitation_code_key");
  });

  it("refuses a dialogue slug that the municipality already uses, not one another municipality uses", async () => {
    const dialogue = await createDialogue();
    await expectConstraint(
      createDialogue({ municipalityId: dialogue.municipalityId, slug: dialogue.slug }),
      "Dialogue_municipalityId_slug_key",
    );
    const elsewhere = await createDialogue({ municipalityId: (await createMunicipality()).id, slug: dialogue.slug });
    expect(elsewhere.slug).toBe(dialogue.slug);
  });

  it("refuses an e-mail address that another account uses", async () => {
    const email = `${unique("amina")}@example.org`;
    await createUser({ email });
    await expectConstraint(createUser({ email }), "User_email_key");
  });
});
