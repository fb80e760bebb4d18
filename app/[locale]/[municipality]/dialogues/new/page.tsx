import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DialogueForm } from "@/components/dialogues/dialogue-form";
import { dialogueFormProps } from "@/components/dialogues/dialogue-form-labels";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { getViewer } from "@/lib/auth/get-viewer";
import { loadNewDialoguePage } from "@/lib/pages/staff-pages";
import { defaultRules } from "@/lib/host-texts/default-rules";
import { locales, type AppLocale } from "@/lib/i18n/routing";
import { createDialogueAction } from "@/lib/actions/dialogues/create-dialogue";
import { MunicipalityPageHeader } from "@/components/municipalities/municipality-page-header";
import { staffPageMetadata } from "@/lib/municipalities/staff-page-metadata";
import { municipalityPaths } from "@/lib/routes/paths";

type Props = { params: Promise<{ locale: string; municipality: string }> };

/** For the municipality's staff only; everyone else gets the same 404 as for nothing. */
const loadOptions = async (municipalitySlug: string) => loadNewDialoguePage(await getViewer(), municipalitySlug);

export const generateMetadata = staffPageMetadata(loadOptions, async ({ municipality }) => ({ title: (await getTranslations("dialogueAdmin"))("newTitle"), municipality: municipality.name }));

export default async function NewDialoguePage({ params }: Props) {
  const { locale, municipality: slug } = await params;
  const options = await loadOptions(slug);
  if (!options) notFound();
  const { municipality, themes, defaultLocale } = options;
  // The default code of conduct in the municipality's language: the dialogue's main language.
  const municipalityLocale: AppLocale = (locales as readonly string[]).includes(defaultLocale)
    ? (defaultLocale as AppLocale)
    : "de";
  const [t, rules, form] = await Promise.all([getTranslations("dialogueAdmin"), defaultRules(municipalityLocale), dialogueFormProps(themes, "create")]);

  return (
    <ClientMessages namespaces={["dialogueValidation"]} forms>
      <MunicipalityPageHeader
        back={<Link href={municipalityPaths(municipality.slug).home}>{t("backToMunicipality", { municipality: municipality.name })}</Link>}
        title={t("newTitle")}
        municipality={municipality.name}
        intro={t("newIntro")}
      />
      <div className="mt-6">
        <DialogueForm
          action={createDialogueAction.bind(null, { locale, municipality: municipality.slug, view: "newDialogue" })}
          ids={{ municipalityId: municipality.id }}
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
