// Quick polls (issue 19, decision 048): the host team asks, members answer once (changeable while
// open), recorders enter hands counted at meetings apart from online answers, and the database
// holds one answer per person and poll under concurrency.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { answerPoll } from "@/lib/polls/answer-poll";
import { closePoll } from "@/lib/polls/close-poll";
import { createPoll } from "@/lib/polls/create-poll";
import { listPolls } from "@/lib/polls/list-polls";
import { recordPollMeetingCount } from "@/lib/polls/record-poll-meeting-count";
import { savePollText } from "@/lib/polls/save-poll-text";
import { pollState } from "@/lib/polls/poll-state";
import type { DialoguePhase } from "@/lib/generated/prisma/enums";
import { createMeeting, createUser } from "@/tests/support/factories";
import { hostOf, memberAs } from "@/tests/support/meetings";
import { dialogueIn, participant } from "@/tests/support/participation";
import { appErrorOf, fieldKeys, viewerOf } from "@/tests/support/viewers";
import { closeNow, pollIn } from "@/tests/support/polls";
import { refusedRule } from "@/lib/dialogues/advance-phase";

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    // A trigger's rule by name; a CHECK or a foreign key by its code and message (which names it).
    return refusedRule(error) ?? (error instanceof Prisma.PrismaClientKnownRequestError ? `${error.code} ${error.message}` : String(error));
  }
  return "accepted";
}

describe("createPoll", () => {
  it("lets the host team add a poll with its answers in order, and nobody else", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const coHost = await memberAs(dialogue.id, "CO_HOST", "LIVED_EXPERIENCE");
    const input = { dialogueId: dialogue.id, question: "Wann passt das Dialogcafé?", choice: "MULTIPLE" as const, openFor: "phase" as const, phase: "COLLECTING" as const, answer1: "Morgens", answer2: "Abends", answer3: "" };
    const { id } = await createPoll(coHost, input);
    const poll = await db.poll.findUniqueOrThrow({ where: { id }, include: { options: { orderBy: { position: "asc" } } } });
    expect(poll.options.map((option) => option.label)).toEqual(["Morgens", "Abends"]);
    expect(poll).toMatchObject({ choice: "MULTIPLE", phase: "COLLECTING", closesAt: null });

    expect((await appErrorOf(createPoll(await participant(dialogue.id), input))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(createPoll(await memberAs(dialogue.id, "RECORDER"), input))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(createPoll(null, input))).code).toBe("UNAUTHENTICATED");
  });

  it.each([
    ["one answer only", { answer2: "" }, "answer2", "polls.validation.twoAnswers"],
    ["the same answer twice", { answer2: "ja" }, "answer2", "polls.validation.sameAnswer"],
    ["a period without its end", { closesAt: "" }, "closesAt", "validation.required"],
    ["an end before the start", { opensAt: "2030-05-02T10:00", closesAt: "2030-05-01T10:00" }, "closesAt", "polls.validation.closesAfterOpens"],
    ["an empty question", { question: "  " }, "question", "validation.required"],
  ])("refuses %s at its field", async (_name, overrides, field, key) => {
    const dialogue = await dialogueIn("COLLECTING");
    const error = await appErrorOf(
      createPoll(await hostOf(dialogue), { dialogueId: dialogue.id, question: "Frage?", choice: "SINGLE", openFor: "period", closesAt: "2030-01-01T10:00", answer1: "Ja", answer2: "Nein", ...overrides }),
    );
    expect(fieldKeys(error, field)).toContain(key);
  });

  it("holds in the database: a period or a phase, exactly one; a poll only closes, once; its answers are fixed", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const poll = await pollIn(dialogue);
    expect(await refusal(db.$executeRaw`UPDATE "Poll" SET "phase" = 'COLLECTING' WHERE "id" = ${poll.id}::uuid`)).toBe("poll_only_closes");
    expect(
      await refusal(db.poll.create({ data: { dialogueId: dialogue.id, question: "?", createdById: dialogue.createdById, closesAt: new Date(Date.now() + 1000), phase: "COLLECTING" } })),
    ).toContain("poll_open_for_period_or_phase");
    expect(await refusal(db.poll.create({ data: { dialogueId: dialogue.id, question: "?", createdById: dialogue.createdById } }))).toContain("poll_open_for_period_or_phase");
    expect(await refusal(db.pollOption.update({ where: { id: poll.options[0]!.id }, data: { label: "Vielleicht" } }))).toBe("poll_options_are_fixed");
    expect(await refusal(db.poll.delete({ where: { id: poll.id } }))).toBe("poll_only_closes");
    await closePoll(await hostOf(dialogue), { pollId: poll.id });
    expect(await refusal(db.poll.update({ where: { id: poll.id }, data: { closedAt: null } }))).toBe("poll_only_closes");
  });
});

