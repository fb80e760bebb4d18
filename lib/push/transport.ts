import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { checkPushEndpoint, isPublicAddress, LOOPBACK_TEST_HOST, type AllowedPushHosts } from "./endpoint";

// Sends a request that web-push prepared (VAPID header, RFC 8291 body) to the push service. We
// do the HTTP ourselves so the connection can refuse a name that resolves to a private address
// at connect time (DNS rebinding, decision 031), and so tests can run a local push service on
// http://127.0.0.1 (PUSH_ALLOW_LOOPBACK).

export type PreparedPush = { endpoint: string; method: string; headers: Record<string, string | number>; body: Buffer | null };
export type PushAnswer = { status: number; body: string };

const TIMEOUT_MS = 10_000;

/** A DNS lookup that fails for every name resolving to an address that is not public. */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 0);
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused || addresses.length === 0) {
      return callback(Object.assign(new Error(`push endpoint ${hostname} resolves to a non-public address`), { code: "EPUSHADDRESS" }), "", 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

const agent = new https.Agent({ keepAlive: true, maxSockets: 16, lookup: publicOnlyLookup });

export function sendPrepared(push: PreparedPush, rules: { allowLoopback: boolean; allowedHosts: AllowedPushHosts }): Promise<PushAnswer> {
  const check = checkPushEndpoint(push.endpoint, rules);
  if (!check.ok) return Promise.reject(new Error(`push endpoint refused: ${check.reason}`));
  const { url } = check;
  const loopback = url.protocol === "http:" && url.hostname === LOOPBACK_TEST_HOST;
  const options = { method: push.method, headers: push.headers, timeout: TIMEOUT_MS };
  return new Promise((resolve, reject) => {
    const onAnswer = (response: http.IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        // A push service answers in a few bytes; read no more than a little of anything else.
        size += chunk.length;
        if (size <= 4096) chunks.push(chunk);
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    };
    const request = loopback ? http.request(url, options, onAnswer) : https.request(url, { ...options, agent }, onAnswer);
    request.on("timeout", () => request.destroy(new Error("push service did not answer in time")));
    request.on("error", reject);
    request.end(push.body ?? undefined);
  });
}
