// A name or a title inside a catalogue sentence keeps its own element: a name in a <bdi> (its
// direction from its own letters), a title in a <bdi> with the language it is written in
// (decision 028). Everything else in the sentence stays text of the page's language.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Filled, NAME, TEXT, WithName } from "@/components/text/with-name";

describe("names and titles in a sentence", () => {
  it("puts a German title into an Arabic sentence with its lang and dir, and the name in a bdi", () => {
    const html = renderToStaticMarkup(
      createElement(Filled, { message: `${NAME} ردّ على تعليقك على «${TEXT}»`, name: "Sabine Krüger", text: { value: "Wohnen in der Weststadt", lang: "de" } }),
    );
    expect(html).toBe('<bdi>Sabine Krüger</bdi> ردّ على تعليقك على «<bdi lang="de" dir="ltr">Wohnen in der Weststadt</bdi>»');
  });

  it("gives an Arabic title rtl inside a German sentence", () => {
    const html = renderToStaticMarkup(createElement(Filled, { message: `Antwort auf „${TEXT}“`, text: { value: "مرافقة ومترجم", lang: "ar" } }));
    expect(html).toBe('Antwort auf „<bdi lang="ar" dir="rtl">مرافقة ومترجم</bdi>“');
  });

  it("leaves a sentence without marks as it is", () => {
    expect(renderToStaticMarkup(createElement(WithName, { message: "Bestätigte Rolle: Moderation", name: "x" }))).toBe("Bestätigte Rolle: Moderation");
  });
});
