import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Link } from "@/components/link";
import { Pagination } from "@/components/pagination";
import { UserText } from "@/components/text/user-text";
import { getViewer } from "@/lib/auth/get-viewer";
import { findDialogue } from "@/lib/dialogues/find-dialogue";
import { listModerationLog } from "@/lib/moderation/list-moderation-log";
import { NAME, WithName } from "@/components/text/with-name";
import { direction } from "@/lib/i18n/routing";
import { dialoguePaths } from "@/lib/routes/paths";
import { getFormatter } from "@/lib/i18n/format";

type Params = { locale: string; municipality: string; dialogue: string };
type Props = { params: Promise<Params>; searchParams: Promise<{ page?: string }> };

/** The dialogue, for its moderators and the municipality's staff; a 404 for everyone else. */
const loadReadable = cache(async (municipalitySlug: string, dialogueSlug: string) => {
  const viewer = await getViewer();
  const dialogue = await findDialogue(viewer, { municipalitySlug, dialogueSlug });
  if (!dialogue?.may.readModerationLog) return null;
  return { viewer, dialogue };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { municipality, dialogue } = await params;
  const loaded = await loadReadable(municipality, dialogue);
  if (!loaded) return {};
  const t = await getTranslations("moderation");
  return { title: `${t("log.title")}: ${loaded.dialogue.title}`, robots: { index: false } };
}

const PRIVATE = new Set(["MEDIATION_OPENED", "MEDIATION_CLOSED"]);

export default async function ModerationLogPage({ params, searchParams }: Props) {
  const [{ municipality, dialogue: slug }, query] = await Promise.all([params, searchParams]);
  const loaded = await loadReadable(municipality, slug);
  if (!loaded) notFound();
  const { viewer, dialogue } = loaded;
  const [log, t, format] = await Promise.all([
    listModerationLog(viewer, { dialogueId: dialogue.id, page: query.page ?? 1 }),
    getTranslations("moderation"),
    getFormatter(),
  ]);
  const paths = dialoguePaths(dialogue);
  const mayModerate = dialogue.may.moderate;
  return (
    <>
      <p className="text-sm">
        <Link href={mayModerate ? paths.moderation : paths.home}>{mayModerate ? t("queue.title") : t("backToDialogue")}</Link>
      </p>
      <h1 className="mt-4 text-3xl">{t("log.title")}</h1>
      <p className="mt-3 text-muted">{t("log.intro")}</p>
      {log.entries.length === 0 ? (
        <p className="mt-6">{t("log.empty")}</p>
      ) : (
        <ol className="mt-6 space-y-3" data-testid="moderation-log">
          {log.entries.map((entry) => (
            <li key={entry.id} className="rounded border border-line p-3">
              <p className="flex flex-wrap items-baseline gap-x-3">
                <span className="font-semibold">{t(`log.types.${entry.type}`)}</span>
                {entry.category && <span className="badge bg-surface text-ink ring-1 ring-line">{t(`categories.${entry.category}`)}</span>}
                <time dateTime={entry.createdAt.toISOString()} className="text-sm text-muted">
                  {format.dateTime(entry.createdAt, "moment")}
                </time>
              </p>
              <p className="mt-1 text-sm">{entry.actorName ? <WithName message={t("log.by", { name: NAME })} name={entry.actorName} /> : t("log.by", { name: t("deletedPerson") })}</p>
              {PRIVATE.has(entry.type) ? (
                <p className="mt-1 text-sm text-muted">{t("log.privateCase")}</p>
              ) : (
                <UserText text={entry.reason} className="mt-1" {...(entry.reasonLanguage ? { lang: entry.reasonLanguage, dir: direction(entry.reasonLanguage) } : { dir: "auto" })} />
              )}
              {entry.contributionId && (
                <p className="mt-1 text-sm">
                  <Link href={entry.commentId ? paths.comment(entry.contributionId, entry.commentId) : paths.contribution(entry.contributionId)}>
                    {entry.commentId ? t("log.toComment") : t("log.toContribution")}
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pagination pathname={paths.moderationLog} page={log.page} pageCount={log.pageCount} />
    </>
  );
}
