import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { cache } from "react";
import { loadHostTextVersions, versionsOf } from "@/lib/host-texts/load-versions";
import { pickHostText } from "@/lib/host-texts/pick-host-text";
import { HostText } from "./host-text";

// One query per dialogue and request, however often a page names it.
const versionsOfDialogue = cache(async (dialogueId: string) => versionsOf((await loadHostTextVersions({ dialogueIds: [dialogueId] })).dialogues, dialogueId));

/**
 * A dialogue's title where a page names it (a subtitle, a link in a list): the reader's version,
 * marked with its language (decision 025).
 */
export async function DialogueTitle({
  dialogue,
  as = "span",
  className,
  wrap,
}: {
  dialogue: { id: string; title: string; languages: readonly string[] };
  as?: "p" | "span" | "h2" | "h3";
  className?: string;
  wrap?: (title: ReactNode) => ReactNode;
}) {
  const [locale, versions] = await Promise.all([getLocale(), versionsOfDialogue(dialogue.id)]);
  const picked = pickHostText({ language: dialogue.languages[0] ?? "de", fields: { title: dialogue.title } }, versions, locale);
  return <HostText picked={picked} field="title" pageLocale={locale} as={as} className={className} wrap={wrap} />;
}
