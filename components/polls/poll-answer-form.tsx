import { getTranslations } from "next-intl/server";
import { ActionForm, ChoiceField, SubmitButton } from "@/components/form/deferred";
import type { FormAction } from "@/lib/actions/form-state";

/**
 * A member's answer: radio buttons for a single-choice poll, checkboxes for a multiple-choice one.
 * A server component around the one client <ActionForm> (decision 040): the dialogue page, a read
 * route, ships no code of its own for it.
 */
export async function PollAnswerForm({
  action,
  pollId,
  multiple,
  question,
  answers,
  lang,
  mine,
  labelledBy,
}: {
  /** Bound to the page the form stands on (the polls page or the dialogue page), which it returns to. */
  action: FormAction;
  pollId: string;
  multiple: boolean;
  question: string;
  answers: { id: string; label: string }[];
  lang: string;
  mine: string[] | null;
  /** The id of the heading that shows the question above the form: it names the choices, and the question is not shown twice. */
  labelledBy?: string;
}) {
  const t = await getTranslations("polls");
  const options = answers.map((answer) => ({ value: answer.id, label: answer.label }));
  return (
    <ActionForm action={action} noValidate>
      <input type="hidden" name="pollId" value={pollId} />
      <ChoiceField
        name="optionIds"
        legend={<span lang={lang}>{question}</span>}
        lang={lang}
        labelledBy={labelledBy}
        hint={multiple ? t("chooseSeveral") : t("chooseOne")}
        options={options}
        defaultValue={multiple ? undefined : mine?.[0]}
        boxes={multiple ? { prefix: "option-", checked: mine ?? [] } : undefined}
      />
      <SubmitButton>{mine ? t("changeAnswer") : t("submitAnswer")}</SubmitButton>
    </ActionForm>
  );
}
