import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { locales } from "@/lib/i18n/routing";
import { canManageOwnAccount, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { checkPushEndpoint, MAX_ENDPOINT_LENGTH } from "./endpoint";
import { consume } from "@/lib/rate-limit";
import { pushEndpointRules, vapidKeys } from "./vapid";

// A person's devices that receive Web Push (decision 031). Switching on and off, and removing a
// device, are part of managing one's own account (canManageOwnAccount): suspended people are
// still told of answers to their needs.

/** Devices per person: switching on an eleventh forgets the one switched on longest ago. */
export const MAX_PUSH_DEVICES = 10;

export const subscribePushInput = z.object({
  endpoint: z
    .string()
    .max(MAX_ENDPOINT_LENGTH)
    .refine((endpoint) => checkPushEndpoint(endpoint, pushEndpointRules()).ok, "validation.invalid"),
  /** The browser's P-256 key (65 bytes) and auth secret (16 bytes), base64url as PushSubscription.toJSON() gives them. */
  p256dh: z.string().regex(/^[A-Za-z0-9_-]{87}$/),
  auth: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  /** The language of the page it was switched on from: the notifications are written in it. */
  locale: z.enum(locales),
});

/**
 * Saves this browser's push subscription for the viewer. A browser has one subscription per site:
 * when someone else had switched push on in the same browser (a shared phone), the device is
 * theirs no more — it now tells only the viewer. The device belongs to the sign-in session it was
 * switched on in (`sessionToken`, the request's cookie): when that session ends — signing out on
 * this phone, "sign out everywhere", a new sign-in code — the device goes with it (foreign key,
 * ON DELETE CASCADE), so the next person on a shared phone does not see the previous one's news.
 */
export async function subscribePush(
  viewer: Viewer | null,
  input: z.input<typeof subscribePushInput>,
  context: { sessionToken: string | undefined },
): Promise<{ id: string }> {
  if (!canManageOwnAccount(viewer)) throw new AppError("UNAUTHENTICATED");
  if (!vapidKeys()) throw new AppError("UNAVAILABLE", "push is not configured");
  await consume("pushSubscribePerPerson", viewer.id);
  const data = parseInput(subscribePushInput, input);
  const session = context.sessionToken
    ? await db.session.findUnique({ where: { sessionToken: context.sessionToken }, select: { id: true, userId: true } })
    : null;
  // Only a live session of the viewer: without one the device would outlive every sign-out.
  if (!session || session.userId !== viewer.id) throw new AppError("UNAUTHENTICATED");
  return db.$transaction(async (tx) => {
    const { id } = await tx.pushSubscription.upsert({
      where: { endpoint: data.endpoint },
      create: { userId: viewer.id, sessionId: session.id, endpoint: data.endpoint, p256dh: data.p256dh, auth: data.auth, locale: data.locale },
      update: { userId: viewer.id, sessionId: session.id, p256dh: data.p256dh, auth: data.auth, locale: data.locale, createdAt: new Date(), lastSuccessAt: null },
      select: { id: true },
    });
    // At most MAX_PUSH_DEVICES: the oldest go.
    const beyond = await tx.pushSubscription.findMany({
      where: { userId: viewer.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: MAX_PUSH_DEVICES,
      select: { id: true },
    });
    if (beyond.length > 0) await tx.pushSubscription.deleteMany({ where: { id: { in: beyond.map((row) => row.id) } } });
    return { id };
  });
}

export const removePushDeviceInput = z.union([z.object({ id: z.uuid() }), z.object({ endpoint: z.string().min(1).max(MAX_ENDPOINT_LENGTH) })]);

/** Forgets one of the viewer's devices (by id from the account page's list, or by endpoint from "switch off on this phone"). */
export async function removePushDevice(viewer: Viewer | null, input: z.input<typeof removePushDeviceInput>): Promise<{ removed: number }> {
  if (!canManageOwnAccount(viewer)) throw new AppError("UNAUTHENTICATED");
  const data = parseInput(removePushDeviceInput, input);
  // Only the viewer's own: an id or endpoint of someone else's device removes nothing.
  const { count } = await db.pushSubscription.deleteMany({ where: { userId: viewer.id, ...data } });
  return { removed: count };
}

/**
 * `endpointHash`: SHA-256 of the endpoint, base64url — so this browser's switch can tell whether its
 * own subscription is one of the person's devices without the page carrying the endpoints.
 */
export type PushDevice = { id: string; service: string; endpointHash: string; createdAt: Date; lastSuccessAt: Date | null };

/** The viewer's devices, newest first, named by their push service (we store nothing about the device itself). */
export async function listPushDevices(viewer: Viewer): Promise<PushDevice[]> {
  const rows = await db.pushSubscription.findMany({
    where: { userId: viewer.id },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, endpoint: true, createdAt: true, lastSuccessAt: true },
  });
  return rows.map(({ endpoint, ...row }) => ({
    ...row,
    service: serviceName(new URL(endpoint).hostname),
    endpointHash: createHash("sha256").update(endpoint).digest("base64url"),
  }));
}

/** The push services of the browsers people use, by their product names; any other by its host. */
function serviceName(host: string): string {
  if (host === "fcm.googleapis.com" || host.endsWith(".googleapis.com")) return "Chrome / Android";
  if (host.endsWith(".mozilla.com")) return "Firefox";
  if (host.endsWith(".push.apple.com")) return "Safari / iPhone";
  if (host.endsWith(".notify.windows.com")) return "Edge / Windows";
  return host;
}
