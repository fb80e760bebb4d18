import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DialogueTitle } from "@/components/host-texts/dialogue-title";
import { KindBadge } from "@/components/kind-badge";
import { Link } from "@/components/link";
import { NAME, WithName } from "@/components/text/with-name";
import { getViewer } from "@/lib/auth/get-viewer";
import { direction } from "@/lib/i18n/routing";
import { getRecordedPage } from "@/lib/receipts/list-recorded";
import { visibleContribution } from "@/lib/policy/visibility";
import { dialoguePaths, withQuery } from "@/lib/routes/paths";
import { getFormatter } from "@/lib/i18n/format";

type Params = { locale: string; municipality: string; dialogue: string };
type Props = { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const load = cache(async (municipalitySlug: string, dialogueSlug: string, all: boolean) =>
  getRecordedPage(await getViewer(), { municipalitySlug, dialogueSlug, all }),
);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ municipality, dialogue }, query] = await Promise.all([params, searchParams]);
  const loaded = await load(municipality, dialogue, query.all === "1");
  if (!loaded) return {};
  const t = await getTranslations("recorded");
  return { title: loaded.all ? t("allTitle") : t("title"), robots: { index: false } };
}

/**
 * "Recorded by me" (decision 032): what a recorder entered on someone's behalf in this dialogue,
 * with its status and its receipt's, and the way to print a slip again; the host team switches to
 * every recorded voice. No codes in the list (the slip shows it), no perspectives.
 */
export default async function RecordedPage({ params, searchParams }: Props) {
  const [{ municipality, dialogue: dialogueSlug }, query] = await Promise.all([params, searchParams]);
  const loaded = await load(municipality, dialogueSlug, query.all === "1");
  if (!loaded) notFound();
  const { dialogue, access, all, rows, more } = loaded;
  const [t, receipt, meetings, statuses, sources, format] = await Promise.all([
    getTranslations("recorded"),
    getTranslations("receipt"),
    getTranslations("meetings"),
    getTranslations("statuses"),
    getTranslations("onBehalf.sources"),
    getFormatter(),
  ]);
  const paths = dialoguePaths(dialogue);

  return (
    <>
      <p className="text-sm">
        <Link href={paths.home}>{meetings("back")}</Link>
      </p>
      <DialogueTitle dialogue={dialogue} as="p" className="mt-4 text-sm text-muted" />
      <h1 className="mt-1 text-3xl">{all ? t("allTitle") : t("title")}</h1>
      <p className="mt-3">{all ? t("introAll") : t("intro")}</p>
      {access.all && (
        <p className="mt-3">
          <Link href={all ? paths.recorded : withQuery(paths.recorded, { all: 1 })} className="font-semibold">
            {all ? t("mineLink") : t("allLink")}
          </Link>
        </p>
      )}

      {rows.length === 0 ? (
        <p className="mt-6" data-testid="recorded-none">{all ? t("noneAll") : t("none")}</p>
      ) : (
        <ul className="mt-6 space-y-4" data-testid="recorded-list">
          {rows.map((row) => {
            const own = { lang: row.language, dir: direction(row.language) } as const;
            const shown = visibleContribution.holds(row);
            return (
              <li key={row.id} className="rounded border border-line p-3" data-testid="recorded-item">
                <KindBadge kind={row.kind} />
                <h2 id={`recorded-${row.id}`} className="mt-2 text-xl break-words" {...own}>
                  {shown ? <Link href={paths.contribution(row.id)}>{row.title}</Link> : row.title}
                </h2>
                <p className="mt-1 text-sm text-muted">
                  {t("recordedOn", { date: format.dateTime(row.createdAt, "day") })}
                  {row.source !== "ONLINE" && ` · ${sources(row.source)}`}
                  {row.recorder !== null && (
                    <>
                      {" · "}
                      <WithName message={t("recordedBy", { name: NAME })} name={row.recorder} />
                    </>
                  )}
                </p>
                <p className="mt-2">
                  {shown ? (
                    <>
                      {receipt("status")} <span className="badge bg-phase-bg text-phase-ink">{statuses(row.status)}</span>
                    </>
                  ) : (
                    t("notShown")
                  )}
                </p>
                <p className="mt-1" data-testid="recorded-receipt">
                  {row.attachedAt
                    ? t("receiptAttached", { date: format.dateTime(row.attachedAt, "day") })
                    : row.rotatedAt
                      ? t("receiptReplaced", { date: format.dateTime(row.rotatedAt, "day") })
                      : t("receiptOpen")}
                </p>
                {row.mayReprint && (
                  <p className="mt-2">
                    <Link href={paths.receipt(row.id)} className="font-semibold" aria-describedby={`recorded-${row.id}`}>
                      {t("reprint")}
                    </Link>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {more && <p className="mt-4 text-muted">{t("more", { count: rows.length })}</p>}
    </>
  );
}
