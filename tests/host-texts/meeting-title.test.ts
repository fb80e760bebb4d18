// The meeting named in an offline contribution's "said at the meeting …" sentence: in the
// reader's language when a version exists, else the original, always with the language it is in
// (issue 13, decision 028), and rendered in a <bdi lang dir> inside the page's sentence.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Filled, TEXT } from "@/components/text/with-name";
import { meetingTitleFor } from "@/lib/host-texts/meeting-title";
import { addTranslation } from "@/lib/translations/add-translation";
import { createMeeting } from "@/tests/support/factories";
import { germanNeed, participant } from "@/tests/translations/support";

describe("the meeting's title inside a sentence", () => {
  it("is the original in the dialogue's first language, or the reader's version, with its lang", async () => {
    const { dialogue } = await germanNeed();
    const meeting = await createMeeting({ dialogueId: dialogue.id, title: "Treffen im Jugendhaus", description: "Wir sprechen über das WLAN." });
    expect(await meetingTitleFor(meeting, "de", "ar")).toEqual({ value: "Treffen im Jugendhaus", lang: "de" });

    const volunteer = await participant(dialogue.id);
    await addTranslation(volunteer, { meetingId: meeting.id, language: "ar", title: "لقاء في بيت الشباب", place: "بيت الشباب", body: "نتحدث عن الإنترنت." });
    expect(await meetingTitleFor(meeting, "de", "ar")).toEqual({ value: "لقاء في بيت الشباب", lang: "ar" });
    // A Ukrainian reader has no version: the German original, marked German.
    const shown = await meetingTitleFor(meeting, "de", "uk");
    expect(shown).toEqual({ value: "Treffen im Jugendhaus", lang: "de" });

    const html = renderToStaticMarkup(createElement(Filled, { message: `сказано на зустрічі «${TEXT}», 6 груд. 2026 р.,`, text: shown }));
    expect(html).toBe('сказано на зустрічі «<bdi lang="de" dir="ltr">Treffen im Jugendhaus</bdi>», 6 груд. 2026 р.,');
  });
});
