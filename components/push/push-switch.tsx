"use client";

import { useEffect, useState, useTransition } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { IDLE, type FormAction } from "@/lib/actions/form-state";

type Status = "needsJavaScript" | "unsupported" | "off" | "on" | "denied" | "failed";

const SERVICE_WORKER = "/push-sw.js";

/** The VAPID public key (base64url) as the bytes PushManager.subscribe wants. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (base64url.length % 4)) % 4);
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function supported(): boolean {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

/** SHA-256 of an endpoint, base64url, as lib/push/push-devices.ts computes it. */
async function endpointHash(endpoint: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(endpoint)));
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration("/");
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/**
 * "Notifications on this phone": one button that switches push on or off for this browser
 * (decision 031). Push needs JavaScript by nature; without it the server-rendered text says so and
 * the in-app list and e-mail work as before. `vapidPublicKey` null: push is not set up here.
 * `knownEndpointHashes` (the person's devices): a subscription this browser still holds but the
 * server no longer has for this person — it ended with a sign-out, or belongs to someone who used
 * this phone before — shows as off.
 */
export function PushSwitch({
  vapidPublicKey,
  locale,
  subscribeAction,
  removeAction,
  onDone,
  knownEndpointHashes,
}: {
  vapidPublicKey: string;
  locale: string;
  subscribeAction: FormAction<{ id: string }>;
  removeAction: FormAction<{ removed: number }>;
  onDone?: () => void;
  knownEndpointHashes?: string[];
}) {
  const t = useTranslations("push");
  const [status, setStatus] = useState<Status>("needsJavaScript");
  const [pending, startTransition] = useTransition();

  const known = knownEndpointHashes?.join(" ");
  useEffect(() => {
    let live = true;
    // What this browser can do and has done, read once it runs (the server cannot know).
    const isKnown = async (subscription: PushSubscription) => known === undefined || known.split(" ").includes(await endpointHash(subscription.endpoint));
    (supported()
      ? currentSubscription().then(async (subscription): Promise<Status> =>
          subscription && (await isKnown(subscription)) ? "on" : Notification.permission === "denied" ? "denied" : "off",
        )
      : Promise.resolve("unsupported" as const))
      .catch(() => "off" as const)
      .then((found: Status) => live && setStatus(found));
    return () => {
      live = false;
    };
  }, [known]);

  const switchOn = () =>
    startTransition(async () => {
      try {
        if ((await Notification.requestPermission()) !== "granted") return setStatus("denied");
        await navigator.serviceWorker.register(SERVICE_WORKER, { scope: "/" });
        const registration = await navigator.serviceWorker.ready;
        const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(vapidPublicKey) });
        const { endpoint, keys } = subscription.toJSON();
        const form = new FormData();
        form.set("endpoint", endpoint ?? "");
        form.set("p256dh", keys?.p256dh ?? "");
        form.set("auth", keys?.auth ?? "");
        form.set("locale", locale);
        const result = await subscribeAction(IDLE, form);
        if (result.status !== "success") {
          await subscription.unsubscribe().catch(() => false);
          return setStatus("failed");
        }
        setStatus("on");
        onDone?.();
      } catch {
        setStatus("failed");
      }
    });

  const switchOff = () =>
    startTransition(async () => {
      try {
        const subscription = await currentSubscription();
        if (subscription) {
          const form = new FormData();
          form.set("endpoint", subscription.endpoint);
          await removeAction(IDLE, form);
          await subscription.unsubscribe();
        }
        setStatus("off");
      } catch {
        setStatus("failed");
      }
    });

  const button = "rounded bg-brand px-5 py-3 text-base font-semibold text-white hover:bg-brand-dark aria-disabled:opacity-70";
  const secondary = "rounded border-2 border-brand px-5 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70";
  return (
    <div data-testid="push-switch" data-status={status}>
      <p role="status" className={status === "on" ? "mb-3 font-semibold" : "mb-3"}>
        {status === "on" ? t("isOn") : status === "off" ? null : t(status === "denied" ? "denied" : status === "failed" ? "failed" : status)}
      </p>
      {status === "on" ? (
        <button type="button" className={secondary} aria-disabled={pending || undefined} onClick={() => !pending && switchOff()}>
          {t("switchOff")}
        </button>
      ) : status === "off" || status === "failed" || status === "denied" ? (
        <button type="button" className={button} aria-disabled={pending || undefined} onClick={() => !pending && switchOn()}>
          {t("switchOn")}
        </button>
      ) : null}
    </div>
  );
}
