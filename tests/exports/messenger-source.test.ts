// A contribution that came by SMS / WhatsApp / Signal is labelled by its source in exports and in
// the results' tables — "By SMS or messenger" — and never by its number, nor by which app it came
// through (issue 18, decisions 045 and 052).
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encrypt } from "@/lib/channels/crypto";
import { findOrCreateContact } from "@/lib/channels/contacts";
import { db } from "@/lib/db/client";
import { exportDialogue } from "@/lib/exports/export-dialogue";
import { translatorFor } from "@/lib/i18n/translator";
import { addMember, createContribution, createDialogue, createUser, firstThemeId, openDialogue } from "@/tests/support/factories";
import { viewerOf } from "@/tests/support/viewers";

process.env.CHANNEL_ENCRYPTION_KEY = randomBytes(32).toString("base64");
const NUMBER = "+4915177665544";

describe("a messenger contribution in exports and results", () => {
  it.each(["csv", "json"] as const)("is labelled by its source in a %s export, without number or app", async (format) => {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    const channel = await db.messengerChannel.create({
      data: { municipalityId: dialogue.municipalityId, provider: "TWILIO", enabled: true, number: "+4930901850", accountRef: `AC${"2".repeat(32)}`, secretEncrypted: encrypt("token") },
    });
    const contact = await findOrCreateContact(channel.id, "WHATSAPP", `whatsapp:${NUMBER}`, "de");
    const { addressHash } = await db.channelContact.findUniqueOrThrow({ where: { id: contact.id } });
    const contribution = await createContribution({ dialogueId: dialogue.id, themeId: firstThemeId(dialogue), authorId: null, source: "MESSENGER", readBackConfirmedAt: new Date(), title: "Kein WLAN im Haus 3" });
    await db.channelContribution.create({ data: { contributionId: contribution.id, channelId: channel.id, kind: "WHATSAPP", senderHash: addressHash } });
    const moderator = await createUser();
    await addMember(dialogue.id, moderator.id, "MODERATOR");

    const file = await exportDialogue(await viewerOf(moderator.id), { dialogueId: dialogue.id, format, recordType: "contributions", locale: "de" });
    const text = Buffer.from(await new Response(file.body).arrayBuffer()).toString("utf8");
    expect(text).toContain("Kein WLAN im Haus 3");
    expect(text).toContain("MESSENGER");
    expect(text).toContain("Per SMS oder Messenger");
    expect(text).not.toContain("WhatsApp");
    expect(text).not.toContain("77665544");
    expect(text).not.toContain(addressHash);
  });

  it.each(["de", "en", "ar", "uk"])("has its own word in the results' table by source in %s (not \"Other\")", async (locale) => {
    const results = await translatorFor(locale, "results");
    const sources = await translatorFor(locale, "onBehalf.sources");
    expect(results("source", { source: "MESSENGER" })).toBe(sources("MESSENGER"));
    expect(results("source", { source: "MESSENGER" })).not.toBe(results("source", { source: "SOMETHING_ELSE" }));
  });
});
