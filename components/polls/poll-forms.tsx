import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ChoiceField, SelectField, SubmitButton, TextField } from "@/components/form/form-fields";
import { ActionForm } from "@/components/form/form";
import { FoldOnError } from "@/components/form/folded";
import type { FormAction } from "@/lib/actions/form-state";

// The host team's poll forms: server components around the one client <ActionForm>, each action
// bound to the page the form stands on where the page renders it (decision 042).

type Option = { value: string; label: string; lang?: string; dir?: "ltr" | "rtl" };

/** The host team adds a poll: the question and up to six answers in the dialogue's first language. */
export async function PollCreateForm({
  action,
  dialogueId,
  answerFields,
  phases,
  lang,
}: {
  action: FormAction;
  dialogueId: string;
  answerFields: number;
  phases: Option[];
  lang: string;
}) {
  const t = await getTranslations("polls");
  return (
    <ActionForm action={action} noValidate>
      <input type="hidden" name="dialogueId" value={dialogueId} />
      <TextField name="question" label={t("question")} hint={t("questionHint")} lang={lang} required maxLength={300} />
      {Array.from({ length: answerFields }, (_, index) => (
        <TextField
          key={index}
          name={`answer${index + 1}`}
          label={t("answerLabel", { number: index + 1 })}
          hint={index === 0 ? t("answersHint") : undefined}
          lang={lang}
          maxLength={120}
        />
      ))}
      <ChoiceField
        name="choice"
        legend={t("choiceLegend")}
        defaultValue="SINGLE"
        options={[
          { value: "SINGLE", label: t("choiceSingle") },
          { value: "MULTIPLE", label: t("choiceMultiple") },
        ]}
      />
      <ChoiceField
        name="openFor"
        legend={t("openForLegend")}
        defaultValue="period"
        options={[
          { value: "period", label: t("openForPeriod") },
          { value: "phase", label: t("openForPhase") },
        ]}
      />
      <TextField name="opensAt" label={t("opensAt")} hint={t("opensAtHint")} type="datetime-local" />
      <TextField name="closesAt" label={t("closesAt")} hint={t("closesAtHint")} type="datetime-local" />
      <SelectField name="phase" label={t("phase")} options={phases} />
      <SubmitButton>{t("createSubmit")}</SubmitButton>
    </ActionForm>
  );
}

const MARK = "\u2063";

/** A translated sentence with a text of another language in it, marked with its language, where the catalogue put MARK. */
function withText(sentence: string, text: ReactNode): ReactNode {
  const [before, after] = sentence.split(MARK);
  return (
    <>
      {before}
      {text}
      {after}
    </>
  );
}

/** The question and answers in another of the dialogue's languages. */
export async function PollTextForm({
  action,
  pollId,
  language,
  languageName,
  dir,
  current,
  originals,
  originalLanguage,
  submit,
}: {
  action: FormAction;
  pollId: string;
  language: string;
  languageName: string;
  dir: "ltr" | "rtl";
  current: { question: string; answers: string[] } | null;
  originals: string[];
  /** The language the answers were asked in: each label names its original, marked with it. */
  originalLanguage: string;
  /** The button's words, when not "Save". */
  submit?: string;
}) {
  const t = await getTranslations("polls");
  return (
    <ActionForm action={action} noValidate>
      <input type="hidden" name="pollId" value={pollId} />
      <input type="hidden" name="language" value={language} />
      <TextField
        name="question"
        label={t("questionIn", { language: languageName })}
        defaultValue={current?.question ?? ""}
        lang={language}
        dir={dir}
        required
        maxLength={300}
      />
      {originals.map((original, index) => (
        <TextField
          key={index}
          name={`answer-${index + 1}`}
          label={withText(t("answerIn", { number: index + 1, original: MARK }), <span lang={originalLanguage}>{original}</span>)}
          defaultValue={current?.answers[index] ?? ""}
          lang={language}
          dir={dir}
          required
          maxLength={120}
        />
      ))}
      <SubmitButton>{submit ?? t("textSubmit")}</SubmitButton>
    </ActionForm>
  );
}

/**
 * Hands counted at a meeting for one perspective group: one number per answer, folded under its
 * heading — and open again after a refused post, so each message stands visibly at its field.
 */
export async function PollCountForm({
  action,
  pollId,
  meetings,
  perspectives,
  answers,
}: {
  action: FormAction;
  pollId: string;
  meetings: Option[];
  perspectives: Option[];
  answers: { id: string; label: string; lang: string }[];
}) {
  const t = await getTranslations("polls");
  return (
    <ActionForm action={action} noValidate>
      <FoldOnError className="mt-4" summaryClassName="cursor-pointer font-semibold" summary={t("countHeading")}>
        <div className="mt-3">
          <input type="hidden" name="pollId" value={pollId} />
          <SelectField name="meetingId" label={t("countMeeting")} options={meetings} />
          <SelectField name="perspective" label={t("countPerspective")} options={perspectives} />
          {answers.map((answer) => (
            <TextField
              key={answer.id}
              // Named as the domain function reports it ("counts.<option id>"), so its message stands at the field.
              name={`counts.${answer.id}`}
              label={<span lang={answer.lang}>{answer.label}</span>}
              type="number"
              inputMode="numeric"
              min={0}
              max={10000}
              className="mt-1 block w-32 rounded border border-muted bg-white px-3 py-2 text-base text-ink aria-invalid:border-2 aria-invalid:border-danger"
            />
          ))}
          <SubmitButton>{t("countSubmit")}</SubmitButton>
        </div>
      </FoldOnError>
    </ActionForm>
  );
}

/** Ends a poll before its time. */
export async function ClosePollForm({ action, pollId }: { action: FormAction; pollId: string }) {
  const t = await getTranslations("polls");
  return (
    <ActionForm action={action} noValidate>
      <input type="hidden" name="pollId" value={pollId} />
      <SubmitButton className="rounded border border-ink px-4 py-2 font-semibold">{t("closeSubmit")}</SubmitButton>
    </ActionForm>
  );
}

/** The host team marks a volunteer's version of a poll checked (the label comes from the page: "translations.markChecked"). */
export async function CheckPollTextForm({ action, pollId, language, submit }: { action: FormAction; pollId: string; language: string; submit: string }) {
  return (
    <ActionForm action={action} noValidate>
      <input type="hidden" name="pollId" value={pollId} />
      <input type="hidden" name="language" value={language} />
      <SubmitButton className="rounded border border-brand px-4 py-2 font-semibold text-brand">{submit}</SubmitButton>
    </ActionForm>
  );
}
