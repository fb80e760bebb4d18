import "server-only";
import { getTranslations } from "next-intl/server";
import { autonym } from "@/lib/i18n/language-names";
import { direction, locales } from "@/lib/i18n/routing";
import { getThemeNamer } from "@/lib/i18n/theme-names";
import type { DialogueFormLabels } from "./dialogue-form";

/** The form's labels in the UI language, and its options: the municipality's themes, the UI languages by their own names. */
export async function dialogueFormProps(themes: { id: string; key: string | null; name: string }[], submit: "create" | "save") {
  const [t, themeName] = await Promise.all([getTranslations("dialogueAdmin"), getThemeNamer()]);
  const labels: DialogueFormLabels = {
    title: t("title"),
    titleHint: t("titleHint"),
    summary: t("summary"),
    summaryHint: t("summaryHint"),
    description: t("description"),
    descriptionHint: t("descriptionHint"),
    themes: t("themes"),
    themesHint: t("themesHint"),
    newTheme: t("newTheme"),
    newThemeHint: t("newThemeHint"),
    languages: t("languages"),
    languagesHint: t("languagesHint"),
    codeOfConduct: t("codeOfConduct"),
    codeOfConductHint: t("codeOfConductHint"),
    teamContact: t("teamContact"),
    teamContactHint: t("teamContactHint"),
    dates: t("dates"),
    datesHint: t("datesHint"),
    collectingFrom: t("collectingFrom"),
    deliberatingFrom: t("deliberatingFrom"),
    respondingFrom: t("respondingFrom"),
    closesAt: t("closesAt"),
    submit: t(submit),
  };
  return {
    labels,
    themes: themes.map((theme) => ({ value: theme.id, label: themeName(theme) })),
    languages: locales.map((locale) => ({ value: locale, label: autonym(locale), lang: locale, dir: direction(locale) })),
  };
}

/** A stored day as `<input type="date">` wants it. */
export function dateValue(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "";
}
