import "server-only";
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { recordType, type Cell, type Column, type ExportScope, type RecordTypeKey, type ValueContext } from "./definition";
import { isoInTimeZone, localDateTimeText, localWallClock } from "./values";

// Three writers over the one declaration (./definition.ts). Each pulls a batch of rows from the
// database only when the reader has taken the previous output, so memory stays flat.

/** Labels in the export's language: column headers and sheet names; and the municipality's clock. */
export type Labels = ValueContext & {
  column: (label: string) => string;
  /** The header of a column's machine-code twin, e.g. "Art (Code)". */
  codeColumn: (label: string) => string;
  recordType: (key: RecordTypeKey) => string;
  yes: string;
  no: string;
  /** IANA zone of the municipality: every time is written on its clock. */
  timeZone: string;
};

export type Separator = "comma" | "semicolon";

const encoder = new TextEncoder();

/** A byte stream that asks the source for more only when the reader wants it. */
export function pullStream(source: AsyncGenerator<string | Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await source.next();
      if (done) controller.close();
      else controller.enqueue(typeof value === "string" ? encoder.encode(value) : value);
    },
    async cancel() {
      await source.return(undefined);
    },
  });
}

type Target = "csv" | "xlsx" | "json";
const baseType = (column: Column<unknown>) => column.type.replace("?", "");

/** One value as the target writes it: times on the municipality's clock, booleans in words for CSV. */
function written(cell: Cell, column: Column<unknown>, labels: Labels, target: Target): Cell {
  if (cell instanceof Date) {
    if (baseType(column) === "date") return target === "xlsx" ? cell : cell.toISOString().slice(0, 10);
    if (target === "csv") return localDateTimeText(cell, labels.timeZone);
    return target === "xlsx" ? localWallClock(cell, labels.timeZone) : isoInTimeZone(cell, labels.timeZone);
  }
  if (typeof cell === "boolean" && target === "csv") return cell ? labels.yes : labels.no;
  return cell;
}

/** The columns of a record type whose codes go beside their words. */
const codedColumns = (key: RecordTypeKey) => recordType(key).columns.filter((column) => column.code);

/** A table's header: every column's label, then the code columns (CSV and XLSX). */
export function exportHeaders(key: RecordTypeKey, labels: Labels): string[] {
  return [...recordType(key).columns.map((column) => labels.column(column.label)), ...codedColumns(key).map((column) => labels.codeColumn(column.label))];
}

/** A JSON record's keys: every column, a coded one as its code plus `<key>Label`. */
export function exportJsonKeys(key: RecordTypeKey): string[] {
  return recordType(key).columns.flatMap((column) => (column.code ? [column.key, `${column.key}Label`] : [column.key]));
}

async function* rowsOf(key: RecordTypeKey, scope: ExportScope, labels: Labels, target: "csv" | "xlsx"): AsyncGenerator<Cell[][]> {
  const { columns, batches } = recordType(key);
  const codes = codedColumns(key);
  for await (const batch of batches(scope)) {
    yield batch.map((row) => [
      ...columns.map((column) => written(column.value(row, labels), column, labels, target)),
      ...codes.map((column) => column.code!(row)),
    ]);
  }
}

async function* objectsOf(key: RecordTypeKey, scope: ExportScope, labels: Labels): AsyncGenerator<Record<string, Cell>[]> {
  const { columns, batches } = recordType(key);
  for await (const batch of batches(scope)) {
    yield batch.map((row) =>
      Object.fromEntries(
        columns.flatMap((column) => {
          const value = written(column.value(row, labels), column, labels, "json");
          return column.code ? [[column.key, column.code(row)], [`${column.key}Label`, value]] : [[column.key, value]];
        }),
      ),
    );
  }
}

// A cell that starts like a formula runs as one when the CSV is opened in a spreadsheet (CSV
// injection, OWASP); a leading apostrophe makes it text. Only CSV needs it: XLSX cells are typed.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(cell: Cell): string | number | null {
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === "boolean") return cell ? "true" : "false";
  if (typeof cell === "string" && FORMULA_START.test(cell)) return `'${cell}`;
  return cell;
}

/** One record type as CSV: UTF-8 with a byte order mark, so spreadsheets read umlauts and Arabic. */
export async function* csvChunks(key: RecordTypeKey, scope: ExportScope, labels: Labels, separator: Separator): AsyncGenerator<string> {
  const delimiter = separator === "semicolon" ? ";" : ",";
  yield stringify([exportHeaders(key, labels)], { bom: true, delimiter, record_delimiter: "windows" });
  for await (const rows of rowsOf(key, scope, labels, "csv")) {
    yield stringify(
      rows.map((row) => row.map(csvCell)),
      { delimiter, record_delimiter: "windows" },
    );
  }
}

/** Every record type as one JSON document (schema: ./export-schema.ts), written array by array. */
export async function* jsonChunks(
  scope: ExportScope,
  labels: Labels,
  meta: { schema: string; dialogue: { id: string; title: string; municipality: string; phase: string }; exportedAt: Date },
): AsyncGenerator<string> {
  const head = {
    $schema: meta.schema,
    dialogue: { ...meta.dialogue, phaseLabel: labels.term("phases", meta.dialogue.phase) },
    exportedAt: isoInTimeZone(meta.exportedAt, labels.timeZone),
    timeZone: labels.timeZone,
    includesHidden: scope.includeHidden,
  };
  yield JSON.stringify(head).slice(0, -1);
  for (const key of RECORD_ORDER) {
    yield `,${JSON.stringify(key)}:[`;
    let first = true;
    for await (const objects of objectsOf(key, scope, labels)) {
      yield (first ? "" : ",") + objects.map((object) => JSON.stringify(object)).join(",");
      first = false;
    }
    yield "]";
  }
  yield "}\n";
}

const RECORD_ORDER: RecordTypeKey[] = ["contributions", "comments", "supports", "responses", "meetings", "moderationLog", "images", "polls"];

// XML 1.0 has no place for most control characters; one in a text would make the file unreadable.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function sheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, " ").trim().slice(0, 31) || "Sheet";
  while (used.has(base)) base = `${base.slice(0, 28)} ${used.size}`;
  used.add(base);
  return base;
}

/** Every record type as one workbook, one sheet each, streamed row by row through exceljs. */
export function xlsxStream(scope: ExportScope, labels: Labels): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const used = new Set<string>();
  (async () => {
    for (const key of RECORD_ORDER) {
      const sheet = workbook.addWorksheet(sheetName(labels.recordType(key), used));
      sheet.addRow(exportHeaders(key, labels)).commit();
      // Real date cells with a number format every Excel reads, whatever its language.
      const formats = recordType(key).columns.map((column) => (baseType(column) === "date" ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm"));
      for await (const rows of rowsOf(key, scope, labels, "xlsx")) {
        for (const cells of rows) {
          const row = sheet.addRow(cells.map((cell) => (typeof cell === "string" ? cell.replace(NOT_XML, "") : cell)));
          cells.forEach((cell, index) => {
            if (cell instanceof Date) row.getCell(index + 1).numFmt = formats[index] ?? "yyyy-mm-dd hh:mm";
          });
          row.commit();
        }
        // Wait for the reader before fetching the next batch.
        if (output.writableNeedDrain) await once(output, "drain");
      }
      sheet.commit();
    }
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
