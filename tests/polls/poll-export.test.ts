// Polls in the exports (decision 048): closed polls per answer × perspective, online and at meetings
// apart, with the same small-number rule as the pages; open polls not at all.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { exportDialogue } from "@/lib/exports/export-dialogue";
import { answerPoll } from "@/lib/polls/answer-poll";
import { POLL_MIN_GROUP } from "@/lib/polls/poll-tally";
import { memberAs } from "@/tests/support/meetings";
import { dialogueIn, participant } from "@/tests/support/participation";
import { closeNow, pollIn } from "@/tests/support/polls";

async function bytesOf(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(body).arrayBuffer());
}

describe("the polls export", () => {
  it("has a closed poll's answers per perspective in CSV and XLSX, an empty cell where a group is under the threshold, and no open poll", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const closed = await pollIn(dialogue);
    const open = await pollIn(dialogue, { answers: ["Morgens", "Abends"] });
    for (let i = 0; i < POLL_MIN_GROUP; i++) await answerPoll(await participant(dialogue.id, "LOCAL_ACTOR"), { pollId: closed.id, optionIds: [closed.options[1]!.id] });
    await answerPoll(await participant(dialogue.id, "LIVED_EXPERIENCE"), { pollId: closed.id, optionIds: [closed.options[0]!.id] });
    await answerPoll(await participant(dialogue.id, "LIVED_EXPERIENCE"), { pollId: open.id, optionIds: [open.options[0]!.id] });
    await closeNow(closed.id);
    const staff = await memberAs(dialogue.id, "MODERATOR");

    const file = await exportDialogue(staff, { dialogueId: dialogue.id, format: "csv", recordType: "polls" });
    const rows = parse(await bytesOf(file.body), { bom: true }) as string[][];
    const [header, ...records] = rows;
    expect(header!.slice(0, 7)).toEqual(["Umfrage-ID", "Frage", "Antwort (Umfrage)", "Perspektive", "Personen (online)", "Online", "Bei Treffen"]);
    expect(records).toHaveLength(3 * 4);
    expect(new Set(records.map((row) => row[0]))).toEqual(new Set([closed.id]));
    const cell = (answer: string, perspective: string) => records.find((row) => row[2] === answer && row[7] === perspective)!;
    // Online five; at meetings no hand was counted, which is kept under the threshold alike (empty).
    expect(cell("Nein", "LOCAL_ACTOR").slice(4, 7)).toEqual([String(POLL_MIN_GROUP), String(POLL_MIN_GROUP), ""]);
    // The one person with lived experience: nothing of their answer, in any row.
    expect(["Ja", "Nein", "Weiß nicht"].map((answer) => [answer, ...cell(answer, "LIVED_EXPERIENCE").slice(4, 6)])).toEqual([
      ["Ja", "", ""],
      ["Nein", "", ""],
      ["Weiß nicht", "", ""],
    ]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf((await exportDialogue(staff, { dialogueId: dialogue.id, format: "xlsx" })).body)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets.at(-1)!;
    expect(sheet.name).toBe("Kurzumfragen (nach Gruppe)");
    expect(sheet.rowCount).toBe(1 + 3 * 4);
    expect(await db.poll.count({ where: { dialogueId: dialogue.id } })).toBe(2);
  });
});
