// Loads Prisma's WebAssembly schema engine without --experimental-wasm-modules, so that
// migration diffs work on machines where the native engine cannot be downloaded.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);

/**
 * `url` is a database the engine may connect to; for diffs that replay migrations it creates
 * (and drops again) a temporary shadow database on that server.
 */
export async function loadSchemaEngine(options: { url: string; schema: string }): Promise<SchemaEngine> {
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const bindings = (await import(
    pathToFileURL(path.join(dir, "schema_engine_bg.js")).href
  )) as typeof import("@prisma/schema-engine-wasm") & { __wbg_set_wasm(wasm: WebAssembly.Exports): void };
  const module = await WebAssembly.compile(readFileSync(path.join(dir, "schema_engine_bg.wasm")));
  const imports: WebAssembly.Imports = {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  };
  const instance = await WebAssembly.instantiate(module, imports);
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();

  const factory = bindMigrationAwareSqlAdapterFactory(
    new PrismaPg({ connectionString: options.url, Client: CatalogClient }),
  );
  return bindings.SchemaEngine.new(
    { datamodels: [["schema.prisma", options.schema]] },
    () => {},
    factory,
  );
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The engine reads Postgres's catalogue, whose internal one-byte `"char"` columns the pg driver
 * adapter does not know; their values arrive as strings anyway, so we announce them as text.
 */
class CatalogClient extends pg.Client {
  // @ts-expect-error -- pg's overloads cannot be re-declared one by one; we forward them all.
  override query(...args: unknown[]) {
    const run = super.query.bind(this) as (...a: unknown[]) => unknown;
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const callback = last as (error: Error | null, result?: pg.QueryResult) => void;
      return run(...args.slice(0, -1), (error: Error | null, result?: pg.QueryResult) =>
        callback(error, result && announceCharAsText(result)),
      );
    }
    return (run(...args) as Promise<pg.QueryResult>).then(announceCharAsText);
  }
}

function announceCharAsText<T extends pg.QueryResult | pg.QueryResult[]>(result: T): T {
  for (const part of Array.isArray(result) ? result : [result]) {
    for (const field of part?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
  }
  return result;
}
