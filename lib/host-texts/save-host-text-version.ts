import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { hostTextSubject, subjectInput, type HostTextField } from "./host-text-subject";
import { languageTagSchema } from "@/lib/i18n/language-tag";

/** Limits of a version: room for languages that need more words than the original's. */
export const VERSION_LIMITS: Record<HostTextField, number> = { title: 200, summary: 600, place: 500, body: 10000, codeOfConduct: 10000 };
export const INTRODUCTION_MAX = 5000;

const text = (max: number) => z.string().trim().max(max).optional().default("");

export const saveHostTextVersionInput = subjectInput.extend({
  language: languageTagSchema,
  title: text(VERSION_LIMITS.title),
  summary: text(VERSION_LIMITS.summary),
  place: text(VERSION_LIMITS.place),
  body: text(VERSION_LIMITS.body),
  codeOfConduct: text(VERSION_LIMITS.codeOfConduct),
});

/**
 * Those who wrote a text write it in another of its languages: the host team a dialogue's or a
 * meeting's, staff the municipality's introduction, staff or the actor's members its description
 * (method AUTHOR, decision 025). One version per language; saving replaces a volunteer's or a
 * machine's version in that language and clears `outdatedAt`. For the municipality, its own
 * language is the original introduction itself (empty removes it).
 */
export async function saveHostTextVersion(viewer: Viewer | null, input: z.input<typeof saveHostTextVersionInput>) {
  const data = parseInput(saveHostTextVersionInput, input);
  const subject = await hostTextSubject(data);
  authorize(viewer, subject.permission, subject.resource);
  const refuse = (field: string, key: string) => new AppError("INVALID_INPUT", key, { fieldErrors: { [field]: [{ key }] } });
  if (!subject.languages.includes(data.language)) throw refuse("language", "hostTexts.notALanguage");

  if (data.language === subject.originalLanguage) {
    if (subject.kind !== "municipality") throw refuse("language", "hostTexts.originalElsewhere");
    if (data.body.length > INTRODUCTION_MAX) throw refuse("body", "validation.too_long");
    await db.municipality.update({ where: { id: subject.id }, data: { introduction: data.body || null } });
    return { language: data.language, original: true };
  }

  const fields: Partial<Record<HostTextField, string | null>> = {};
  const fieldErrors: Record<string, { key: string }[]> = {};
  for (const field of ["title", "summary", "place", "body", "codeOfConduct"] as const) {
    if (subject.original[field] == null) continue;
    const value = data[field];
    if (!value && subject.required.includes(field)) fieldErrors[field] = [{ key: "validation.required" }];
    fields[field] = value || null;
  }
  if (subject.original.body == null && (subject.kind === "actor" || subject.kind === "municipality")) {
    throw refuse("body", "hostTexts.noOriginal");
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError("INVALID_INPUT", "invalid input", { fieldErrors });
  // The column is required; a meeting without a description keeps its title there, and pages
  // never show it (they show a version's description only where the original has one).
  const body = fields.body ?? fields.title!;
  const written = {
    title: fields.title ?? null,
    summary: fields.summary ?? null,
    place: fields.place ?? null,
    codeOfConduct: fields.codeOfConduct ?? null,
    body,
    method: "AUTHOR" as const,
    translatorId: viewer.id,
    checkedById: null,
    checkedAt: null,
    outdatedAt: null,
  };
  const where = { ...subject.where, language: data.language };
  const update = async () => {
    const existing = await db.translation.findFirst({ where, select: { id: true } });
    if (!existing) return null;
    return db.translation.update({ where: { id: existing.id }, data: written, select: { id: true, language: true } });
  };
  const updated = await update();
  if (updated) return { ...updated, original: false };
  try {
    return { ...(await db.translation.create({ data: { ...where, ...written }, select: { id: true, language: true } })), original: false };
  } catch (error) {
    // A volunteer or a machine wrote the same language at the same moment: the author's replaces it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ...(await update())!, original: false };
    throw error;
  }
}
