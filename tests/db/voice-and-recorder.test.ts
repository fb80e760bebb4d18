// With, not about: every contribution says whose voice it is, and an entry made on someone's
// behalf names who recorded it, apart from the voice (docs/design.md, principle 1).
import { describe, expect, it } from "vitest";
import { createContribution, createDialogue, createMeeting, createUser } from "@/tests/support/factories";
import { expectConstraint } from "./expect-constraint";

async function dialogueWithRecorder() {
  const dialogue = await createDialogue();
  const recorder = await createUser({ perspective: "MUNICIPAL_STAFF" });
  const voice = await createUser({ perspective: "LIVED_EXPERIENCE" });
  return { dialogue, recorder, voice };
}

describe("contribution_on_behalf_names_recorder", () => {
  it("accepts an ONLINE contribution typed by its author", async () => {
    const { dialogue, voice } = await dialogueWithRecorder();
    const contribution = await createContribution({ dialogueId: dialogue.id, authorId: voice.id });
    expect(contribution).toMatchObject({ source: "ONLINE", authorId: voice.id, recordedById: null });
  });

  it.each(["PAPER", "MEETING", "INTERPRETED"] as const)("refuses a %s entry without recordedById", async (source) => {
    const { dialogue, voice } = await dialogueWithRecorder();
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    await expectConstraint(
      createContribution({
        dialogueId: dialogue.id,
        authorId: voice.id,
        source,
        meetingId: meeting.id,
        interpreterName: "Frau Haidari",
        readBackConfirmedAt: new Date(),
      }),
      "contribution_on_behalf_names_recorder",
    );
  });

  it("refuses an ONLINE contribution that names a recorder", async () => {
    const { dialogue, recorder, voice } = await dialogueWithRecorder();
    await expectConstraint(
      createContribution({ dialogueId: dialogue.id, authorId: voice.id, recordedById: recorder.id }),
      "contribution_on_behalf_names_recorder",
    );
  });

  it("refuses an ONLINE contribution without an author account", async () => {
    const { dialogue } = await dialogueWithRecorder();
    await expectConstraint(
      createContribution({ dialogueId: dialogue.id, authorId: null }),
      "contribution_on_behalf_names_recorder",
    );
  });

  it("refuses an ONLINE contribution that carries meeting or interpretation details", async () => {
    const { dialogue, voice } = await dialogueWithRecorder();
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    await expectConstraint(
      createContribution({ dialogueId: dialogue.id, authorId: voice.id, meetingId: meeting.id }),
      "contribution_on_behalf_names_recorder",
    );
    await expectConstraint(
      createContribution({ dialogueId: dialogue.id, authorId: voice.id, interpreterName: "Herr Ahmadi" }),
      "contribution_on_behalf_names_recorder",
    );
  });

  it("accepts a PAPER entry of a voice without an account, naming the recorder", async () => {
    const { dialogue, recorder } = await dialogueWithRecorder();
    const contribution = await createContribution({
      dialogueId: dialogue.id,
      authorId: null,
      authorPerspective: "LIVED_EXPERIENCE",
      source: "PAPER",
      recordedById: recorder.id,
    });
    expect(contribution).toMatchObject({ source: "PAPER", authorId: null, recordedById: recorder.id });
  });
});

describe("contribution_recorder_is_not_the_voice", () => {
  it("refuses an entry whose recorder is its author", async () => {
    const { dialogue, voice } = await dialogueWithRecorder();
    await expectConstraint(
      createContribution({ dialogueId: dialogue.id, authorId: voice.id, source: "PAPER", recordedById: voice.id }),
      "contribution_recorder_is_not_the_voice",
    );
  });

  it("refuses an entry whose interpreter is its author", async () => {
    const { dialogue, recorder, voice } = await dialogueWithRecorder();
    await expectConstraint(
      createContribution({
        dialogueId: dialogue.id,
        authorId: voice.id,
        source: "INTERPRETED",
        recordedById: recorder.id,
        interpreterId: voice.id,
        readBackConfirmedAt: new Date(),
      }),
      "contribution_recorder_is_not_the_voice",
    );
  });

  it("accepts a PAPER entry for an account holder recorded by someone else", async () => {
    const { dialogue, recorder, voice } = await dialogueWithRecorder();
    const contribution = await createContribution({
      dialogueId: dialogue.id,
      authorId: voice.id,
      source: "PAPER",
      recordedById: recorder.id,
    });
    expect(contribution.recordedById).toBe(recorder.id);
  });
});

