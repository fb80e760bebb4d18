import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ExportForm } from "@/components/exports/export-form";
import { getViewer } from "@/lib/auth/get-viewer";
import { findDialogue } from "@/lib/dialogues/find-dialogue";
import { APP_ERROR_STATUS, type AppErrorCode } from "@/lib/errors";
import { RECORD_TYPE_KEYS } from "@/lib/exports/definition";
import { EXPORT_FORMATS, EXPORT_SCHEMA_PATH, SEPARATORS } from "@/lib/exports/export-dialogue";
import { DialogueSubpageHeader } from "@/components/dialogues/dialogue-subpage-header";
import { ClientMessages } from "@/components/identity/client-messages";
import { apiPaths, dialoguePaths, localized } from "@/lib/routes/paths";

type Params = { locale: string; municipality: string; dialogue: string };
type Props = { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** For moderators and staff of the dialogue's municipality; everyone else gets the same 404 as for none. */
const loadExportableDialogue = cache(async (municipalitySlug: string, dialogueSlug: string) => {
  const viewer = await getViewer();
  const dialogue = await findDialogue(viewer, { municipalitySlug, dialogueSlug });
  if (!dialogue?.may.export) return null;
  return { dialogue, canIncludeHidden: dialogue.may.exportHidden };
});

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { municipality, dialogue: slug } = await params;
  const found = await loadExportableDialogue(municipality, slug);
  if (!found) return {};
  const t = await getTranslations("exports");
  return { title: `${t("title")}: ${found.dialogue.title}`, robots: { index: false } };
}

const isErrorCode = (value: unknown): value is AppErrorCode => typeof value === "string" && value in APP_ERROR_STATUS;

export default async function ExportPage({ params, searchParams }: Props) {
  const [{ locale, municipality, dialogue: slug }, query] = await Promise.all([params, searchParams]);
  const found = await loadExportableDialogue(municipality, slug);
  if (!found) notFound();
  const { dialogue, canIncludeHidden } = found;
  const [t, errors] = await Promise.all([getTranslations("exports"), getTranslations("errors")]);
  const paths = dialoguePaths(dialogue);
  const error = isErrorCode(query.error) && query.error !== "RATE_LIMITED" ? query.error : null;

  return (
    <ClientMessages namespaces={[]} forms>
      <DialogueSubpageHeader dialogue={dialogue} original back={{ href: paths.home, label: t("backToDialogue") }} heading={t("title")} />
      <p className="mt-3">{t("intro")}</p>
      <p className="mt-2 text-muted">{t("anonymity")}</p>
      <p className="mt-2 text-muted">{t("readable")}</p>
      {error && (
        <p role="alert" className="mt-4 rounded border-s-4 border-danger bg-danger-soft p-3 font-semibold text-danger">
          {errors(error)}
        </p>
      )}
      <ExportForm
        action={localized(locale, paths.exportDownload)}
        canIncludeHidden={canIncludeHidden}
        labels={{
          recordType: t("recordType"),
          recordTypeHint: t("recordTypeHint"),
          recordTypes: RECORD_TYPE_KEYS.map((key) => ({ value: key, label: t(`recordTypes.${key}`) })),
          format: t("format"),
          formats: EXPORT_FORMATS.map((format) => ({ value: format, label: t(`formats.${format}`) })),
          separator: t("separator"),
          separators: SEPARATORS.map((separator) => ({ value: separator, label: t(`separators.${separator}`) })),
          includeHidden: t("includeHidden"),
          includeHiddenHint: t("includeHiddenHint"),
          submit: t("submit"),
        }}
      />
      <ul className="mt-8 list-disc space-y-1 ps-6 text-sm">
        <li>
          <a href={EXPORT_SCHEMA_PATH}>{t("schemaLink")}</a>
        </li>
        <li>
          <a href={apiPaths.openApi()}>{t("apiLink")}</a>
        </li>
      </ul>
    </ClientMessages>
  );
}
