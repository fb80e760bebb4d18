"use client";

// The form parts of the read routes (issue 16: ≤ 8 KB of JavaScript beyond the empty page),
// loaded only where a form is rendered. Next.js ships every client module a route's server
// components import, rendered or not, and a reader who is not signed in sees no form on a
// contribution, dialogue, polls or organigram page: so the forms there import these parts, whose
// code is a chunk of its own (an `import()`), fetched when a form is on the page.
//
// No <Suspense> around them: the first render of a part on the server waits for its module
// inside the page's shell, so the HTML is complete and in order without JavaScript (a Suspense
// boundary would stream it later, and only a script would show it). In the browser the page
// hydrates once the chunk is there; the server's HTML works meanwhile.
//
// Each part is a function component rendering its lazy one, not the lazy object itself: while the
// page's scripts load, React's RSC client hands a client component over as a lazy value of its
// own, and a lazy that resolves to a lazy is refused (React error 306).
import { createElement, lazy, type ComponentType, type ReactElement } from "react";

type Form = typeof import("./form");

const form = () => import("./form");
const fields = () => import("./form-fields");
const folds = () => import("./folded");

/** A part of props `P` whose code is loaded when it is first rendered. */
function deferred<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => ReactElement {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  return function Part(props: P) {
    return createElement(Lazy, props);
  };
}

// Generic in its answer's type, which lazy() cannot carry: typed as the form core's own.
export const ActionForm = deferred(() => form().then((module) => module.ActionForm)) as Form["ActionForm"];
export const SubmitButton = deferred(() => fields().then((module) => module.SubmitButton));
export const TextField = deferred(() => fields().then((module) => module.TextField));
export const TextAreaField = deferred(() => fields().then((module) => module.TextAreaField));
export const SelectField = deferred(() => fields().then((module) => module.SelectField));
export const CheckboxField = deferred(() => fields().then((module) => module.CheckboxField));
export const ChoiceField = deferred(() => fields().then((module) => module.ChoiceField));
export const Folded = deferred(() => folds().then((module) => module.Folded));
export const FoldOnError = deferred(() => folds().then((module) => module.FoldOnError));
export const FileField = deferred(() => import("./file-field").then((module) => module.FileField));
export const PushPromptOffer = deferred(() => import("@/components/push/push-prompt-offer").then((module) => module.PushPromptOffer));
export const RequestHostTextTranslationForm = deferred(() =>
  import("@/components/translations/request-host-text-translation").then((module) => module.RequestHostTextTranslationForm),
);
