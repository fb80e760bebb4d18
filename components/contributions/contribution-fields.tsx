import type { ReactNode } from "react";
import type { FieldInfo } from "@/components/form/form";
import { CheckboxField, ChoiceField, SelectField, TextAreaField, TextField } from "@/components/form/form-fields";
import { PhotoFields, type Translate } from "@/components/images/photo-fields";
import { photoParts } from "@/components/images/photo-parts";
import { Section } from "@/components/section";
import type { FormState } from "@/lib/actions/form-state";
import { BODY_MAX, TITLE_MAX } from "@/lib/contributions/limits";

// What a need or proposal says, the same fields whether its author posts it (post-form.tsx), says
// it (voice/voice-form.tsx) or someone records it on their behalf
// (on-behalf/offline-contribution-form.tsx; issue 17, step 4, decisions 063 and 072).
// Not a client module, as photo-fields.tsx (decision 040): the texts come in as `t`.

export type Option = { value: string; label: string; lang?: string; dir?: "ltr" | "rtl" };

/** What the fields offer, in the reader's language (new-contribution-page.tsx, contributionChoices). */
export type ContributionChoices = {
  dialogueId: string;
  themes: Option[];
  /** The languages it may be written in, each option in its own. */
  languages: Option[];
  defaultLanguage: string;
  /** "Where is it about" (components/districts/place-options.ts); empty: no such field. */
  places: Option[];
};

type Common = {
  /** The whole catalogue (`post.…`, `onBehalf.…`), as the server's getTranslations or the client's useTranslations give it. */
  t: Translate;
  /** Whose words the hints speak of: the writer's own, or those of the person someone records. */
  onBehalf?: boolean;
  /** The values to show when they are not the form's own answer (after a similar offer, decision 051). */
  state?: FormState;
};

type Props = Common & {
  /** The "images" texts. */
  images: Translate;
  choices: ContributionChoices;
  /** The kind chosen at first (the voice page takes it from its address). */
  defaultKind?: "NEED" | "PROPOSAL";
  /** In place of the title and the text: what the voice form asks instead (its language, the recording, a short title). */
  words?: ReactNode;
  /** False where the form asks for the language itself, with how the words reached us (the on-behalf form). */
  withLanguage?: boolean;
  /** After the text: the similar ones found while typing (the post form). */
  afterText?: ReactNode;
  /** Before the photo fields: photos kept over an offer (the post form). */
  beforePhotos?: ReactNode;
  /** The photo places offered (the post form: those not taken by a kept photo). */
  photoIndexes?: readonly number[];
};

function languageLabel(t: Translate, onBehalf: boolean): string {
  return onBehalf ? t("onBehalf.language") : t("post.language");
}

/**
 * The fields' names for the form's error summary (they sit inside <ContributionFields>); `words`:
 * the names of the fields the form put in place of the title and the text.
 */
export function contributionSummaryFields(
  t: Translate,
  { themes, places }: ContributionChoices,
  { onBehalf = false, words }: { onBehalf?: boolean; words?: Record<string, FieldInfo> } = {},
): Record<string, FieldInfo> {
  return {
    kind: { label: t("post.kindLegend"), firstOption: "NEED" },
    themeId: { label: t("post.theme"), firstOption: themes[0]?.value },
    ...(!words && { title: { label: t("post.title") }, body: { label: t("post.body") } }),
    ...(places.length > 0 && { place: { label: t("post.place") } }),
    language: { label: languageLabel(t, onBehalf) },
    ...words,
    // A member's own post asks it inside <CodeOfConductFields>.
    ...(!onBehalf && { acceptCodeOfConduct: { label: t("post.acceptCodeOfConduct") } }),
  };
}

/** The language the words are in; its options carry their own `lang` and direction. `label`: the form's own question (the voice form's). */
export function LanguageField({ t, onBehalf = false, label, state, choices: { languages, defaultLanguage } }: Common & { label?: string; choices: ContributionChoices }) {
  return <SelectField name="language" state={state} label={label ?? languageLabel(t, onBehalf)} options={languages} defaultValue={defaultLanguage} />;
}

/** The dialogue's code of conduct (`children`) to accept before a member's first post is sent. */
export function CodeOfConductFields({ t, state, children }: { t: Translate; state?: FormState; children: ReactNode }) {
  return (
    <Section id="code-of-conduct" heading={t("post.codeOfConductHeading")} headingClassName="text-xl" className="mb-4 rounded border border-line bg-surface p-4">
      <p className="mt-1 mb-3 text-sm text-muted">{t("post.codeOfConductIntro")}</p>
      <div className="mb-4 space-y-2">{children}</div>
      <CheckboxField name="acceptCodeOfConduct" state={state} label={t("post.acceptCodeOfConduct")} />
    </Section>
  );
}

/** Need or proposal, theme, title and text (or the form's `words`), place, language and photos, in that order. */
export function ContributionFields({
  t,
  onBehalf = false,
  state,
  images,
  choices,
  defaultKind = "NEED",
  words,
  withLanguage = true,
  afterText,
  beforePhotos,
  photoIndexes,
}: Props) {
  const { dialogueId, themes, languages, defaultLanguage, places } = choices;
  const hints = onBehalf ? "onBehalf" : "post";
  // The language chosen, after a refused post the one the person picked.
  const chosen = state?.status === "error" ? state.values.language : undefined;
  const written = languages.find((option) => option.value === chosen) ?? languages.find((option) => option.value === defaultLanguage);
  return (
    <>
      <input type="hidden" name="dialogueId" value={dialogueId} />
      <ChoiceField
        name="kind"
        state={state}
        legend={t("post.kindLegend")}
        defaultValue={defaultKind}
        options={[
          { value: "NEED", label: t("post.need"), hint: t("post.needHint") },
          { value: "PROPOSAL", label: t("post.proposal"), hint: t("post.proposalHint") },
        ]}
      />
      <ChoiceField name="themeId" legend={t("post.theme")} state={state} options={themes} />
      {words ?? (
        <>
          <TextField name="title" state={state} label={t("post.title")} hint={t(`${hints}.titleHint`)} maxLength={TITLE_MAX} required />
          <TextAreaField name="body" state={state} label={t("post.body")} hint={t(`${hints}.bodyHint`)} rows={8} maxLength={BODY_MAX} required />
        </>
      )}
      {afterText}
      {places.length > 0 && <SelectField name="place" state={state} label={t("post.place")} hint={t("post.placeHint")} options={places} defaultValue={places[0]?.value} />}
      {withLanguage && <LanguageField t={t} onBehalf={onBehalf} state={state} choices={choices} />}
      {beforePhotos}
      {/* Described in the language of the text (decisions 050, 055). */}
      <PhotoFields parts={photoParts} t={images} language={{ lang: written?.lang ?? defaultLanguage, dir: written?.dir ?? "ltr" }} state={state} indexes={photoIndexes} />
    </>
  );
}
