import { ActionForm, SubmitButton } from "@/components/form/deferred";
import type { FormAction } from "@/lib/actions/form-state";

const secondaryButton =
  "rounded border-2 border-brand bg-white px-4 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70";

/** One button: follow or unfollow; the words come translated from the server (FollowControl). */
export function FollowForm(props: {
  /** Bound to the page the button stands on, which it comes back to (decision 042). */
  action: FormAction;
  target: "contribution" | "dialogue";
  targetId: string;
  following: boolean;
  status: string;
  button: string;
}) {
  return (
    <ActionForm action={props.action} className="flex flex-wrap items-center gap-x-4 gap-y-2" data-testid={`follow-${props.target}`}>
      <p className="text-sm">{props.status}</p>
      <input type="hidden" name="target" value={props.target} />
      <input type="hidden" name="targetId" value={props.targetId} />
      <input type="hidden" name="following" value={props.following ? "no" : "yes"} />
      <SubmitButton className={secondaryButton}>{props.button}</SubmitButton>
    </ActionForm>
  );
}
