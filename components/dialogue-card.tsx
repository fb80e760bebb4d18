import { getTranslations } from "next-intl/server";
import type { OpenDialogue } from "@/lib/dialogues/list-open-dialogues";
import { direction } from "@/lib/i18n/routing";
import { Link } from "./link";
import { PhaseBadge } from "./phase-badge";

export async function DialogueCard({ municipalitySlug, dialogue }: { municipalitySlug: string; dialogue: OpenDialogue }) {
  const t = await getTranslations("dialogueCard");
  const lang = { lang: dialogue.language, dir: direction(dialogue.language) };
  return (
    <article className="rounded-md border border-line bg-white p-4 shadow-sm">
      <h4 className="text-lg" {...lang}>
        <Link href={`/${municipalitySlug}/${dialogue.slug}`}>{dialogue.title}</Link>
      </h4>
      <p className="mt-2" {...lang}>
        {dialogue.summary}
      </p>
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
