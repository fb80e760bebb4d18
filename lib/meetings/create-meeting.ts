import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { insertNotifications } from "@/lib/notifications/insert-notifications";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { checkboxGroup, parseInput } from "@/lib/validation";
import { fromLocalTime } from "./meeting-time";
import { languageTagSchema } from "@/lib/i18n/language-tag";

export const MEETING_TITLE_MAX = 200;
export const MEETING_DESCRIPTION_MAX = 2000;
export const MEETING_PLACE_MAX = 300;

/** A datetime-local value in the municipality's zone, as an instant. */
const localTime = z.string().trim().transform((value, context) => {
  const date = fromLocalTime(value);
  if (!date) {
    context.addIssue({ code: "custom", message: value === "" ? "validation.required" : "validation.invalid" });
    return z.NEVER;
  }
  return date;
});

export const createMeetingInput = z
  .object({
    dialogueId: z.uuid(),
    title: z.string().trim().min(1).max(MEETING_TITLE_MAX),
    description: z.string().trim().max(MEETING_DESCRIPTION_MAX).optional(),
    startsAt: localTime,
    endsAt: localTime.optional(),
    place: z.string().trim().min(1).max(MEETING_PLACE_MAX),
    /** One checkbox per language (`language-<code>`). */
    languages: checkboxGroup("language-", z.array(languageTagSchema).max(20).default([])),
    interpretationOffered: z.boolean().default(false),
  })
  .superRefine((meeting, context) => {
    if (meeting.endsAt && meeting.endsAt <= meeting.startsAt) {
      context.addIssue({ code: "custom", path: ["endsAt"], message: "meetings.endsBeforeStart" });
    }
  });

/**
 * The host team announces a meeting of the dialogue (date and time in the municipality's zone,
 * place, the languages spoken there, whether interpretation is offered). Its languages are
 * some of the dialogue's.
 */
export async function createMeeting(viewer: Viewer | null, input: z.input<typeof createMeetingInput>) {
  const data = parseInput(createMeetingInput, input);
  const resource = await dialogueResource(data.dialogueId);
  authorize(viewer, "meeting:manage", resource);
  const dialogue = await db.dialogue.findUniqueOrThrow({ where: { id: data.dialogueId }, select: { languages: true } });
  if (data.languages.some((language) => !dialogue.languages.includes(language))) {
    throw new AppError("INVALID_INPUT", "invalid input", { fieldErrors: { languages: [{ key: "validation.invalid" }] } });
  }
  return db.$transaction(async (tx) => {
    const meeting = await tx.meeting.create({
      data: {
        dialogueId: data.dialogueId,
        title: data.title,
        description: data.description || null,
        startsAt: data.startsAt,
        endsAt: data.endsAt ?? null,
        place: data.place,
        // In the dialogue's order, each once.
        languages: dialogue.languages.filter((language) => data.languages.includes(language)),
        interpretationOffered: data.interpretationOffered,
        createdById: viewer.id,
      },
      select: { id: true, dialogueId: true },
    });
    // Members and followers of a published dialogue hear of it; in a draft, only the host team belongs, and it planned the meeting.
    if (resource.phase !== "DRAFT") {
      await insertNotifications(
        tx,
        { subjectId: data.dialogueId, dialogueId: data.dialogueId, to: [{ type: "MEETING_ADDED", audience: { kind: "dialogueFollowers", dialogueId: data.dialogueId } }] },
        viewer.id,
      );
    }
    return meeting;
  });
}
