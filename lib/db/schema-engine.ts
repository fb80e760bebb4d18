// Loads Prisma's WebAssembly schema engine without --experimental-wasm-modules, so that
// migration diffs work on machines where the native engine cannot be downloaded.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum, type SqlQuery, type SqlResultSet } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);

type Bindings = typeof import("@prisma/schema-engine-wasm") & { __wbg_set_wasm(wasm: WebAssembly.Exports): void };

// The bindings module keeps the wasm instance's memory in module state: instantiate once per
// process and create engines from it.
let bindingsPromise: Promise<Bindings> | undefined;

function loadBindings(): Promise<Bindings> {
  bindingsPromise ??= (async () => {
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bindings = (await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href)) as Bindings;
    const wasmModule = await WebAssembly.compile(readFileSync(path.join(dir, "schema_engine_bg.wasm")));
    const instance = await WebAssembly.instantiate(wasmModule, {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return bindingsPromise;
}

/** An engine connected to `url` (through the pg driver adapter) that knows `schema`. */
export async function loadSchemaEngine(options: { url: string; schema: string }): Promise<SchemaEngine> {
  const bindings = await loadBindings();
  // The engine reports panics through this global before throwing.
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry }).PRISMA_WASM_PANIC_REGISTRY ??= new PanicRegistry();
  const factory = bindMigrationAwareSqlAdapterFactory(
    new CatalogAdapterFactory({ connectionString: options.url, Client: CatalogClient as unknown as typeof pg.Client }),
  );
  return bindings.SchemaEngine.new(
    { datamodels: [["schema.prisma", options.schema]] },
    () => {},
    factory,
  );
}

class PanicRegistry {
  message = "";
  set_message(message: string) {
    this.message = `schema engine panicked: ${message}`;
    console.error(this.message);
  }
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The engine reads Postgres's catalogue, whose one-byte `"char"` columns (constraint and
 * relation kinds) the pg driver adapter does not know. The client below announces them as
 * text so the adapter accepts the result, and remembers which columns they were; the adapter
 * factory then reports those columns to the engine as characters, which is what it expects.
 */
const charColumnsOf = new WeakMap<object, number[]>();

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
  const parts: pg.QueryResult[] = Array.isArray(result) ? result : [result as pg.QueryResult];
  for (const part of parts) {
    const charColumns: number[] = [];
    (part?.fields ?? []).forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        charColumns.push(index);
      }
    });
    if (charColumns.length > 0) charColumnsOf.set(part.rows, charColumns);
  }
  return result;
}

type Queryable = { queryRaw(query: SqlQuery): Promise<SqlResultSet> };

function reportCharColumns<T extends Queryable>(adapter: T): T {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumnsOf.get(result.rows) ?? []) {
      result.columnTypes[index] = ColumnTypeEnum.Character;
    }
    return result;
  };
  return adapter;
}

class CatalogAdapterFactory extends PrismaPg {
  override async connect() {
    return reportCharColumns(await super.connect());
  }
  override async connectToShadowDb() {
    return reportCharColumns(await super.connectToShadowDb());
  }
}
