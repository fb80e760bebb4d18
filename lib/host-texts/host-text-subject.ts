import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { locales } from "@/lib/i18n/routing";
import type { Resource, SignedInPermission } from "@/lib/policy/policy";
import type { HostTextVersion } from "./pick-host-text";

export const SUBJECT_KINDS = ["dialogue", "meeting", "actor", "municipality"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export type HostTextField = "title" | "summary" | "place" | "body" | "codeOfConduct";

export const subjectInput = z.object({ subject: z.enum(SUBJECT_KINDS), subjectId: z.uuid() });

/** UI languages a municipality's own texts (introduction, actors) can be written in. */
const MUNICIPALITY_LANGUAGES = [...new Set(locales.map((locale) => locale.split("-")[0]!))];

export type HostTextSubject = {
  kind: SubjectKind;
  id: string;
  /** Who may write its versions. */
  permission: SignedInPermission;
  resource: Resource;
  /** The name shown above the editor (the dialogue's title, the actor's name, …). */
  name: string;
  /** The original's language, and the languages versions can be written in (original first). */
  originalLanguage: string;
  languages: string[];
  /** The original's fields; only those it has are written in versions. */
  original: Partial<Record<HostTextField, string | null>>;
  /** Fields a version must have (empty ones are refused at the field). */
  required: HostTextField[];
  /** The Translation column that names the subject. */
  where: { dialogueId: string } | { meetingId: string } | { actorId: string } | { municipalityId: string };
  versions: (HostTextVersion & { id: string; translatorId: string | null })[];
  /** Paths for links back. */
  municipalitySlug: string;
  dialogueSlug: string | null;
};

const VERSIONS = {
  select: { id: true, language: true, method: true, checkedAt: true, outdatedAt: true, title: true, summary: true, place: true, body: true, codeOfConduct: true, translatorId: true },
} as const;

/** The subject whose texts are written: its original, its languages, its versions, its policy. */
export async function hostTextSubject(input: z.input<typeof subjectInput>): Promise<HostTextSubject> {
  const { subject, subjectId } = subjectInput.parse(input);
  const notFound = () => new AppError("NOT_FOUND", `${subject} not found`);
  if (subject === "dialogue" || subject === "meeting") {
    const dialogueSelect = { id: true, slug: true, title: true, summary: true, description: true, codeOfConduct: true, languages: true, phase: true, municipalityId: true, municipality: { select: { slug: true } } } as const;
    const meeting =
      subject === "meeting"
        ? await db.meeting.findUnique({ where: { id: subjectId }, select: { id: true, title: true, place: true, description: true, translations: VERSIONS, dialogue: { select: dialogueSelect } } })
        : null;
    const dialogue =
      meeting?.dialogue ??
      (subject === "dialogue" ? await db.dialogue.findUnique({ where: { id: subjectId }, select: { ...dialogueSelect, translations: VERSIONS } }) : null);
    if (!dialogue || (subject === "meeting" && !meeting)) throw notFound();
    const base = {
      id: subjectId,
      resource: { municipalityId: dialogue.municipalityId, dialogueId: dialogue.id, phase: dialogue.phase },
      originalLanguage: dialogue.languages[0] ?? "de",
      languages: dialogue.languages,
      municipalitySlug: dialogue.municipality.slug,
      dialogueSlug: dialogue.slug,
    };
    if (meeting) {
      return {
        ...base,
        kind: "meeting",
        permission: "meeting-text:write",
        name: meeting.title,
        original: { title: meeting.title, place: meeting.place, body: meeting.description },
        required: ["title", "place", ...(meeting.description ? (["body"] as const) : [])],
        where: { meetingId: meeting.id },
        versions: meeting.translations,
      };
    }
    return {
      ...base,
      kind: "dialogue",
      permission: "dialogue-text:write",
      name: dialogue.title,
      original: { title: dialogue.title, summary: dialogue.summary, body: dialogue.description, codeOfConduct: dialogue.codeOfConduct },
      required: ["title", "summary", "body"],
      where: { dialogueId: dialogue.id },
      versions: "translations" in dialogue ? (dialogue.translations as HostTextSubject["versions"]) : [],
    };
  }
  if (subject === "actor") {
    const actor = await db.actor.findUnique({
      where: { id: subjectId },
      select: { id: true, name: true, description: true, municipalityId: true, members: { select: { userId: true } }, municipality: { select: { slug: true, defaultLocale: true } }, translations: VERSIONS },
    });
    if (!actor) throw notFound();
    return {
      kind: "actor",
      id: actor.id,
      permission: "actor-text:write",
      resource: { municipalityId: actor.municipalityId, memberIds: actor.members.map((member) => member.userId) },
      name: actor.name,
      ...municipalityLanguages(actor.municipality.defaultLocale),
      original: { body: actor.description },
      required: ["body"],
      where: { actorId: actor.id },
      versions: actor.translations,
      municipalitySlug: actor.municipality.slug,
      dialogueSlug: null,
    };
  }
  const municipality = await db.municipality.findUnique({
    where: { id: subjectId },
    select: { id: true, slug: true, name: true, introduction: true, defaultLocale: true, translations: VERSIONS },
  });
  if (!municipality) throw notFound();
  return {
    kind: "municipality",
    id: municipality.id,
    permission: "municipality-text:write",
    resource: { municipalityId: municipality.id },
    name: municipality.name,
    ...municipalityLanguages(municipality.defaultLocale),
    original: { body: municipality.introduction },
    required: ["body"],
    where: { municipalityId: municipality.id },
    versions: municipality.translations,
    municipalitySlug: municipality.slug,
    dialogueSlug: null,
  };
}

function municipalityLanguages(defaultLocale: string) {
  const original = defaultLocale.split("-")[0]!;
  return { originalLanguage: original, languages: [original, ...MUNICIPALITY_LANGUAGES.filter((language) => language !== original)] };
}
