import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Link } from "@/components/link";
import { QrImage } from "@/components/qr-image";
import { getViewer } from "@/lib/auth/get-viewer";
import { findDialogue } from "@/lib/dialogues/find-dialogue";
import { publicUrl } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { getInvitationPoster } from "@/lib/invitations/get-invitation-poster";
import { formatInvitationCode } from "@/lib/invitations/invitation-code";
import { direction, routing } from "@/lib/i18n/routing";
import { translatorFor } from "@/lib/i18n/translator";
import "./poster.css";
import { dialoguePaths, sitePaths } from "@/lib/routes/paths";

type Params = { locale: string; municipality: string; dialogue: string; invitationId: string };
type Props = { params: Promise<Params> };

/** The invitation of this dialogue, for its host team only; everyone else gets a 404. */
const loadPoster = cache(async (municipalitySlug: string, dialogueSlug: string, invitationId: string) => {
  const viewer = await getViewer();
  const dialogue = await findDialogue(viewer, { municipalitySlug, dialogueSlug });
  if (!dialogue?.may.invite) return null;
  try {
    const poster = await getInvitationPoster(viewer, { invitationId });
    return poster && poster.dialogue.id === dialogue.id ? poster : null;
  } catch (error) {
    if (isAppError(error, "FORBIDDEN") || isAppError(error, "UNAUTHENTICATED")) return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { municipality, dialogue, invitationId } = await params;
  const poster = await loadPoster(municipality, dialogue, invitationId);
  if (!poster) return {};
  const t = await getTranslations("poster");
  return { title: `${t("title")}: ${poster.dialogue.title}`, robots: { index: false } };
}

export default async function PosterPage({ params }: Props) {
  const { municipality, dialogue, invitationId } = await params;
  const poster = await loadPoster(municipality, dialogue, invitationId);
  if (!poster) notFound();

  // Without a locale: the phone's language decides (the proxy adds it from Accept-Language).
  const joinUrl = publicUrl(sitePaths.join(poster.code));
  const typedAddress = joinUrl.replace(/^https?:\/\//, "");
  const code = formatInvitationCode(poster.code);
  // The explanation in every language of the dialogue that has a catalogue, each in itself.
  const languages = [...new Set(poster.dialogue.languages)].filter((language) => hasLocale(routing.locales, language));
  const [t, statuses, lines] = await Promise.all([
    getTranslations("poster"),
    getTranslations("invitations.statuses"),
    Promise.all(
      languages.map(async (language) => ({ language, text: (await translatorFor(language, "poster"))("join") })),
    ),
  ]);
  const mainLanguage = poster.dialogue.languages[0] ?? "de";
  const paths = dialoguePaths(poster.dialogue);

  return (
    <>
      <div className="space-y-3 print:hidden">
        <p className="text-sm">
          <Link href={paths.invitations}>{t("back")}</Link>
        </p>
        {poster.status !== "valid" && (
          <p role="alert" className="rounded border-s-4 border-danger bg-danger-soft p-3 font-semibold text-danger">
            {t("notValid", { status: statuses(poster.status) })}
          </p>
        )}
        <p className="text-muted">{t("printHint")}</p>
      </div>

      <article className="poster-sheet mt-6 flex flex-col items-center gap-5 rounded border-2 border-ink p-6 text-center print:mt-0 print:border-0 print:p-0">
        <p className="text-lg text-muted print:text-2xl"><bdi>{poster.dialogue.municipality.name}</bdi></p>
        <h1 className="text-3xl print:text-5xl" lang={mainLanguage} dir={direction(mainLanguage)}>
          {poster.dialogue.title}
        </h1>
        <QrImage url={joinUrl} label={t("qrCode")} className="poster-qr max-w-72" />
        <p>
          <span className="block text-lg text-muted">{t("code")}</span>
          <span className="block font-mono text-4xl font-bold tracking-wider sm:text-5xl print:text-7xl" dir="ltr" data-testid="poster-code">
            {code}
          </span>
        </p>
        <p>
          <span className="block text-lg text-muted">{t("address")}</span>
          <span className="block font-mono text-lg font-semibold sm:text-xl print:text-2xl" dir="ltr">
            {typedAddress}
          </span>
        </p>
        <ul className="space-y-2 text-xl print:text-2xl">
          {lines.map(({ language, text }) => (
            <li key={language} lang={language} dir={direction(language)}>
              {text}
            </li>
          ))}
        </ul>
      </article>
    </>
  );
}
