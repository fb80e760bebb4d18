import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import type { HostTextVersion } from "@/lib/host-texts/pick-host-text";
import { versionsSelect } from "@/lib/host-texts/version-select";
import { parseInput } from "@/lib/validation";

const inputSchema = z.object({ dialogueId: z.uuid() });

const meetingSelect = {
  id: true,
  title: true,
  description: true,
  startsAt: true,
  endsAt: true,
  place: true,
  languages: true,
  interpretationOffered: true,
  translations: versionsSelect({ title: true, place: true, body: true }),
} as const;

export type MeetingView = {
  id: string;
  title: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date | null;
  place: string;
  languages: string[];
  interpretationOffered: boolean;
  /** The language its texts were written in: the dialogue's first language. */
  language: string;
  /** Title, place and description in other languages (decision 025). */
  versions: HostTextVersion[];
};

/**
 * The meetings of a dialogue the viewer may read: upcoming ones first, soonest first, then
 * past ones, latest first. A meeting that has started but not ended is still upcoming.
 */
export async function listMeetings(
  viewer: Viewer | null,
  input: { dialogueId: string },
  now: Date = new Date(),
): Promise<{ upcoming: MeetingView[]; past: MeetingView[] }> {
  const { dialogueId } = parseInput(inputSchema, input);
  authorize(viewer, "dialogue:read", await dialogueResource(dialogueId));
  const [rows, dialogue] = await Promise.all([
    db.meeting.findMany({ where: { dialogueId }, orderBy: [{ startsAt: "asc" }, { id: "asc" }], select: meetingSelect }),
    db.dialogue.findUniqueOrThrow({ where: { id: dialogueId }, select: { languages: true } }),
  ]);
  const meetings = rows.map(({ translations, ...meeting }) => ({ ...meeting, language: dialogue.languages[0] ?? "de", versions: translations }));
  const isPast = (meeting: MeetingView) => (meeting.endsAt ?? meeting.startsAt) < now;
  return { upcoming: meetings.filter((meeting) => !isPast(meeting)), past: meetings.filter(isPast).reverse() };
}

/** The meetings to choose from when entering what was said or supported at one (all of them, latest first). */
export async function meetingOptions(dialogueId: string): Promise<{ id: string; title: string; startsAt: Date }[]> {
  return db.meeting.findMany({
    where: { dialogueId },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    select: { id: true, title: true, startsAt: true },
  });
}
