// Local HTTP servers that speak the messenger providers' real protocols (decision 045), and record
// every request they receive so that a test asserts exactly what was sent:
// - Twilio's REST API: POST /2010-04-01/Accounts/{sid}/Messages.json (basic auth, form-encoded),
//   the media of received messages under …/Messages/{MM…}/Media/{ME…} (basic auth), and their
//   deletion, DELETE …/Messages/{MM…}/Media/{ME…}.json (204; 404 once gone, as Twilio answers);
// - signal-cli-rest-api in normal mode: POST /v2/send (JSON), GET /v1/receive/{number} (what
//   arrived since the last call, each message once), GET /v1/attachments/{id}.
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = { method: string; path: string; authorization: string | undefined; contentType: string | undefined; body: string };

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export type TwilioServer = Awaited<ReturnType<typeof startTwilioServer>>;

/** Twilio's Messages resource for one account; `media` maps a media path to its bytes. */
export async function startTwilioServer(accountSid: string, authToken: string) {
  const requests: RecordedRequest[] = [];
  const media = new Map<string, { bytes: Uint8Array; type: string }>();
  let failDeletes = 0;
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const path = request.url ?? "";
    requests.push({ method: request.method ?? "", path, authorization: request.headers.authorization, contentType: request.headers["content-type"], body });
    if (request.headers.authorization !== expectedAuth) {
      response.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ code: 20003, message: "Authenticate", status: 401 }));
      return;
    }
    if (request.method === "POST" && path === `/2010-04-01/Accounts/${accountSid}/Messages.json`) {
      const form = new URLSearchParams(body);
      response.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ sid: `SM${requests.length}`, to: form.get("To"), from: form.get("From"), body: form.get("Body"), status: "queued" }));
      return;
    }
    if (request.method === "DELETE" && path.endsWith(".json") && media.has(path.slice(0, -".json".length))) {
      if (failDeletes > 0) {
        failDeletes -= 1;
        response.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ code: 20500, message: "Service unavailable", status: 503 }));
        return;
      }
      media.delete(path.slice(0, -".json".length));
      response.writeHead(204).end();
      return;
    }
    const stored = request.method === "GET" ? media.get(path) : undefined;
    if (stored) {
      response.writeHead(200, { "content-type": stored.type }).end(Buffer.from(stored.bytes));
      return;
    }
    response.writeHead(404).end();
  });
  const origin = await listen(server);
  return {
    origin,
    requests,
    /** The messages sent, as Twilio's form fields. */
    messages: () => requests.filter((r) => r.method === "POST").map((r) => Object.fromEntries(new URLSearchParams(r.body))),
    addMedia(id: string, bytes: Uint8Array, type: string): string {
      const path = `/2010-04-01/Accounts/${accountSid}/Messages/MM${id}/Media/ME${id}`;
      media.set(path, { bytes, type });
      return `${origin}${path}`;
    },
    /** Whether Twilio still keeps the media at `url` (addMedia's address). */
    hasMedia: (url: string) => media.has(new URL(url).pathname),
    /** The next `count` deletions answer 503, as Twilio does when it is down. */
    failNextDeletes(count: number) {
      failDeletes = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** X-Twilio-Signature as Twilio computes it: HMAC-SHA1 over the URL and the sorted parameters, base64. */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = url + Object.keys(params).sort().map((key) => key + params[key]).join("");
  return createHmac("sha1", authToken).update(Buffer.from(data, "utf8")).digest("base64");
}

export type SignalServer = Awaited<ReturnType<typeof startSignalServer>>;

/** signal-cli-rest-api for one registered number. */
export async function startSignalServer(number: string) {
  const requests: RecordedRequest[] = [];
  let inbox: unknown[] = [];
  const attachments = new Map<string, Uint8Array>();
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const path = request.url ?? "";
    requests.push({ method: request.method ?? "", path, authorization: request.headers.authorization, contentType: request.headers["content-type"], body });
    if (request.method === "POST" && path === "/v2/send") {
      response.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ timestamp: String(Date.now()) }));
      return;
    }
    if (request.method === "GET" && path === `/v1/receive/${encodeURIComponent(number)}`) {
      const out = inbox;
      inbox = [];
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(out));
      return;
    }
    const attachment = path.startsWith("/v1/attachments/") ? attachments.get(decodeURIComponent(path.slice("/v1/attachments/".length))) : undefined;
    if (request.method === "GET" && attachment) {
      response.writeHead(200, { "content-type": "application/octet-stream" }).end(Buffer.from(attachment));
      return;
    }
    response.writeHead(404).end();
  });
  const origin = await listen(server);
  let timestamp = 1_765_000_000_000;
  return {
    origin,
    requests,
    sent: () => requests.filter((r) => r.method === "POST").map((r) => JSON.parse(r.body) as { message: string; number: string; recipients: string[] }),
    /** A message from `from` waiting to be received, as signal-cli's JSON envelope. */
    deliver(from: string, message: string | null, attachment?: { id: string; bytes: Uint8Array; contentType: string }) {
      timestamp += 1000;
      if (attachment) attachments.set(attachment.id, attachment.bytes);
      inbox.push({
        envelope: {
          source: from,
          sourceNumber: from,
          sourceUuid: "6b8e2f9c-0d3a-4c51-9e27-2f4f6a1b7c90",
          sourceName: "",
          sourceDevice: 1,
          timestamp,
          dataMessage: {
            timestamp,
            message,
            expiresInSeconds: 0,
            viewOnce: false,
            ...(attachment ? { attachments: [{ contentType: attachment.contentType, filename: null, id: attachment.id, size: attachment.bytes.byteLength }] } : {}),
          },
        },
        account: number,
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
