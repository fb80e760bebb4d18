import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DialogueForm } from "@/components/dialogues/dialogue-form";
import { dialogueFormProps } from "@/components/dialogues/dialogue-form-labels";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { getViewer } from "@/lib/auth/get-viewer";
import { getDialogueFormOptions } from "@/lib/dialogues/get-dialogue-form-options";
import { defaultRules } from "@/lib/host-texts/default-rules";
import { locales, type AppLocale } from "@/lib/i18n/routing";
import { createDialogueAction } from "@/lib/actions/dialogues/create-dialogue";

type Props = { params: Promise<{ locale: string; municipality: string }> };

/** For the municipality's staff only; everyone else gets the same 404 as for nothing. */
const loadOptions = cache(async (municipalitySlug: string) => getDialogueFormOptions(await getViewer(), municipalitySlug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const options = await loadOptions((await params).municipality);
  if (!options) return {};
  const t = await getTranslations("dialogueAdmin");
  return { title: `${t("newTitle")}: ${options.municipality.name}`, robots: { index: false } };
}

export default async function NewDialoguePage({ params }: Props) {
  const { locale, municipality: slug } = await params;
  const options = await loadOptions(slug);
  if (!options) notFound();
  const { municipality, themes } = options;
  // The default code of conduct in the municipality's language: the dialogue's main language.
  const municipalityLocale: AppLocale = (locales as readonly string[]).includes(municipality.defaultLocale)
    ? (municipality.defaultLocale as AppLocale)
    : "de";
  const [t, rules, form] = await Promise.all([getTranslations("dialogueAdmin"), defaultRules(municipalityLocale), dialogueFormProps(themes, "create")]);

  return (
    <ClientMessages namespaces={["dialogueValidation"]}>
      <p className="text-sm">
        <Link href={`/${municipality.slug}`}>{t("backToMunicipality", { municipality: municipality.name })}</Link>
      </p>
      <h1 className="mt-4 text-3xl">{t("newTitle")}</h1>
      <p className="mt-1 text-lg font-semibold"><bdi>{municipality.name}</bdi></p>
      <p className="mt-3 text-muted">{t("newIntro")}</p>
      <div className="mt-6">
        <DialogueForm
          action={createDialogueAction}
          hidden={{ locale, municipality: municipality.slug, municipalityId: municipality.id }}
          {...form}
          values={{
            title: "",
            summary: "",
            description: "",
            themeIds: [],
            languages: [municipalityLocale],
            // Kept as offered, the default rules stay the default, shown in each reader's language.
            codeOfConduct: rules.text,
            collectingFrom: "",
            deliberatingFrom: "",
            respondingFrom: "",
            closesAt: "",
          }}
        />
      </div>
    </ClientMessages>
  );
}
