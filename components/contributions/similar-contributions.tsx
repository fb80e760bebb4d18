"use client";

// Contributions like the one being written (decision 051), inside the post form. Without
// JavaScript the first post comes back with them (SimilarOffer); with it, the same list follows
// what is typed (SimilarAsYouType). "Support this instead" is a submit button of the post form
// that posts to its own action, so nothing needs a second form and nothing typed is lost.
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { FormState } from "@/lib/actions/form-state";
import type { SimilarOffer } from "@/lib/actions/contributions/create-contribution";
import type { SimilarContribution } from "@/lib/contributions/find-similar-contributions";
import { useTranslations } from "@/lib/i18n/client";
import { apiPaths, dialoguePaths, localized } from "@/lib/routes/paths";

type Page = { locale: string; municipality: string; dialogue: string };
/** supportInsteadAction bound to the post form's page (decision 042): a submit button's formAction. */
export type SupportInstead = (formData: FormData) => Promise<void>;

/**
 * After an offer the post form's fields are given what was typed (as after a refused post), while
 * the form itself keeps its real answer, so no error summary shows; otherwise they read the form's.
 */
export function keepTyped(state: FormState<SimilarOffer | void>): { kept: FormState | undefined; offer: SimilarOffer | null } {
  const data = state.status === "success" ? state.data : undefined;
  if (data && "similar" in data) return { kept: { status: "error", fieldErrors: {}, values: data.values }, offer: data };
  return { kept: undefined, offer: null };
}

/** `children`: what goes under the list (the post form's kept photos, decision 061). */
export function SimilarList({ items, page, supportInstead, children }: { items: SimilarContribution[]; page: Page; supportInstead: SupportInstead; children?: ReactNode }) {
  const t = useTranslations();
  const kinds = useTranslations("kinds");
  const paths = dialoguePaths(page.municipality, page.dialogue);
  const firstOther = items.find((item) => !item.own)?.id;
  return (
    <section aria-labelledby="similar-heading" className="mb-6 rounded border-s-4 border-brand bg-surface p-3" data-testid="similar-contributions">
      <h2 id="similar-heading" className="text-xl">
        {t("similar.heading")}
      </h2>
      <p className="mt-1 text-sm">{t("similar.intro")}</p>
      <input type="hidden" name="similarSeen" value="1" />
      <ul className="mt-3 space-y-3">
        {items.map((item) => (
          <li key={item.id} className="rounded border border-line bg-white p-3" data-testid="similar-item">
            <p className="text-sm text-muted">
              {kinds(item.kind)}
            </p>
            <a href={localized(page.locale, paths.contribution(item.id))} className="font-semibold break-words" lang={item.titleLanguage} dir="auto">
              {item.title}
            </a>
            {item.translated && <span className="ms-2 text-sm text-muted">{t("similar.translated")}</span>}
            {item.own ? (
              <p className="mt-2 text-sm text-muted">{t("similar.own")}</p>
            ) : (
              <label className="mt-2 flex items-center gap-2">
                <input type="radio" name="supportInstead" value={item.id} defaultChecked={item.id === firstOther} />
                <span>{t("similar.sameAsMine")}</span>
              </label>
            )}
          </li>
        ))}
      </ul>
      {firstOther && (
        // React names a formAction button itself (no name/value of ours survives without JavaScript):
        // the chosen one travels as the radio group's value.
        <button type="submit" formAction={supportInstead} formNoValidate className="mt-3 rounded border-2 border-brand px-4 py-2 font-semibold text-brand">
          {t("similar.supportInstead")}
        </button>
      )}
      <p className="mt-3 text-sm">{t("similar.postAnywayHint")}</p>
      {children}
    </section>
  );
}

const WAIT_MS = 700;

/**
 * With JavaScript: the list follows the title and text as they are typed, asked from the
 * similar-contributions endpoint a moment after typing stops. Renders nothing until there is
 * something to show; once it showed some, the post goes out without asking again.
 */
export function SimilarAsYouType({ dialogueId, page, supportInstead }: { dialogueId: string; page: Page; supportInstead: SupportInstead }) {
  const anchor = useRef<HTMLDivElement>(null);
  const [items, setItems] = useState<SimilarContribution[]>([]);
  useEffect(() => {
    const form = anchor.current?.closest("form");
    if (!form) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let request: AbortController | undefined;
    let asked = "";
    const ask = () => {
      const title = (form.elements.namedItem("title") as HTMLInputElement | null)?.value.trim() ?? "";
      const body = (form.elements.namedItem("body") as HTMLTextAreaElement | null)?.value.trim().slice(0, 500) ?? "";
      const key = `${title}\n${body}`;
      if (key === asked) return;
      asked = key;
      request?.abort();
      if ([...title].length < 4) return setItems([]);
      request = new AbortController();
      fetch(apiPaths.similarContributions(dialogueId, { title, body }), { signal: request.signal, headers: { accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : { similar: [] }))
        .then((result: { similar: SimilarContribution[] }) => setItems(result.similar))
        .catch(() => undefined);
    };
    const onInput = (event: Event) => {
      const name = (event.target as HTMLInputElement).name;
      if (name !== "title" && name !== "body") return;
      clearTimeout(timer);
      timer = setTimeout(ask, WAIT_MS);
    };
    form.addEventListener("input", onInput);
    return () => {
      form.removeEventListener("input", onInput);
      clearTimeout(timer);
      request?.abort();
    };
  }, [dialogueId]);
  return (
    <div ref={anchor} aria-live="polite">
      {items.length > 0 && <SimilarList items={items} page={page} supportInstead={supportInstead} />}
    </div>
  );
}