describe("answerPoll", () => {
  it("takes one answer per member, changeable while open, and refuses those who are not members", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const poll = await pollIn(dialogue);
    const member = await participant(dialogue.id, "LIVED_EXPERIENCE");
    await answerPoll(member, { pollId: poll.id, optionIds: [poll.options[0]!.id] });
    await answerPoll(member, { pollId: poll.id, optionIds: [poll.options[1]!.id] });
    const rows = await db.pollAnswer.findMany({ where: { pollId: poll.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: member.id, perspective: "LIVED_EXPERIENCE", optionIds: [poll.options[1]!.id] });
    const [mine] = await listPolls(member, { dialogueId: dialogue.id, locale: "de" });
    expect(mine!.mine).toEqual([poll.options[1]!.id]);

    const stranger = await viewerOf((await createUser()).id);
    expect((await appErrorOf(answerPoll(stranger, { pollId: poll.id, optionIds: [poll.options[0]!.id] }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(answerPoll(null, { pollId: poll.id, optionIds: [poll.options[0]!.id] }))).code).toBe("UNAUTHENTICATED");
  });

  it("takes several answers of a multiple-choice poll, one of a single-choice poll, and only its own options", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const single = await pollIn(dialogue);
    const multiple = await pollIn(dialogue, { choice: "MULTIPLE" });
    const member = await participant(dialogue.id);
    await answerPoll(member, { pollId: multiple.id, optionIds: [multiple.options[0]!.id, multiple.options[2]!.id] });
    expect((await db.pollAnswer.findFirstOrThrow({ where: { pollId: multiple.id } })).optionIds).toEqual([multiple.options[0]!.id, multiple.options[2]!.id]);

    const two = await appErrorOf(answerPoll(member, { pollId: single.id, optionIds: [single.options[0]!.id, single.options[1]!.id] }));
    expect(fieldKeys(two, "optionIds")).toEqual(["polls.validation.chooseAnswer"]);
    const foreign = await appErrorOf(answerPoll(member, { pollId: single.id, optionIds: [multiple.options[0]!.id] }));
    expect(fieldKeys(foreign, "optionIds")).toEqual(["polls.validation.chooseAnswer"]);
    const none = await appErrorOf(answerPoll(member, { pollId: single.id, optionIds: [] }));
    expect(fieldKeys(none, "optionIds")).toEqual(["polls.validation.chooseAnswer"]);

    // The database holds the same rule for any writer.
    const user = await createUser();
    const insert = (pollId: string, optionIds: string[]) =>
      db.pollAnswer.create({ data: { pollId, dialogueId: dialogue.id, userId: user.id, perspective: "NOT_STATED", optionIds } });
    expect(await refusal(insert(single.id, [single.options[0]!.id, single.options[1]!.id]))).toBe("poll_answer_fits_poll");
    expect(await refusal(insert(single.id, [multiple.options[0]!.id]))).toBe("poll_answer_fits_poll");
    expect(await refusal(insert(multiple.id, [multiple.options[0]!.id, multiple.options[0]!.id]))).toBe("poll_answer_fits_poll");
    expect(await refusal(insert(multiple.id, []))).toBe("poll_answer_fits_poll");
  });

  it("refuses answers, changes and withdrawals once the poll is closed, and before a phase poll's phase", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const poll = await pollIn(dialogue);
    const later = await pollIn(dialogue, { phase: "DELIBERATING" });
    const member = await participant(dialogue.id);
    await answerPoll(member, { pollId: poll.id, optionIds: [poll.options[0]!.id] });
    await closePoll(await hostOf(dialogue), { pollId: poll.id });

    const closed = await appErrorOf(answerPoll(member, { pollId: poll.id, optionIds: [poll.options[1]!.id] }));
    expect(closed).toMatchObject({ code: "CONFLICT", details: { reason: "closed" } });
    const upcoming = await appErrorOf(answerPoll(member, { pollId: later.id, optionIds: [later.options[1]!.id] }));
    expect(upcoming).toMatchObject({ code: "CONFLICT", details: { reason: "upcoming" } });

    expect(await refusal(db.pollAnswer.updateMany({ where: { pollId: poll.id }, data: { optionIds: [poll.options[1]!.id] } }))).toBe("poll_answer_while_open");
    expect(await refusal(db.pollAnswer.deleteMany({ where: { pollId: poll.id } }))).toBe("poll_answer_while_open");
    expect((await db.pollAnswer.findFirstOrThrow({ where: { pollId: poll.id } })).optionIds).toEqual([poll.options[0]!.id]);
  });

  it("keeps one answer per person when the same person submits many times at once (real Postgres)", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const poll = await pollIn(dialogue);
    const member = await participant(dialogue.id);
    const others = await Promise.all(Array.from({ length: 4 }, () => participant(dialogue.id, "LOCAL_ACTOR")));
    const submissions = Array.from({ length: 24 }, (_, index) => answerPoll(member, { pollId: poll.id, optionIds: [poll.options[index % 3]!.id] }));
    const theirs = others.map((other) => answerPoll(other, { pollId: poll.id, optionIds: [poll.options[0]!.id] }));
    const results = await Promise.allSettled([...submissions, ...theirs]);
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(await db.pollAnswer.count({ where: { pollId: poll.id, userId: member.id } })).toBe(1);
    expect(await db.pollAnswer.count({ where: { pollId: poll.id } })).toBe(5);

    // Writers that bypass the domain meet the unique index all the same.
    const raced = await Promise.allSettled(
      Array.from({ length: 8 }, () => db.pollAnswer.create({ data: { pollId: poll.id, dialogueId: dialogue.id, userId: others[0]!.id, perspective: "LOCAL_ACTOR", optionIds: [poll.options[1]!.id] } })),
    );
    expect(raced.every((result) => result.status === "rejected")).toBe(true);
    expect(await db.pollAnswer.count({ where: { pollId: poll.id, userId: others[0]!.id } })).toBe(1);
  });
});

