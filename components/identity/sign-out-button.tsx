"use client";

import type { ReactNode } from "react";

/**
 * The header's "Sign out" button. The server ends this session and with it this phone's push
 * device (decision 031); with JavaScript the browser also drops its push subscription, so the
 * next person on a shared phone starts with notifications off. Best effort: the form submits
 * either way, and without JavaScript it is a plain button.
 */
export function SignOutButton({ className, children }: { className: string; children: ReactNode }) {
  const forgetPush = () => {
    if (!("serviceWorker" in navigator)) return;
    void navigator.serviceWorker
      .getRegistration("/")
      .then((registration) => registration?.pushManager?.getSubscription())
      .then((subscription) => subscription?.unsubscribe())
      .catch(() => undefined);
  };
  return (
    <button type="submit" className={className} onClick={forgetPush}>
      {children}
    </button>
  );
}
