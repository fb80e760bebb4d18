"use client";

// A form behind a server action, with the GOV.UK error pattern in one place: after a failed post
// an error summary at the top lists every problem as a link to its field. Without JavaScript the
// answer opens with the focus on the summary (`autofocus`, which also scrolls it into view; a
// "#summary" in the form's address would stick to the address after a successful redirect),
// and the layout starts the title with "Error:" (lib/http/render-registry.ts). With JavaScript
// the summary appears in place, takes the focus, and the title gets the same prefix until the
// form is fine again.
import {
  Children,
  Component,
  createContext,
  isValidElement,
  useActionState,
  useContext,
  useEffect,
  useId,
  useRef,
  Fragment,
  type FormEvent,
  type FormHTMLAttributes,
  type ReactNode,
} from "react";
import { useTranslations } from "@/lib/i18n/client";
import { SignedOutNotice } from "./signed-out-notice";
import { IDLE, textValues, type FormAction, type FormState, type Message } from "@/lib/actions/form-state";

type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * The translator of an action's answers and the summary: the form messages, which come with the
 * page's own <ClientMessages forms> (decision 085). Asking for one on every render tells a page that
 * forgot them at once ("Missing client text" in the console, which
 * e2e/visitor-meets-no-console-error.spec.ts fails on), not first when a field fails and shows a key.
 */
export function useFormMessages(): Translate {
  const t = useTranslations() as unknown as Translate;
  t("feedback.summaryTitle");
  return t;
}

/** A form's id; its fields' ids derive from it, so the summary can link to them. */
export const FormContext = createContext<string | null>(null);

/** The id of the field `name` of the enclosing <Form>, or null outside one. */
export function useFormFieldId(name: string): string | null {
  const form = useContext(FormContext);
  return form ? fieldId(form, name) : null;
}

