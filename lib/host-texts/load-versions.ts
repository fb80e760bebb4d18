import "server-only";
import { db } from "@/lib/db/client";
import type { HostTextVersion } from "./pick-host-text";

export type HostTextSubjects = {
  dialogueIds?: readonly string[];
  meetingIds?: readonly string[];
  actorIds?: readonly string[];
  municipalityIds?: readonly string[];
};

export type VersionsBySubject = {
  dialogues: Map<string, HostTextVersion[]>;
  meetings: Map<string, HostTextVersion[]>;
  actors: Map<string, HostTextVersion[]>;
  municipalities: Map<string, HostTextVersion[]>;
};

const SELECT = {
  dialogueId: true,
  meetingId: true,
  actorId: true,
  municipalityId: true,
  language: true,
  method: true,
  checkedAt: true,
  outdatedAt: true,
  title: true,
  summary: true,
  place: true,
  body: true,
  codeOfConduct: true,
} as const;

/**
 * Every version of the given dialogues', meetings', actors' and municipalities' texts, in one
 * query, grouped by subject: a list page picks each item's version from them.
 */
export async function loadHostTextVersions(subjects: HostTextSubjects): Promise<VersionsBySubject> {
  const or = [
    ...(subjects.dialogueIds?.length ? [{ dialogueId: { in: [...subjects.dialogueIds] } }] : []),
    ...(subjects.meetingIds?.length ? [{ meetingId: { in: [...subjects.meetingIds] } }] : []),
    ...(subjects.actorIds?.length ? [{ actorId: { in: [...subjects.actorIds] } }] : []),
    ...(subjects.municipalityIds?.length ? [{ municipalityId: { in: [...subjects.municipalityIds] } }] : []),
  ];
  const result: VersionsBySubject = { dialogues: new Map(), meetings: new Map(), actors: new Map(), municipalities: new Map() };
  if (or.length === 0) return result;
  const rows = await db.translation.findMany({ where: { OR: or }, select: SELECT });
  for (const { dialogueId, meetingId, actorId, municipalityId, ...version } of rows) {
    const [map, id] = dialogueId
      ? [result.dialogues, dialogueId]
      : meetingId
        ? [result.meetings, meetingId]
        : actorId
          ? [result.actors, actorId]
          : [result.municipalities, municipalityId];
    if (!id) continue;
    map.set(id, [...(map.get(id) ?? []), version]);
  }
  return result;
}

/** The versions of one subject, or none. */
export function versionsOf(map: Map<string, HostTextVersion[]>, id: string): HostTextVersion[] {
  return map.get(id) ?? [];
}
