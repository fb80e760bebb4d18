"use client";

// The fields a person says about themselves, the same at sign-up and on the account page.
// Deliberately nothing about origin, nationality, asylum or residence status (docs/design.md).
import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, ChoiceField, TextField } from "@/components/form/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { SELF_DECLARED_PERSPECTIVES, type Perspective } from "@/lib/perspectives/perspectives";

export type LanguageOption = { locale: string; name: string; dir: "ltr" | "rtl" };

// "Municipal staff" is not offered: it comes from the STAFF role, never from a profile.
export const PERSPECTIVES = SELF_DECLARED_PERSPECTIVES;

export type ProfileValues = {
  displayName?: string;
  locale: string;
  perspective?: Perspective;
  showPerspective?: boolean;
};

export function ProfileFields({
  state,
  languages,
  values,
}: {
  state?: FormState;
  languages: LanguageOption[];
  values: ProfileValues;
}) {
  const t = useTranslations("join");
  return (
    <>
      <TextField
        name="displayName"
        label={t("displayName")}
        hint={t("displayNameHint")}
        state={state}
        defaultValue={values.displayName}
        autoComplete="nickname"
        maxLength={60}
        required
      />
      <ChoiceField
        name="locale"
        legend={t("language")}
        hint={t("languageHint")}
        state={state}
        defaultValue={values.locale}
        options={languages.map(({ locale, name, dir }) => ({
          value: locale,
          label: (
            <span lang={locale} dir={dir}>
              {name}
            </span>
          ),
        }))}
      />
      <ChoiceField
        name="perspective"
        legend={t("perspective")}
        hint={t("perspectiveHint")}
        state={state}
        defaultValue={values.perspective}
        options={PERSPECTIVES.map((perspective) => ({ value: perspective, label: t(`perspectives.${perspective}`) }))}
      />
      <CheckboxField
        name="showPerspective"
        label={t("showPerspective")}
        hint={t("showPerspectiveHint")}
        state={state}
        defaultChecked={values.showPerspective}
      />
    </>
  );
}
