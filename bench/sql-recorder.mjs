// Preloaded into the benchmarked Next.js server (NODE_OPTIONS=--import …) by bench/run.ts only.
// Every SQL statement the app sends goes through pg's Client#query (Prisma's pg adapter, the
// rate limiter and next-auth's adapter alike), so wrapping it there sees all of them without
// touching the app. While recording is switched on (through a small HTTP endpoint on
// BENCH_SQL_PORT), each statement is kept with its parameters and timing: the bench counts them
// per page and replays exactly these statements in the bare baseline server. Off, the wrapper
// only passes calls through.
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.cwd(), "package.json"));
const pg = require("pg");
const port = Number(process.env.BENCH_SQL_PORT);

let recording = false;
let log = [];
const original = pg.Client.prototype.query;

pg.Client.prototype.query = function query(config, values, callback) {
  if (!recording) return original.call(this, config, values, callback);
  const text = typeof config === "string" ? config : config?.text;
  const params = typeof config === "object" && config !== null && Array.isArray(config.values) ? config.values : Array.isArray(values) ? values : [];
  const entry = { text, values: params.map(serialisable), start: performance.now(), end: 0 };
  log.push(entry);
  const result = original.call(this, config, values, callback);
  if (result && typeof result.then === "function") {
    result.then(
      () => (entry.end = performance.now()),
      () => (entry.end = performance.now()),
    );
  } else {
    entry.end = performance.now();
  }
  return result;
};

function serialisable(value) {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return { buffer: value.toString("base64") };
  if (typeof value === "bigint") return value.toString();
  return value;
}

if (port) {
  const server = createServer((request, response) => {
    if (request.url === "/start") {
      log = [];
      recording = true;
      response.end("ok");
    } else if (request.url === "/stop") {
      recording = false;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(log));
      log = [];
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  // A second process started with the same NODE_OPTIONS (a worker) must not take the port.
  server.on("error", () => {});
  server.listen(port, "127.0.0.1");
  server.unref();
}
