// A push service in the test (like the SMTP catcher): it speaks the real Web Push protocol.
// It accepts POST /push/<id> as FCM or Mozilla's autopush would, checks the VAPID authorization
// (RFC 8292: `vapid t=<JWT>, k=<application server key>`, the JWT signed with ES256 by that key,
// aud = the endpoint's origin, exp within 24 h, a sub), and decrypts the aes128gcm body (RFC 8188,
// RFC 8291) with the subscription's own private key and auth secret, which the test generated —
// so nothing of web-push or of our code is stubbed. Used by tests/push/* and the e2e server.
import { createECDH, createPublicKey, randomBytes, verify, type ECDH } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import ece from "http_ece";

export type TestSubscription = {
  endpoint: string;
  /** base64url, as PushSubscription.toJSON().keys gives them. */
  keys: { p256dh: string; auth: string };
};

export type ReceivedPush = {
  endpoint: string;
  /** What the VAPID check found wrong; empty when the request was in order. */
  problems: string[];
  claims: { aud?: string; exp?: number; sub?: string };
  vapidKey: string;
  ttl: string | undefined;
  urgency: string | undefined;
  /** The decrypted payload (JSON text), or null when it could not be decrypted. */
  payload: string | null;
};

type Device = { ecdh: ECDH; auth: Buffer; subscription: TestSubscription; answers: number[] };

const b64url = (buffer: Buffer) => buffer.toString("base64url");

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/** Checks `Authorization: vapid t=…, k=…` (RFC 8292) for a push to `endpoint`; returns what is wrong. */
export function checkVapid(authorization: string | undefined, endpoint: string, expectedKey?: string): { problems: string[]; claims: ReceivedPush["claims"]; key: string } {
  const problems: string[] = [];
  const match = /^vapid t=([A-Za-z0-9_.-]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? "");
  if (!match) return { problems: ["no vapid authorization"], claims: {}, key: "" };
  const [, token, key] = match as unknown as [string, string, string];
  if (expectedKey && key !== expectedKey) problems.push("k is not the application server key");
  const [header, claims, signature] = token.split(".") as [string, string, string];
  const head = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as { alg?: string; typ?: string };
  if (head.alg !== "ES256") problems.push(`alg ${head.alg}`);
  const point = Buffer.from(key, "base64url");
  if (point.length !== 65 || point[0] !== 4) problems.push("k is not an uncompressed P-256 point");
  const publicKey = createPublicKey({ key: { kty: "EC", crv: "P-256", x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33, 65)) }, format: "jwk" });
  // JWS ES256 signatures are r‖s (64 bytes), which Node calls ieee-p1363.
  const valid = verify("sha256", Buffer.from(`${header}.${claims}`), { key: publicKey, dsaEncoding: "ieee-p1363" }, Buffer.from(signature, "base64url"));
  if (!valid) problems.push("signature does not verify");
  const body = JSON.parse(Buffer.from(claims, "base64url").toString("utf8")) as ReceivedPush["claims"];
  if (body.aud !== new URL(endpoint).origin) problems.push(`aud ${body.aud} is not ${new URL(endpoint).origin}`);
  const now = Math.floor(Date.now() / 1000);
  if (typeof body.exp !== "number" || body.exp <= now || body.exp > now + 24 * 60 * 60) problems.push(`exp ${body.exp}`);
  if (typeof body.sub !== "string" || !/^(mailto:|https:)/.test(body.sub)) problems.push(`sub ${body.sub}`);
  return { problems, claims: body, key };
}

export async function startPushService({ port = 0, vapidPublicKey }: { port?: number; vapidPublicKey?: string } = {}) {
  const devices = new Map<string, Device>();
  const received: ReceivedPush[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const device = devices.get(url.pathname.replace(/^\/push\//, ""));
      if (request.method !== "POST" || !url.pathname.startsWith("/push/") || !device) {
        response.statusCode = 404;
        return void response.end();
      }
      const body = await readBody(request);
      const { problems, claims, key } = checkVapid(request.headers.authorization, device.subscription.endpoint, vapidPublicKey);
      if (request.headers["content-encoding"] !== "aes128gcm") problems.push(`content-encoding ${request.headers["content-encoding"]}`);
      if (!request.headers.ttl) problems.push("no TTL");
      let payload: string | null = null;
      try {
        payload = ece.decrypt(body, { version: "aes128gcm", privateKey: device.ecdh, authSecret: device.auth }).toString("utf8");
      } catch {
        problems.push("payload does not decrypt");
      }
      received.push({ endpoint: device.subscription.endpoint, problems, claims, vapidKey: key, ttl: request.headers.ttl as string | undefined, urgency: request.headers.urgency as string | undefined, payload });
      // The answer the test asked for (410 Gone, 500 …), then 201 Created as push services answer.
      response.statusCode = problems.length > 0 ? 403 : (device.answers.shift() ?? 201);
      response.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    /** A new browser subscription on this service: its key pair and auth secret stay here, for decrypting. */
    subscribe(): TestSubscription {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const id = randomBytes(12).toString("hex");
      const subscription = { endpoint: `${origin}/push/${id}`, keys: { p256dh: b64url(ecdh.getPublicKey()), auth: b64url(auth) } };
      devices.set(id, { ecdh, auth, subscription, answers: [] });
      return subscription;
    },
    /** Makes the next pushes to `endpoint` answer these statuses (e.g. 410, or 500 three times). */
    answer(endpoint: string, ...statuses: number[]) {
      devices.get(endpoint.split("/push/")[1] ?? "")?.answers.push(...statuses);
    },
    /** Registers a subscription made elsewhere with its private key (the e2e test's browser stand-in). */
    adopt(subscription: TestSubscription, privateKey: string) {
      const ecdh = createECDH("prime256v1");
      ecdh.setPrivateKey(Buffer.from(privateKey, "base64url"));
      devices.set(subscription.endpoint.split("/push/")[1] ?? "", { ecdh, auth: Buffer.from(subscription.keys.auth, "base64url"), subscription, answers: [] });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type PushService = Awaited<ReturnType<typeof startPushService>>;
