// The bare baseline of `npm run bench`: node:http and pg, nothing else. For each read page it
// runs the very SQL statements the app sent for that page (recorded by bench/sql-recorder.mjs,
// with their parameters, in the same waves of parallel queries) and writes every returned value
// into minimal, escaped HTML. mitreden's throughput divided by this server's, measured in the
// same run, is the figure of merit for what the framework, rendering and our code cost on top of
// the database work.
//
//   tsx bench/baseline-server.ts <port> <database-url> <pages.json>
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import pg from "pg";

export type Statement = { text: string; values: unknown[] };
/** Statements sent at the same time by the app run together here too. */
export type BaselinePage = { path: string; waves: Statement[][] };

const [portArgument, databaseUrl, pagesFile] = process.argv.slice(2);
if (!portArgument || !databaseUrl || !pagesFile) {
  console.error("usage: tsx bench/baseline-server.ts <port> <database-url> <pages.json>");
  process.exit(2);
}
const pages = new Map((JSON.parse(readFileSync(pagesFile, "utf8")) as BaselinePage[]).map((page) => [page.path, page.waves]));
// The app's pool size (DATABASE_POOL_SIZE default): the same number of connections.
const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
pool.on("error", (error) => console.error(error.message));

const escape = (value: unknown) =>
  String(value instanceof Date ? value.toISOString() : typeof value === "object" && value !== null ? JSON.stringify(value) : value).replace(
    /[&<>"']/g,
    (c) => `&#${c.charCodeAt(0)};`,
  );

const server = createServer(async (request, response) => {
  const waves = pages.get(request.url ?? "");
  if (!waves) {
    response.statusCode = 404;
    response.end("not found");
    return;
  }
  try {
    const parts: string[] = ['<!doctype html><html lang="de"><meta charset="utf-8"><title>baseline</title><main>'];
    for (const wave of waves) {
      const results = await Promise.all(wave.map((statement) => pool.query(statement.text, statement.values)));
      for (const result of results) {
        parts.push("<table>");
        for (const row of result.rows as Record<string, unknown>[]) {
          parts.push(`<tr>${Object.values(row).map((value) => `<td>${escape(value)}</td>`).join("")}</tr>`);
        }
        parts.push("</table>");
      }
    }
    parts.push("</main></html>");
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.end(parts.join(""));
  } catch (error) {
    response.statusCode = 500;
    response.end((error as Error).message);
  }
});
server.listen(Number(portArgument), "127.0.0.1", () => console.log(`baseline listening on ${portArgument}`));
process.on("SIGTERM", () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
