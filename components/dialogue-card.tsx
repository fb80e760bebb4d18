import { getTranslations } from "next-intl/server";
import type { OpenDialogue } from "@/lib/dialogues/list-open-dialogues";
import { pickHostText } from "@/lib/host-texts/pick-host-text";
import { HostText, HostTextNote } from "./host-texts/host-text";
import { Link } from "./link";
import { PhaseBadge } from "./phase-badge";
import { dialoguePaths } from "@/lib/routes/paths";

export async function DialogueCard({ municipalitySlug, dialogue, locale }: { municipalitySlug: string; dialogue: OpenDialogue; locale: string }) {
  const t = await getTranslations("dialogueCard");
  const text = pickHostText({ language: dialogue.language, fields: { title: dialogue.title, summary: dialogue.summary } }, dialogue.versions, locale);
  return (
    <article className="rounded-md border border-line bg-white p-4 shadow-sm">
      <HostText
        picked={text}
        field="title"
        pageLocale={locale}
        as="h4"
        className="text-lg break-words"
        wrap={(title) => <Link href={dialoguePaths(municipalitySlug, dialogue.slug).home}>{title}</Link>}
      />
      <HostText picked={text} field="summary" pageLocale={locale} as="p" className="mt-2 break-words" />
      <HostTextNote picked={text} pageLocale={locale} className="mt-1 text-sm text-muted" />
      <p className="mt-3">
        <PhaseBadge phase={dialogue.phase} />
      </p>
      <ul aria-label={t("counts")} className="mt-3 space-y-0.5 text-sm text-muted">
        <li>{t("contributions", { count: dialogue.contributions })}</li>
        <li>{t("supports", { count: dialogue.supports, lived: dialogue.supportsFromLivedExperience })}</li>
        <li>{t("participants", { count: dialogue.participants })}</li>
      </ul>
    </article>
  );
}