export function fieldId(form: string, name: string): string {
  return `${form}-f-${name.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

export type FormHandle<T> = { id: string; state: FormState<T> };

/** The state of the enclosing form; fields read it when not given one of their own. */
const FormStateContext = createContext<FormState<unknown>>(IDLE);

export function useFormState(given?: FormState<unknown>): FormState<unknown> {
  const state = useContext(FormStateContext);
  return given ?? state;
}

/**
 * useActionState for a <Form>: the same [state, dispatch, pending], plus the handle <Form> takes.
 * Forms use <ActionForm>; this is for the one whose state must outlive the form (the join page's
 * sign-up, whose answer is shown after the page has switched to the signed-in branch).
 */
export function useFormAction<T>(action: FormAction<T>, initial: FormState<T> = IDLE): [FormState<T>, (formData: FormData) => void, FormHandle<T>, boolean] {
  const id = `form${useId().replace(/[^A-Za-z0-9]/g, "")}`;
  const [state, dispatch, pending] = useActionState(action, initial);
  return [state, dispatch, { id, state }, pending];
}

type ActionFormProps<T> = Omit<FormHTMLAttributes<HTMLFormElement>, "action" | "id" | "children"> & {
  /** Fields the summary cannot find among the children's props (inside a component of their own). */
  fields?: Record<string, FieldInfo>;
  initial?: FormState<T>;
  /** The form's parts; a function when they depend on the answer (a thank-you in place of the form). */
  children: ReactNode | ((state: FormState<T>, pending: boolean) => ReactNode);
  /**
   * An action that names its page comes bound to the page's reference by the server component
   * that renders the form (`action.bind(null, page)`, decision 042). Not here: a server reference
   * bound while the client renders is a new one on every server-side retry, and a post without
   * JavaScript would never be answered.
   */
  action: FormAction<T>;
};

/**
 * The one form behind a server action: owns useActionState, the error summary and the
 * form-level message, and hands the answer to its fields (they read it when given none).
 * A post whose answer never comes back keeps what was typed (KeepSent).
 */
export function ActionForm<T>(props: ActionFormProps<T>) {
  return <KeepSent initial={props.initial}>{(initial, onSubmit) => <SentForm {...props} initial={initial} onSubmit={onSubmit} />}</KeepSent>;
}

function SentForm<T>({ action, initial, children, onSubmit, ...attributes }: ActionFormProps<T> & { onSubmit: (event: FormEvent<HTMLFormElement>) => void }) {
  const [state, dispatch, form, pending] = useFormAction(action, initial);
  return (
    <Form form={form} action={dispatch} onSubmit={onSubmit} {...attributes}>
      {typeof children === "function" ? children(state, pending) : children}
    </Form>
  );
}

type KeepSentState = { failure: string | null; error: unknown; signedOut: boolean };

/**
 * With JavaScript a form posts by fetch; when no answer comes back — the connection dropped on a
 * phone, or the server refused the post before its action ran (the session ended, a photo too
 * large, the database away) — React throws where the form's state is read, and the page's error
 * screen would replace the form and everything typed in it. This boundary around the form takes
 * that error and puts the form back, new, with the text fields as they were sent and a summary that
 * says it was not sent; when the session has ended, a line above says so, with a link to sign in
 * again in a new tab so that this one keeps the text (decision 093). Files cannot be put back:
 * the summary asks for them again. Without JavaScript the browser shows the server's own page
 * (lib/security/plain-pages.ts), and its back button keeps the form.
 */
class KeepSent<T> extends Component<
  { initial?: FormState<T>; children: (initial: FormState<T> | undefined, onSubmit: (event: FormEvent<HTMLFormElement>) => void) => ReactNode },
  KeepSentState
> {
  override state: KeepSentState = { failure: null, error: null, signedOut: false };
  // The text fields of the last post, as sent; how many posts were sent; how many there were when a
  // failure was last taken, and which.
  private sent: Record<string, string> = {};
  private posts = 0;
  private postsTaken = 0;
  private taken: string | null = null;

  static getDerivedStateFromError(error: unknown): Partial<KeepSentState> {
    return { failure: String(performance.now()), error };
  }

  // Before React's action runs: the text fields as they are sent, as a refused post echoes them.
  private keep = (event: FormEvent<HTMLFormElement>) => {
    this.sent = textValues(new FormData(event.currentTarget));
    this.posts += 1;
  };

  override componentDidCatch(): void {
    this.postsTaken = this.posts;
    this.taken = this.state.failure;
    // Whether the session has ended: next-auth's own answer, an empty object when signed out.
    void fetch("/api/auth/session", { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<{ user?: unknown }>) : null))
      .then((session) => this.setState({ signedOut: session !== null && !session.user }))
      .catch(() => undefined);
  }

  override render() {
    const { failure, error, signedOut } = this.state;
    // No post since the last failure taken: not an unanswered post (a part of the form failed to
    // render, say), so the page's own error screen shows it, as before, and no loop of new forms.
    // Counted when the new form is committed (componentDidCatch), not here: React may render a
    // boundary more than once for one error and keep only the last.
    if (failure && failure !== this.taken && this.posts === this.postsTaken) throw error;
    const initial: FormState<T> | undefined = failure
      ? { status: "error", fieldErrors: {}, formError: { key: "feedback.notSent" }, values: this.sent }
      : this.props.initial;
    return (
      <Fragment key={failure ?? "first"}>
        {failure && signedOut && <SignedOutNotice />}
        {this.props.children(initial, this.keep)}
      </Fragment>
    );
  }
}

function summaryId(form: string): string {
  return `${form}-errors`;
}

type FormProps<T> = Omit<FormHTMLAttributes<HTMLFormElement>, "action" | "id"> & {
  form: FormHandle<T>;
  /** A server action's dispatch, or the address of a route handler (the voice form's upload). */
  action: ((formData: FormData) => void) | string;
  children: ReactNode;
  /** Fields the summary cannot find among the children's props (inside a component of their own). */
  fields?: Record<string, FieldInfo>;
};

export function Form<T>({ form, action, children, fields, ...attributes }: FormProps<T>) {
  return (
    <FormContext.Provider value={form.id}>
      <FormStateContext.Provider value={form.state}>
        <form id={form.id} action={action} {...attributes}>
          <ErrorSummary form={form.id} state={form.state} fields={{ ...fields, ...collectFields(children) }} />
          {children}
        </form>
      </FormStateContext.Provider>
    </FormContext.Provider>
  );
}

export type FieldInfo = { label?: ReactNode; firstOption?: string };

/**
 * The fields among the form's children, read from their props (`name` with `label` or `legend`,
 * radio groups' first option): the summary names each field and links to the right control.
 */
function collectFields(children: ReactNode, into: Record<string, FieldInfo> = {}): Record<string, FieldInfo> {
  Children.forEach(children, (child) => {
    if (!isValidElement(child)) return;
    const props = child.props as { name?: unknown; label?: ReactNode; legend?: ReactNode; options?: { value: string }[]; children?: ReactNode };
    if (typeof props.name === "string" && (props.label !== undefined || props.legend !== undefined)) {
      into[props.name] = { label: props.label ?? props.legend, firstOption: Array.isArray(props.options) ? props.options[0]?.value : undefined };
    }
    if (props.children !== undefined) collectFields(props.children, into);
  });
  return into;
}

/**
 * "<field>: <problem>" in the page's language. A label that is markup — a text in another
 * language carrying its `lang`, such as a poll's answer — stands in the sentence as it is.
 */
function fieldProblem(t: Translate, label: ReactNode, problem: string): ReactNode {
  if (typeof label === "string") return t("feedback.fieldProblem", { field: label, problem });
  if (label === undefined || label === null || typeof label === "boolean") return problem;
  const marker = "\u2063field\u2063";
  const [before, after] = t("feedback.fieldProblem", { field: marker, problem }).split(marker);
  return after === undefined ? problem : (
    <>
      {before}
      {label}
      {after}
    </>
  );
}

function ErrorSummary<T>({ form, state, fields }: { form: string; state: FormState<T>; fields: Record<string, FieldInfo> }) {
  const t = useFormMessages();
  const ref = useRef<HTMLDivElement>(null);
  const failed = state.status === "error";

  // With JavaScript: the focus goes to the summary, and the title says "Error:" while it shows.
  useEffect(() => {
    if (!failed) return;
    ref.current?.focus();
    const title = document.title;
    // Not twice: a post sent before the scripts ran comes back with the server's "Error:" title.
    if (title.includes(t("feedback.errorTitle", { title: "" }).trim())) return;
    document.title = t("feedback.errorTitle", { title });
    return () => {
      document.title = title;
    };
  }, [state, failed, t]);

  if (state.status !== "error") return null;
  const message = (m: Message) => t(m.key, m.params);
  const problems = Object.entries(state.fieldErrors).filter(([, messages]) => messages.length > 0);
  return (
    <div
      ref={ref}
      id={summaryId(form)}
      tabIndex={-1}
      autoFocus
      role="alert"
      aria-labelledby={`${summaryId(form)}-title`}
      className="mb-6 scroll-mt-4 rounded border-4 border-danger bg-white p-4 focus:outline-4 focus:outline-focus"
    >
      <h2 id={`${summaryId(form)}-title`} className="text-xl font-bold">
        {t("feedback.summaryTitle")}
      </h2>
      <ul className="mt-2 list-none space-y-1 font-semibold">
        {state.formError && <li className="text-danger">{message(state.formError)}</li>}
        {problems.map(([name, messages]) => {
          const field = fields[name];
          const target = field?.firstOption !== undefined ? `${fieldId(form, name)}-${field.firstOption}` : fieldId(form, name);
          const text = messages.map(message).join(" ");
          return (
            <li key={name}>
              <a href={`#${target}`} className="text-danger underline">
                {fieldProblem(t, field?.label, text)}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
