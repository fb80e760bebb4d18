// Receipts for voices recorded offline (decision 032): every entry on someone's behalf gets a
// code the person takes home; /r/<code> shows its status and the town's answers to whoever holds
// it — never who recorded it or a private perspective —; a code that leads nowhere counts
// against the address; a signed-in person attaches it once and becomes its author.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recordOfflineContribution } from "@/lib/contributions/record-offline-contribution";
import { attachReceipt } from "@/lib/receipts/attach-receipt";
import { giveSupport } from "@/lib/supports/give-support";
import { supportCounts } from "@/lib/supports/support-counts";
import { getReceiptSlip, replaceReceipt } from "@/lib/receipts/get-receipt-slip";
import { lookUpReceipt } from "@/lib/receipts/look-up-receipt";
import { formatReceiptCode, generateReceiptCode, normalizeReceiptCode, receiptPath } from "@/lib/receipts/receipt-code";
import { LIMITS } from "@/lib/rate-limit";
import { postResponse } from "@/lib/responses/post-response";
import { createContribution, createUser, respond } from "@/tests/support/factories";
import { appErrorOf, context, fieldKeys, uniqueAddress, viewerOf } from "@/tests/support/viewers";
import { hostOf, memberAs } from "@/tests/support/meetings";
import { offlineInput } from "@/tests/support/offline";
import { dialogueIn, participant } from "@/tests/support/participation";

async function recorded(overrides: Record<string, string | boolean> = {}) {
  const dialogue = await dialogueIn("COLLECTING");
  const recorder = await memberAs(dialogue.id, "RECORDER", "LOCAL_ACTOR");
  const { id } = await recordOfflineContribution(recorder, offlineInput(dialogue, overrides));
  const receipt = await db.receipt.findUniqueOrThrow({ where: { contributionId: id } });
  return { dialogue, recorder, contributionId: id, code: receipt.code };
}

describe("receipt codes", () => {
  it("are 10 characters without look-alikes, typed with any case, spaces, dashes or Arabic-Indic digits", () => {
    const code = generateReceiptCode();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    expect(normalizeReceiptCode(formatReceiptCode(code).toLowerCase())).toBe(code);
    expect(normalizeReceiptCode("k7mq4 htpw٣")).toBe("K7MQ4HTPW3");
    expect(normalizeReceiptCode("K7MQ4-HTPW0")).toBeNull(); // 0 is no character of the alphabet
    expect(normalizeReceiptCode("K7MQ4")).toBeNull();
    expect(receiptPath("ar", "K7MQ4HTPWN")).toBe("/ar/r/K7MQ4-HTPWN");
  });
});