describe("poll state", () => {
  const phases: DialoguePhase[] = ["DRAFT", "COLLECTING", "DELIBERATING", "RESPONDING", "CLOSED"];
  const hour = 60 * 60 * 1000;
  const now = Date.now();
  const timings = [
    { opensAt: new Date(now - hour), closesAt: new Date(now + hour), phase: null, closedAt: null },
    { opensAt: new Date(now + hour), closesAt: new Date(now + 2 * hour), phase: null, closedAt: null },
    { opensAt: new Date(now - 2 * hour), closesAt: new Date(now - hour), phase: null, closedAt: null },
    { opensAt: new Date(now - hour), closesAt: new Date(now + hour), phase: null, closedAt: new Date(now - 1000) },
    ...(["COLLECTING", "DELIBERATING", "RESPONDING"] as const).map((phase) => ({ opensAt: new Date(now - hour), closesAt: null, phase, closedAt: null })),
  ];

  it("is the same rule in memory and in the database (poll_state), for every timing and phase", async () => {
    const cases = timings.flatMap((timing) => phases.map((phase) => ({ timing, phase })));
    const sql = await Promise.all(
      cases.map(async ({ timing, phase }) => {
        const [row] = await db.$queryRaw<{ state: string }[]>`
          SELECT "poll_state"(ROW(gen_random_uuid(), gen_random_uuid(), 'q', 'SINGLE', ${timing.opensAt}::timestamp, ${timing.closesAt}::timestamp,
                 ${timing.phase}::"DialoguePhase", ${timing.closedAt}::timestamp, gen_random_uuid(), now())::"Poll", ${phase}::"DialoguePhase", (now() AT TIME ZONE 'UTC')) AS "state"`;
        return row!.state;
      }),
    );
    expect(sql).toEqual(cases.map(({ timing, phase }) => pollState(timing, phase)));
    expect(new Set(sql)).toEqual(new Set(["upcoming", "open", "closed"]));
  });
});

