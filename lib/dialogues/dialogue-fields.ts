import { z } from "zod";
import { locales } from "@/lib/i18n/routing";
import { checkboxGroup } from "@/lib/validation";

// The fields staff fill in when they create or edit a dialogue; shared by create-dialogue and
// update-dialogue so both refuse the same things with the same messages.

/** An optional day from `<input type="date">` (null when left empty), kept as midnight UTC. */
const day = z
  .string()
  .trim()
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)), "validation.invalid")
  .transform((value) => new Date(`${value}T00:00:00Z`))
  .nullable()
  .optional();

const PHASE_DATES = ["collectingFrom", "deliberatingFrom", "respondingFrom", "closesAt"] as const;

export const dialogueFields = z
  .object({
    title: z.string().trim().min(3).max(120),
    summary: z.string().trim().min(1).max(300),
    description: z.string().trim().min(1).max(5000),
    /** One checkbox per theme (`theme-<id>`) and per language (`language-<code>`). */
    themeIds: checkboxGroup("theme-", z.array(z.uuid()).max(20).default([])),
    /** One new theme of the municipality's own, created on the way. */
    newThemeName: z.string().trim().max(60).optional(),
    languages: checkboxGroup("language-", z.array(z.enum(locales)).min(1, "dialogueValidation.languagesRequired")),
    codeOfConduct: z.string().trim().min(1).max(5000),
    /** Where to get a code from the host team, shown in "How to take part"; null (left empty) publishes none. */
    teamContact: z.string().trim().min(1).max(300).nullable().optional(),
    collectingFrom: day,
    deliberatingFrom: day,
    respondingFrom: day,
    closesAt: day,
  })
  .superRefine((fields, context) => {
    if (fields.themeIds.length === 0 && !fields.newThemeName) {
      context.addIssue({ code: "custom", path: ["themeIds"], message: "dialogueValidation.themesRequired" });
    }
    // Each phase date that is given comes after the ones before it.
    let previous: Date | null = null;
    for (const name of PHASE_DATES) {
      const date = fields[name];
      if (!date) continue;
      if (previous && date < previous) context.addIssue({ code: "custom", path: [name], message: "dialogueValidation.datesOutOfOrder" });
      previous = date;
    }
  });

export type DialogueFields = z.output<typeof dialogueFields>;

/** The languages in a stable order, the municipality's own first: the first is the dialogue's main language. */
export function orderLanguages(languages: readonly string[], mainLanguage: string): string[] {
  const unique = locales.filter((locale) => languages.includes(locale));
  return [...unique.filter((l) => l === mainLanguage), ...unique.filter((l) => l !== mainLanguage)];
}

export function phaseDates(fields: DialogueFields) {
  return {
    collectingFrom: fields.collectingFrom ?? null,
    deliberatingFrom: fields.deliberatingFrom ?? null,
    respondingFrom: fields.respondingFrom ?? null,
    closesAt: fields.closesAt ?? null,
  };
}
