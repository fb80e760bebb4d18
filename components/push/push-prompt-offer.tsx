"use client";

import { lazy, Suspense, useEffect, useState, type ComponentProps } from "react";
import type { PushPrompt as Prompt } from "./push-prompt";

/** Set when a person says "Not now" (or switched push on from the prompt): never asked again on this browser. */
export const DISMISSED = "mitreden.push-prompt-dismissed";

// The prompt and its switch are fetched only where they are shown (issue 16's JavaScript budget):
// most readers of a contribution never see them.
const PushPrompt = lazy(() => import("./push-prompt").then((module) => ({ default: module.PushPrompt })));

/**
 * After a person's first post: the offer to switch on push (decision 031). Only with JavaScript
 * (push needs it), only where the browser can receive push and was not asked before; the prompt's
 * code is loaded then and not before.
 */
export function PushPromptOffer(props: ComponentProps<typeof Prompt>) {
  const [askable, setAskable] = useState(false);
  useEffect(() => {
    let live = true;
    const possible = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window && Notification.permission !== "denied" && localStorage.getItem(DISMISSED) === null;
    void Promise.resolve(possible).then((ask) => live && setAskable(ask));
    return () => {
      live = false;
    };
  }, []);
  return askable ? (
    <Suspense fallback={null}>
      <PushPrompt {...props} />
    </Suspense>
  ) : null;
}