describe("recordPollMeetingCount", () => {
  it("counts hands per answer and perspective apart from online answers, and corrects rather than adds", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const poll = await pollIn(dialogue);
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    const recorder = await memberAs(dialogue.id, "RECORDER");
    const [yes, no] = poll.options;
    await recordPollMeetingCount(recorder, { pollId: poll.id, meetingId: meeting.id, perspective: "LIVED_EXPERIENCE", counts: { [yes!.id]: "9", [no!.id]: "2" } });
    await recordPollMeetingCount(recorder, { pollId: poll.id, meetingId: meeting.id, perspective: "LIVED_EXPERIENCE", counts: { [yes!.id]: 8, [no!.id]: 3 } });
    for (let i = 0; i < 5; i++) await answerPoll(await participant(dialogue.id, "LIVED_EXPERIENCE"), { pollId: poll.id, optionIds: [no!.id] });
    await closeNow(poll.id);

    const [view] = await listPolls(null, { dialogueId: dialogue.id, locale: "de" });
    const lived = (tallies: NonNullable<NonNullable<typeof view>["tallies"]>["online"]) => tallies.find((row) => row.perspective === "LIVED_EXPERIENCE");
    expect(lived(view!.tallies!.atMeetings)).toEqual({ perspective: "LIVED_EXPERIENCE", shown: true, people: 11, counts: [8, 3, 0] });
    expect(lived(view!.tallies!.online)).toEqual({ perspective: "LIVED_EXPERIENCE", shown: true, people: 5, counts: [0, 5, 0] });
    expect(view!.tallies!.meetings).toEqual([{ id: meeting.id, title: meeting.title, startsAt: meeting.startsAt, language: dialogue.languages[0] }]);
  });

  it.each([
    ["a negative count", "-3", "validation.too_small_number"],
    ["a count past the limit", "20000", "validation.too_big_number"],
    ["a fraction", "2.5", "validation.invalid"],
    ["a word", "drei", "validation.invalid"],
  ])("refuses %s at its answer's field (counts.<option id>, the form's field name), writing nothing", async (_name, value, key) => {
    const dialogue = await dialogueIn("COLLECTING");
    const poll = await pollIn(dialogue);
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    const [yes, no] = poll.options;
    const error = await appErrorOf(
      recordPollMeetingCount(await memberAs(dialogue.id, "RECORDER"), { pollId: poll.id, meetingId: meeting.id, perspective: "LOCAL_ACTOR", counts: { [yes!.id]: "4", [no!.id]: value } }),
    );
    expect(fieldKeys(error, `counts.${no!.id}`)).toEqual([key]);
    expect(fieldKeys(error, `counts.${yes!.id}`)).toEqual([]);
    expect(await db.pollMeetingCount.count({ where: { pollId: poll.id } })).toBe(0);
  });

  it("lets only recorders and the host team count, and only at the poll's own dialogue's meetings", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const poll = await pollIn(dialogue);
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    const elsewhere = await createMeeting({ dialogueId: (await dialogueIn("COLLECTING")).id });
    const input = { pollId: poll.id, meetingId: meeting.id, perspective: "LOCAL_ACTOR" as const, counts: { [poll.options[0]!.id]: 4 } };
    expect((await appErrorOf(recordPollMeetingCount(await participant(dialogue.id), input))).code).toBe("FORBIDDEN");
    const wrongMeeting = await appErrorOf(recordPollMeetingCount(await hostOf(dialogue), { ...input, meetingId: elsewhere.id }));
    expect(fieldKeys(wrongMeeting, "meetingId")).toEqual(["validation.invalid"]);
    expect(
      await refusal(
        db.pollMeetingCount.create({ data: { pollId: poll.id, dialogueId: dialogue.id, meetingId: elsewhere.id, optionId: poll.options[0]!.id, perspective: "LOCAL_ACTOR", count: 3, recordedById: dialogue.createdById } }),
      ),
    ).toContain("P2003");
  });
});