describe("a receipt for every voice recorded offline", () => {
  it("is made with the contribution, and its slip speaks the person's language (else the dialogue's first)", async () => {
    const { dialogue, recorder, contributionId, code } = await recorded({ language: "ar" });
    const slip = await getReceiptSlip(recorder, { contributionId, dialogueId: dialogue.id });
    expect(slip).toMatchObject({ code: formatReceiptCode(code), locale: "ar", attached: false });

    // A language without a UI (Kurdish Sorani, say) falls back to the dialogue's first language.
    await db.dialogue.update({ where: { id: dialogue.id }, data: { languages: ["de", "ckb"] } });
    const other = await recordOfflineContribution(recorder, offlineInput(dialogue, { language: "ckb" }));
    expect((await getReceiptSlip(recorder, { contributionId: other.id, dialogueId: dialogue.id }))?.locale).toBe("de");
  });

  it("is never made for an online contribution (a trigger refuses it)", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const online = await createContribution({ dialogueId: dialogue.id });
    await expect(db.receipt.create({ data: { contributionId: online.id, code: generateReceiptCode() } })).rejects.toThrow(/recorded on someone's behalf/);
  });

  it("is printed again by the host team and its recorder with the same code; another recorder and a participant are refused", async () => {
    const { dialogue, recorder, contributionId, code } = await recorded();
    const again = await getReceiptSlip(await hostOf(dialogue), { contributionId, dialogueId: dialogue.id });
    expect(again?.rawCode).toBe(code);
    expect((await getReceiptSlip(recorder, { contributionId, dialogueId: dialogue.id }))?.rawCode).toBe(code);
    const otherRecorder = await memberAs(dialogue.id, "RECORDER");
    expect((await appErrorOf(getReceiptSlip(otherRecorder, { contributionId, dialogueId: dialogue.id }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(getReceiptSlip(await participant(dialogue.id), { contributionId, dialogueId: dialogue.id }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(getReceiptSlip(null, { contributionId, dialogueId: dialogue.id }))).code).toBe("UNAUTHENTICATED");
  });

  it("is replaced when the slip is lost: the old code leads nowhere at once", async () => {
    const { dialogue, contributionId, code } = await recorded();
    const fresh = await replaceReceipt(await hostOf(dialogue), { contributionId, dialogueId: dialogue.id });
    expect(fresh).not.toBe(code);
    expect((await lookUpReceipt(code, context())).found).toBe(false);
    const found = await lookUpReceipt(fresh, context());
    expect(found.found && found.contribution.id).toBe(contributionId);
    expect((await db.receipt.findUniqueOrThrow({ where: { contributionId } })).rotatedAt).not.toBeNull();
  });
});

describe("/r/<code>: what the holder of a receipt reads", () => {
  it("shows the contribution, its status and the town's answers, typed any way", async () => {
    const { contributionId, code } = await recorded({ language: "ar", title: "دورة لغة مع رعاية الأطفال" });
    await respond(contributionId, { status: "PLANNED", body: "Ab März gibt es einen Kurs mit Kinderbetreuung.", language: "de" });
    const receipt = await lookUpReceipt(formatReceiptCode(code).toLowerCase(), context());
    expect(receipt.found).toBe(true);
    if (!receipt.found) return;
    expect(receipt.shown).toBe(true);
    expect(receipt.contribution).toMatchObject({ id: contributionId, title: "دورة لغة مع رعاية الأطفال", language: "ar", status: "PLANNED" });
    expect(receipt.contribution.responses.map((response) => response.body)).toEqual(["Ab März gibt es einen Kurs mit Kinderbetreuung."]);
  });

  it("tells nothing about who recorded it, where, through whom, or a private perspective", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const recorder = await memberAs(dialogue.id, "RECORDER");
    const recorderName = (await db.user.findUniqueOrThrow({ where: { id: recorder.id } })).displayName;
    const { id } = await recordOfflineContribution(recorder, offlineInput(dialogue, { source: "INTERPRETED", interpreterName: "Parisa Rahimi" }));
    const { code } = await db.receipt.findUniqueOrThrow({ where: { contributionId: id } });
    const receipt = await lookUpReceipt(code, context());
    const serialized = JSON.stringify(receipt);
    const secrets = [recorder.id, recorderName, "Parisa Rahimi", "LIVED_EXPERIENCE", "INTERPRETED", "recordedById", "interpreter", "authorPerspective"];
    expect(secrets.filter((secret) => serialized.includes(secret))).toEqual([]);
  });

  it("says only that a hidden or withdrawn contribution is not shown", async () => {
    const { contributionId, code } = await recorded({ title: "Geheimer Titel" });
    await db.contribution.update({ where: { id: contributionId }, data: { hiddenAt: new Date(), hiddenCategory: "SPAM" } });
    const receipt = await lookUpReceipt(code, context());
    expect(receipt.found && receipt.shown).toBe(false);
    expect(JSON.stringify(receipt)).not.toContain("Geheimer Titel");
  });

  it("counts codes that lead nowhere against the address; then refuses even a real code until the window ends", async () => {
    const { code } = await recorded();
    const address = uniqueAddress();
    for (let i = 0; i < LIMITS.receiptMissPerAddress.points; i++) {
      expect((await lookUpReceipt(generateReceiptCode(), { address })).found).toBe(false);
    }
    const limited = await appErrorOf(lookUpReceipt(code, { address }));
    expect(limited.code).toBe("RATE_LIMITED");
    expect(Number(limited.details.retryAfterMinutes)).toBeGreaterThan(0);
    // Another address (another shelter) is not affected, and real codes never count.
    const elsewhere = uniqueAddress();
    for (let i = 0; i < LIMITS.receiptMissPerAddress.points + 2; i++) expect((await lookUpReceipt(code, { address: elsewhere })).found).toBe(true);
  });
});

describe("attaching a receipt: 'this was my need'", () => {
  it("makes the person its author once: they follow it, the record of how it was recorded stays", async () => {
    const { dialogue, recorder, contributionId, code } = await recorded({ showPerspective: true });
    const nour = await viewerOf((await createUser({ perspective: "LIVED_EXPERIENCE", showPerspective: false })).id);
    await attachReceipt(nour, { code: formatReceiptCode(code) }, context());

    const row = await db.contribution.findUniqueOrThrow({ where: { id: contributionId } });
    expect(row).toMatchObject({ authorId: nour.id, source: "PAPER", recordedById: recorder.id, authorPerspective: "LIVED_EXPERIENCE" });
    expect(row.readBackConfirmedAt).not.toBeNull();
    // Hers now: others see her perspective only when she agreed at read-back AND her account
    // shows it (private here, the trigger recomputes it).
    expect(row.shownPerspective).toBe("NOT_STATED");
    expect(await db.follow.findUnique({ where: { userId_contributionId: { userId: nour.id, contributionId } } })).toMatchObject({ unfollowedAt: null });
    expect(await db.receipt.findUniqueOrThrow({ where: { contributionId } })).toMatchObject({ attachedById: nour.id });

    // Once: attaching again is a no-op for her, refused for anyone else.
    await attachReceipt(nour, { code }, context());
    const daniel = await participant(dialogue.id);
    const error = await appErrorOf(attachReceipt(daniel, { code }, context()));
    expect(fieldKeys(error, "code")).toEqual(["receipt.alreadyAttached"]);
    expect((await db.contribution.findUniqueOrThrow({ where: { id: contributionId } })).authorId).toBe(nour.id);
    // The receipt keeps showing the contribution to its holder.
    expect((await lookUpReceipt(code, context())).found).toBe(true);
  });

  it("is notified like an online author when the town answers", async () => {
    const { dialogue, contributionId, code } = await recorded();
    const nour = await viewerOf((await createUser({ locale: "ar" })).id);
    await attachReceipt(nour, { code }, context());
    await postResponse(await hostOf(dialogue), { contributionId, status: "PLANNED", body: "Ab März gibt es einen Kurs.", language: "de" });
    const notes = await db.notification.findMany({ where: { userId: nour.id, contributionId } });
    expect(notes.map((note) => note.type)).toContain("RESPONSE_POSTED");
  });

  it("refuses the recorder, a signed-out visitor, and an unknown code", async () => {
    const { recorder, code } = await recorded();
    expect(fieldKeys(await appErrorOf(attachReceipt(recorder, { code }, context())), "code")).toEqual(["receipt.ownRecording"]);
    expect((await appErrorOf(attachReceipt(null, { code }, context()))).code).toBe("UNAUTHENTICATED");
    const someone = await viewerOf((await createUser()).id);
    expect(fieldKeys(await appErrorOf(attachReceipt(someone, { code: generateReceiptCode() }, context())), "code")).toEqual(["receipt.unknown"]);
    // Two people at once: exactly one wins (the row is claimed with a conditional update).
    const [a, b] = await Promise.all([viewerOf((await createUser()).id), viewerOf((await createUser()).id)]);
    const results = await Promise.allSettled([attachReceipt(a, { code }, context()), attachReceipt(b, { code }, context())]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });

  // Security review of decision 032: attaching must never make a private perspective public.
  it("keeps a perspective private that the voice kept private at read-back, whatever the account shows", async () => {
    const { contributionId, code } = await recorded();
    const before = await db.contribution.findUniqueOrThrow({ where: { id: contributionId } });
    expect([before.voiceShowsPerspective, before.shownPerspective]).toEqual([false, "NOT_STATED"]);
    const nour = await viewerOf((await createUser({ perspective: "LIVED_EXPERIENCE", showPerspective: true })).id);
    await attachReceipt(nour, { code }, context());
    const after = await db.contribution.findUniqueOrThrow({ where: { id: contributionId } });
    expect(after.authorId).toBe(nour.id);
    expect(after.shownPerspective).toBe("NOT_STATED");
    // Her account showing it later changes nothing either.
    await db.user.update({ where: { id: nour.id }, data: { showPerspective: false } });
    await db.user.update({ where: { id: nour.id }, data: { showPerspective: true } });
    expect((await db.contribution.findUniqueOrThrow({ where: { id: contributionId } })).shownPerspective).toBe("NOT_STATED");
  });

  // Security review of decision 024: an author never supports their own words — the tally next
  // to their name would tell the perspective they keep private.
  it("takes back the support of a person who attaches the receipt of words they had supported; the counts stay honest", async () => {
    const { dialogue, contributionId, code } = await recorded();
    const nour = await participant(dialogue.id, "LIVED_EXPERIENCE");
    await db.user.update({ where: { id: nour.id }, data: { showPerspective: false } });
    const other = await participant(dialogue.id, "LOCAL_ACTOR");
    await giveSupport(nour, { contributionId });
    expect((await giveSupport(other, { contributionId })).supports.total).toBe(2);

    await attachReceipt(nour, { code }, context());
    const counts = await supportCounts(contributionId);
    expect(counts.total).toBe(1);
    expect(counts.byPerspective.filter((p) => p.online > 0)).toEqual([{ perspective: "LOCAL_ACTOR", online: 1, atMeetings: 0 }]);
    // Hers now: she cannot support it again.
    expect((await appErrorOf(giveSupport(nour, { contributionId }))).code).toBe("FORBIDDEN");
    expect((await supportCounts(contributionId)).total).toBe(1);
  });

  it("shows the perspective after attaching when the voice agreed and the account shows it", async () => {
    const { contributionId, code } = await recorded({ showPerspective: true });
    const nour = await viewerOf((await createUser({ perspective: "LIVED_EXPERIENCE", showPerspective: true })).id);
    await attachReceipt(nour, { code }, context());
    expect((await db.contribution.findUniqueOrThrow({ where: { id: contributionId } })).shownPerspective).toBe("LIVED_EXPERIENCE");
  });

  it.each(["HOST", "CO_HOST", "MODERATOR", "RECORDER"] as const)("refuses everyone on the dialogue's team: a %s", async (role) => {
    const { dialogue, contributionId, code } = await recorded();
    let member;
    if (role === "HOST") {
      const host = await hostOf(dialogue);
      await db.user.update({ where: { id: host.id }, data: { showPerspective: true } });
      member = await viewerOf(host.id);
    } else member = await memberAs(dialogue.id, role);
    // The host team can print the slip and read its code: still not theirs to attach.
    expect((await appErrorOf(attachReceipt(member, { code }, context()))).code).toBe("FORBIDDEN");
    const row = await db.contribution.findUniqueOrThrow({ where: { id: contributionId } });
    expect([row.authorId, row.shownPerspective]).toEqual([null, "NOT_STATED"]);
    expect((await db.receipt.findUniqueOrThrow({ where: { contributionId } })).attachedById).toBeNull();
  });

  it("refuses the interpreter of these words", async () => {
    const { contributionId, code } = await recorded();
    const interpreter = await viewerOf((await createUser()).id);
    await db.contribution.update({ where: { id: contributionId }, data: { interpreterId: interpreter.id } });
    expect(fieldKeys(await appErrorOf(attachReceipt(interpreter, { code }, context())), "code")).toEqual(["receipt.ownRecording"]);
  });

  it("is kept once by the database too", async () => {
    const { contributionId, code } = await recorded();
    const first = await viewerOf((await createUser()).id);
    await attachReceipt(first, { code }, context());
    const second = await createUser();
    await expect(db.receipt.update({ where: { contributionId }, data: { attachedById: second.id, attachedAt: new Date() } })).rejects.toThrow(/attached once/);
  });
});
