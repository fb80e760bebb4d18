// Started by Playwright (playwright.config.ts, webServer): a fresh database cloned from the
// migrated template, seeded; a local SMTP catcher whose mails tests read from
// http://127.0.0.1:<E2E_MAIL_PORT>/mails?to=<address>; on the same port a LibreTranslate-compatible
// translator (POST /translate; what it was asked: GET /translate-requests); a local Twilio
// (Messages resource, tests/support/messenger-providers.ts; what it was asked: GET
// /twilio-requests); and the production build of the app.
// Stops everything again on SIGTERM.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import pg from "pg";
import { dropDatabase } from "../lib/db/databases";
import { APP_ROLE, asRole, ensureAppRole, grantAppPrivileges } from "../lib/db/roles";
import { cloneTemplate, ensureTemplate, startTestServer, TEST_APP_PASSWORD } from "../lib/db/test-databases";
import { runSeed } from "../prisma/seed";
import { startTwilioServer } from "../tests/support/messenger-providers";
import { startSmtpCatcher } from "../tests/support/smtp-catcher";
import { E2E_TWILIO_ACCOUNT_SID, E2E_TWILIO_AUTH_TOKEN } from "../e2e/support/twilio";
import { startNext } from "./next-server";
import webpush from "web-push";

const port = Number(process.env.E2E_PORT ?? 3100);
/** The bearer token of /api/metrics in the end-to-end server (e2e/operator-reads-logs-and-metrics.spec.ts). */
const E2E_METRICS_TOKEN = "e2e-metrics-token-0123456789abcdefghijkl";
const mailPort = Number(process.env.E2E_MAIL_PORT ?? 3101);
/** The key the app sends with each machine translation (checked by the spec that reads /translate-requests). */
const E2E_LIBRETRANSLATE_KEY = "e2e-libretranslate-key";

const server = await startTestServer();
const name = `mitreden_e2e_${randomBytes(6).toString("hex")}`;
const databaseUrl = await cloneTemplate(server.serverUrl, await ensureTemplate(server.serverUrl), name);
await runSeed(databaseUrl);
// The server connects as the app's own role, as `npm start` does (lib/db/roles.ts).
await ensureAppRole(server.serverUrl, TEST_APP_PASSWORD);
await grantAppPrivileges(databaseUrl, APP_ROLE);

const smtp = await startSmtpCatcher();
// The SMS channel's provider (e2e/person-speaks-and-writes-in-by-sms.spec.ts connects it on the messenger page).
const twilio = await startTwilioServer(E2E_TWILIO_ACCOUNT_SID, E2E_TWILIO_AUTH_TOKEN);
// The app's log lines (JSON, one per line, on the server's stdout), for specs that check what is logged.
const logLines: string[] = [];
let partialLine = "";
/** What the app sent to the machine translator, in order (e2e/author-reads-answer-in-own-language.spec.ts). */
const translateRequests: unknown[] = [];
const mailbox = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  response.setHeader("content-type", "application/json");
  // The LibreTranslate protocol: JSON in ({ q, source, target, format, api_key }), { translatedText } out.
  if (url.pathname === "/translate" && request.method === "POST") {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { q: string; target: string };
      translateRequests.push(body);
      response.end(JSON.stringify({ translatedText: `[${body.target}] ${body.q}` }));
    });
    return;
  }
  if (url.pathname === "/translate-requests") return void response.end(JSON.stringify(translateRequests));
  if (url.pathname === "/logs") return void response.end(JSON.stringify(logLines));
  if (url.pathname === "/twilio-requests") return void response.end(JSON.stringify(twilio.requests));
  // Jobs still waiting or running in the queue: mail not sent yet (e2e/staff-signs-in-with-email-link.spec.ts).
  // Jobs of scheduled queues (the Signal poll every minute, retention, the digest) are not waited for.
  if (url.pathname === "/jobs") {
    void pendingJobs().then((pending) => response.end(JSON.stringify({ pending })));
    return;
  }
  const to = url.searchParams.get("to") ?? "";
  response.end(JSON.stringify(to ? smtp.mails.filter((mail) => mail.to.includes(to.toLowerCase())) : smtp.mails));
});

async function pendingJobs(): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND name NOT IN (SELECT name FROM pgboss.schedule)`);
    return rows[0]?.count ?? 0;
  } finally {
    await client.end();
  }
}
await new Promise<void>((resolve) => mailbox.listen(mailPort, "127.0.0.1", () => resolve()));

const next = startNext({
  port,
  databaseUrl: asRole(databaseUrl, APP_ROLE, TEST_APP_PASSWORD),
  host: "127.0.0.1",
  env: {
    NODE_ENV: "production",
    // The page cache says hit or miss (e2e/page-cache.spec.ts); production servers do not by default.
    PAGE_CACHE_HEADER: "on",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    SMTP_URL: smtp.url,
    MAIL_FROM: "mitreden <noreply@mitreden.test>",
    // Reports of barriers (e2e/visitor-reports-barrier.spec.ts) go to the catcher too.
    FEEDBACK_EMAIL: "barrierefreiheit@mitreden.test",
    METRICS_TOKEN: E2E_METRICS_TOKEN,
    // Machine translation on, against the translator above.
    LIBRETRANSLATE_URL: `http://127.0.0.1:${mailPort}`,
    LIBRETRANSLATE_API_KEY: E2E_LIBRETRANSLATE_KEY,
    // Web Push (decision 031): a key pair of this run, and endpoints of the specs' own push service on
    // http://127.0.0.1 (e2e/participant-gets-push-notification.spec.ts). The app's workers send them.
    ...vapid(),
    VAPID_SUBJECT: "mailto:betrieb@mitreden.test",
    PUSH_ALLOW_LOOPBACK: "on",
    // The SMS / messenger channel (decision 045): numbers sealed with this run's key, Twilio local.
    CHANNEL_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    TWILIO_API_URL: twilio.origin,
  },
  // Every request writes an info line; the test output shows only warnings, errors and
  // anything that is not a log line (the specs read all of them from /logs).
  printLine: (line) => !/^\{"level":"(info|debug|trace)"/.test(line),
  onOutput: (chunk) => {
    const lines = (partialLine + chunk.toString("utf8")).split("\n");
    partialLine = lines.pop() ?? "";
    logLines.push(...lines.filter((line) => line.startsWith("{")));
  },
});

function vapid() {
  const { publicKey, privateKey } = webpush.generateVAPIDKeys();
  return { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey };
}

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await next.stop();
  mailbox.close();
  await twilio.close();
  await smtp.stop();
  await dropDatabase(server.serverUrl, name).catch((error: unknown) => console.error(error));
  await server.stop();
  process.exit(code);
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
next.exited.then((code) => void stop(code ?? 1));
