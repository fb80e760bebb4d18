import { z } from "zod";
import { locales } from "@/lib/i18n/routing";

// The fields staff fill in when they create or edit a dialogue; shared by create-dialogue and
// update-dialogue so both refuse the same things with the same messages.

/** An optional day from `<input type="date">` ("" when left empty), kept as midnight UTC. */
const day = z
  .string()
  .trim()
  .refine((value) => value === "" || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))), "validation.invalid")
  .transform((value) => (value === "" ? null : new Date(`${value}T00:00:00Z`)))
  .optional();

const PHASE_DATES = ["collectingFrom", "deliberatingFrom", "respondingFrom", "closesAt"] as const;

export const dialogueFields = z
  .object({
    title: z.string().trim().min(3).max(120),
    summary: z.string().trim().min(1).max(300),
    description: z.string().trim().min(1).max(5000),
    themeIds: z.array(z.uuid()).max(20).default([]),
    /** One new theme of the municipality's own, created on the way. */
    newThemeName: z.string().trim().max(60).optional(),
    languages: z.array(z.enum(locales)).min(1, "dialogueValidation.languagesRequired"),
    codeOfConduct: z.string().trim().min(1).max(5000),
    /** Where to get a code from the host team, shown in "How to take part"; "" publishes none. */
    teamContact: z
      .string()
      .trim()
      .max(300)
      .transform((value) => (value === "" ? null : value))
      .optional(),
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

/**
 * The fields as a form posts them: one checkbox per theme (`theme-<id>`) and per language
 * (`language-<code>`), because a form keeps one value per name (lib/actions/form-action.ts).
 */
export function dialogueFieldsFromForm(values: Record<string, unknown>) {
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const checked = (prefix: string) =>
    Object.keys(values)
      .filter((name) => name.startsWith(prefix) && values[name] === "on")
      .map((name) => name.slice(prefix.length));
  return {
    title: text("title"),
    summary: text("summary"),
    description: text("description"),
    themeIds: checked("theme-"),
    newThemeName: text("newThemeName") || undefined,
    languages: checked("language-") as (typeof locales)[number][],
    codeOfConduct: text("codeOfConduct"),
    teamContact: text("teamContact"),
    collectingFrom: text("collectingFrom"),
    deliberatingFrom: text("deliberatingFrom"),
    respondingFrom: text("respondingFrom"),
    closesAt: text("closesAt"),
  };
}