describe("savePollText", () => {
  it("writes the question and answers in another of the dialogue's languages, which readers of that language get", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    await db.dialogue.update({ where: { id: dialogue.id }, data: { languages: ["de", "ar"] } });
    const poll = await pollIn(dialogue);
    const input = { pollId: poll.id, language: "ar", question: "هل يحتاج السكن إلى غرفة للدراسة؟", answers: ["نعم", "لا", "لا أعرف"] };
    expect((await appErrorOf(savePollText(await participant(dialogue.id), input))).code).toBe("FORBIDDEN");
    expect(fieldKeys(await appErrorOf(savePollText(await hostOf(dialogue), { ...input, language: "uk" })), "language")).toEqual(["validation.invalid"]);
    expect((await appErrorOf(savePollText(await hostOf(dialogue), { ...input, answers: ["نعم"] }))).code).toBe("INVALID_INPUT");
    await savePollText(await hostOf(dialogue), input);

    const [arabic] = await listPolls(null, { dialogueId: dialogue.id, locale: "ar" });
    expect(arabic!.text).toEqual({ question: input.question, answers: input.answers, language: "ar", source: "author", checked: false });
    const [german] = await listPolls(null, { dialogueId: dialogue.id, locale: "de" });
    expect(german!.text).toMatchObject({ language: "de", source: "original" });
    const [asked] = await listPolls(null, { dialogueId: dialogue.id, locale: "de", requested: "ar" });
    expect(asked!.text.language).toBe("ar");
  });
});

describe("pages that show polls follow their writes (decision 037)", () => {
  it("bumps the dialogue's public version on a new poll, its version in another language, a count and closing (an answer does not: tests/polls/poll-privacy.test.ts)", async () => {
    const { PublicVersions, isNewer } = await import("@/lib/cache/public-version");
    const versions = new PublicVersions((sql, params) => db.$queryRawUnsafe(sql, ...params));
    const dialogue = await dialogueIn("COLLECTING");
    await db.dialogue.update({ where: { id: dialogue.id }, data: { languages: ["de", "ar"] } });
    const scope = { kind: "dialogueId" as const, dialogueId: dialogue.id };
    const host = await hostOf(dialogue);
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    let poll: Awaited<ReturnType<typeof pollIn>> | undefined;
    const steps: Record<string, () => Promise<unknown>> = {
      "a new poll": async () => (poll = await pollIn(dialogue)),
      "its Arabic version": () => savePollText(host, { pollId: poll!.id, language: "ar", question: "سؤال؟", answers: ["نعم", "لا", "لا أعرف"] }),
      "a count at a meeting": () => recordPollMeetingCount(host, { pollId: poll!.id, meetingId: meeting.id, perspective: "LOCAL_ACTOR", counts: { [poll!.options[0]!.id]: 6 } }),
      closing: () => closePoll(host, { pollId: poll!.id }),
    };
    const bumped: Record<string, boolean> = {};
    for (const [step, write] of Object.entries(steps)) {
      const before = await versions.read(scope);
      await write();
      bumped[step] = isNewer((await versions.read(scope))!, before!);
    }
    expect(bumped).toEqual({ "a new poll": true, "its Arabic version": true, "a count at a meeting": true, closing: true });
  });
});
