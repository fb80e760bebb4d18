import { describe, expect, it } from "vitest";
import { allIds, list, openedDialogue, seed } from "./seed";

describe("listContributions full-text search", () => {
  it("finds German text by a word in the title or the body, in any case, and several words together", async () => {
    const dialogue = await openedDialogue();
    const [course, childcare, other] = await seed(dialogue, [
      { title: "Deutschkurs am Abend", body: "Viele arbeiten tagsüber und können nur abends lernen." },
      { title: "Kinderbetreuung", body: "Während des Deutschkurses fehlt eine Betreuung für die Kinder." },
      { title: "Busverbindung", body: "Der Bus fährt nach 20 Uhr nicht mehr." },
    ]);
    expect((await allIds(dialogue.id, { q: "deutschkurs" })).ids).toEqual([course?.id]);
    expect((await allIds(dialogue.id, { q: "KINDER" })).ids).toEqual([childcare?.id]);
    expect((await allIds(dialogue.id, { q: "Bus Uhr" })).ids).toEqual([other?.id]);
    expect((await allIds(dialogue.id, { q: "Bus Kinder" })).ids).toEqual([]);
    expect((await list(dialogue.id, { q: "Wohnung" })).total).toBe(0);
  });

  it("finds Arabic, Farsi and Ukrainian text by its words", async () => {
    const dialogue = await openedDialogue();
    const [arabic, farsi, ukrainian] = await seed(dialogue, [
      { title: "دورات لغة للأمهات", body: "نحتاج إلى دورات لغة مع رعاية الأطفال", language: "ar" },
      { title: "کلاس زبان", body: "ما به کلاس زبان در عصر نیاز داریم", language: "fa" },
      { title: "Курси мови для матерів", body: "Нам потрібні курси мови з доглядом за дітьми", language: "uk" },
      { title: "Sprachkurs", body: "Ein Kurs für Mütter mit Kinderbetreuung", language: "de" },
    ]);
    expect((await allIds(dialogue.id, { q: "دورات" })).ids).toEqual([arabic?.id]);
    expect((await allIds(dialogue.id, { q: "رعاية الأطفال" })).ids).toEqual([arabic?.id]);
    expect((await allIds(dialogue.id, { q: "زبان" })).ids).toEqual([farsi?.id]);
    // Cyrillic is lower-cased like Latin: "КУРСИ" finds "Курси" and "курси".
    expect((await allIds(dialogue.id, { q: "КУРСИ" })).ids).toEqual([ukrainian?.id]);
    expect((await allIds(dialogue.id, { q: "потрібні" })).ids).toEqual([ukrainian?.id]);
  });

  it("combines with filters and sorts", async () => {
    const dialogue = await openedDialogue();
    const [needAr, , needUk] = await seed(dialogue, [
      { kind: "NEED", body: "سكن wohnung", language: "ar", minute: 1 },
      { kind: "PROPOSAL", body: "سكن wohnung", language: "ar", minute: 2 },
      { kind: "NEED", body: "житло wohnung", language: "uk", minute: 3 },
    ]);
    expect((await allIds(dialogue.id, { q: "wohnung", kind: "NEED", sort: "newest" })).ids).toEqual([needUk?.id, needAr?.id]);
    expect((await allIds(dialogue.id, { q: "سكن", kind: "NEED" })).ids).toEqual([needAr?.id]);
  });

  it("treats search syntax and SQL in the query as words", async () => {
    const dialogue = await openedDialogue();
    const [quoted] = await seed(dialogue, [{ title: "Deutschkurs", body: "Abendkurs" }]);
    expect((await allIds(dialogue.id, { q: "'; DROP TABLE \"Contribution\"; --" })).ids).toEqual([]);
    expect((await allIds(dialogue.id, { q: "\"Deutschkurs\" or Abendkurs" })).ids).toEqual([quoted?.id]);
    expect((await allIds(dialogue.id, { q: "deutschkurs & | ! (" })).ids).toEqual([quoted?.id]);
  });
});