describe("contribution_meeting_source_names_meeting", () => {
  it("refuses a MEETING entry without meetingId", async () => {
    const { dialogue, recorder } = await dialogueWithRecorder();
    await expectConstraint(
      createContribution({
        dialogueId: dialogue.id,
        authorId: null,
        source: "MEETING",
        recordedById: recorder.id,
        readBackConfirmedAt: new Date(),
      }),
      "contribution_meeting_source_names_meeting",
    );
  });

  it("accepts a MEETING entry naming the meeting, read back and confirmed", async () => {
    const { dialogue, recorder } = await dialogueWithRecorder();
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    const contribution = await createContribution({
      dialogueId: dialogue.id,
      authorId: null,
      source: "MEETING",
      recordedById: recorder.id,
      meetingId: meeting.id,
      readBackConfirmedAt: new Date(),
    });
    expect(contribution.meetingId).toBe(meeting.id);
  });
});

describe("contribution_interpreted_names_interpreter", () => {
  async function interpretedEntry(interpreter: { interpreterId?: string; interpreterName?: string | null }) {
    const { dialogue, recorder } = await dialogueWithRecorder();
    return createContribution({
      dialogueId: dialogue.id,
      authorId: null,
      language: "fa",
      source: "INTERPRETED",
      recordedById: recorder.id,
      readBackConfirmedAt: new Date(),
      ...interpreter,
    });
  }

  it("refuses an INTERPRETED entry whose interpreter name is blank", async () => {
    await expectConstraint(interpretedEntry({ interpreterName: "   " }), "contribution_interpreted_names_interpreter");
  });

  it("refuses an INTERPRETED entry without any interpreter", async () => {
    await expectConstraint(interpretedEntry({ interpreterName: null }), "contribution_interpreted_names_interpreter");
  });

  it("accepts an INTERPRETED entry naming an interpreter without an account", async () => {
    const contribution = await interpretedEntry({ interpreterName: "Frau Haidari" });
    expect(contribution.interpreterName).toBe("Frau Haidari");
  });

  it("accepts an INTERPRETED entry naming an interpreter's account", async () => {
    const interpreter = await createUser({ perspective: "LOCAL_ACTOR" });
    const contribution = await interpretedEntry({ interpreterId: interpreter.id });
    expect(contribution.interpreterId).toBe(interpreter.id);
  });
});

describe("contribution_spoken_entry_read_back", () => {
  it("refuses a MEETING entry that was not read back", async () => {
    const { dialogue, recorder } = await dialogueWithRecorder();
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    await expectConstraint(
      createContribution({
        dialogueId: dialogue.id,
        authorId: null,
        source: "MEETING",
        recordedById: recorder.id,
        meetingId: meeting.id,
      }),
      "contribution_spoken_entry_read_back",
    );
  });

  it("refuses an INTERPRETED entry that was not read back", async () => {
    const { dialogue, recorder } = await dialogueWithRecorder();
    await expectConstraint(
      createContribution({
        dialogueId: dialogue.id,
        authorId: null,
        source: "INTERPRETED",
        recordedById: recorder.id,
        interpreterName: "Herr Ahmadi",
      }),
      "contribution_spoken_entry_read_back",
    );
  });

  it("does not ask a PAPER entry to be read back", async () => {
    const { dialogue, recorder } = await dialogueWithRecorder();
    const contribution = await createContribution({
      dialogueId: dialogue.id,
      authorId: null,
      source: "PAPER",
      recordedById: recorder.id,
    });
    expect(contribution.readBackConfirmedAt).toBeNull();
  });
});
