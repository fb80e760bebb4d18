// Cursors of a page of dialogues (lib/dialogues/dialogue-pages) that no link ever carried: a test
// of each paged list checks it ignores them and reads the page by its number.
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export const FORGED_DIALOGUE_CURSORS: readonly (readonly [string, string])[] = [
  ["not base64", "not-base64!"],
  ["a date that does not exist", cursor(["COLLECTING", "2026-02-30T09:00:00.000Z", "00000000-0000-4000-8000-000000000000"])],
  ["SQL for a phase", cursor(["COLLECTING'; DROP TABLE x", "2026-01-01T09:00:00.000Z", "00000000-0000-4000-8000-000000000000"])],
  ["an object", cursor({})],
  ["no id", cursor(["COLLECTING", "2026-01-01T09:00:00.000Z"])],
];
