import { firstThemeId, type DialogueWithThemes } from "@/tests/support/factories";

/** Input for an entry on someone's behalf: a paper note by a person with lived experience. */
export function offlineInput(dialogue: DialogueWithThemes, overrides: Record<string, string | boolean> = {}) {
  return {
    dialogueId: dialogue.id,
    kind: "NEED" as const,
    themeId: firstThemeId(dialogue),
    title: "Sprachkurs mit Kinderbetreuung",
    body: "Ich kann nicht zum Kurs, weil niemand auf meine Tochter aufpasst.",
    language: "fa",
    source: "PAPER" as const,
    perspective: "LIVED_EXPERIENCE" as const,
    readBackConfirmed: true as const,
    ...overrides,
  };
}
