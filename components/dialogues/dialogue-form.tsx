"use client";

import { SubmitButton, TextAreaField, TextField } from "@/components/form/form-fields";
import { CheckboxGroup, type CheckboxOption } from "@/components/form/checkbox-group";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";
import { IdFields, type FormIds } from "@/components/form/id-fields";

export type DialogueFormLabels = {
  title: string;
  titleHint: string;
  summary: string;
  summaryHint: string;
  description: string;
  descriptionHint: string;
  themes: string;
  themesHint: string;
  newTheme: string;
  newThemeHint: string;
  languages: string;
  languagesHint: string;
  codeOfConduct: string;
  codeOfConductHint: string;
  teamContact: string;
  teamContactHint: string;
  dates: string;
  datesHint: string;
  collectingFrom: string;
  deliberatingFrom: string;
  respondingFrom: string;
  closesAt: string;
  submit: string;
};

export type DialogueFormValues = {
  title: string;
  summary: string;
  description: string;
  themeIds: string[];
  languages: string[];
  codeOfConduct: string;
  teamContact?: string;
  collectingFrom: string;
  deliberatingFrom: string;
  respondingFrom: string;
  closesAt: string;
};

type Option = CheckboxOption;

type Props = {
  action: FormAction;
  /** Hidden fields: where the action redirects to, and which dialogue or municipality. */
  /** What the form acts on; its page is bound to the action (decision 042). */
  ids: FormIds;
  labels: DialogueFormLabels;
  themes: Option[];
  languages: Option[];
  values: DialogueFormValues;
  /** Editing: the language the texts are written in (the dialogue's first), for their `lang`. */
  textLanguage?: string;
};

const DATE_FIELDS = ["collectingFrom", "deliberatingFrom", "respondingFrom", "closesAt"] as const;

/**
 * Create and edit form of a dialogue. Text fields are `dir="auto"`: a German title typed on an
 * Arabic page still reads left to right. Themes and languages are checkboxes named `theme-<id>` and
 * `language-<code>` (the action collects them), so a failed post keeps every tick.
 */
export function DialogueForm({ action, ids, labels, themes, languages, values, textLanguage }: Props) {
  // The texts as written: a German title in a form on an Arabic page is German (WCAG 3.1.2).
  const text = textLanguage ? { lang: textLanguage } : {};
  return (
    <ActionForm action={action} noValidate>
      <IdFields ids={ids} />
      <TextField name="title" label={labels.title} hint={labels.titleHint} defaultValue={values.title} maxLength={120} required dir="auto" {...text} />
      <TextAreaField name="summary" label={labels.summary} hint={labels.summaryHint} defaultValue={values.summary} rows={2} maxLength={300} required dir="auto" {...text} />
      <TextAreaField
        name="description"
        label={labels.description}
        hint={labels.descriptionHint}
       
        defaultValue={values.description}
        rows={6}
        maxLength={5000}
        required
        dir="auto"
        {...text}
      />
      <CheckboxGroup
        legend={labels.themes}
        hint={labels.themesHint}
       
        errorField="themeIds"
        prefix="theme-"
        options={themes}
        checked={values.themeIds}
      >
        <TextField name="newThemeName" label={labels.newTheme} hint={labels.newThemeHint} defaultValue="" maxLength={60} dir="auto" />
      </CheckboxGroup>
      <CheckboxGroup
        legend={labels.languages}
        hint={labels.languagesHint}
       
        errorField="languages"
        prefix="language-"
        options={languages}
        checked={values.languages}
      />
      <TextAreaField
        name="codeOfConduct"
        label={labels.codeOfConduct}
        hint={labels.codeOfConductHint}
       
        defaultValue={values.codeOfConduct}
        rows={8}
        maxLength={5000}
        required
        {...text}
        dir="auto"
      />
      <TextAreaField
        name="teamContact"
        label={labels.teamContact}
        hint={labels.teamContactHint}
       
        defaultValue={values.teamContact ?? ""}
        rows={3}
        maxLength={300}
        {...text}
        dir="auto"
      />
      <fieldset className="mb-4">
        <legend className="font-semibold">{labels.dates}</legend>
        <p className="mb-2 text-sm text-muted">{labels.datesHint}</p>
        <div className="grid gap-x-4 sm:grid-cols-2">
          {DATE_FIELDS.map((name) => (
            <TextField key={name} name={name} type="date" label={labels[name]} defaultValue={values[name]} />
          ))}
        </div>
      </fieldset>
      <SubmitButton>{labels.submit}</SubmitButton>
    </ActionForm>
  );
}
