// Codes typed on phones in other scripts: every decimal digit becomes its ASCII digit, so the
// same code is accepted however the keyboard wrote it.
import { describe, expect, it } from "vitest";
import { toAsciiDigits } from "@/lib/text/ascii-digits";

describe("toAsciiDigits", () => {
  it.each([
    ["ASCII", "0123456789", "0123456789"],
    ["Arabic-Indic", "٠١٢٣٤٥٦٧٨٩", "0123456789"],
    ["Extended Arabic-Indic (Persian, Dari, Urdu)", "۰۱۲۳۴۵۶۷۸۹", "0123456789"],
    ["full-width", "０１２３４５６７８９", "0123456789"],
    ["Devanagari", "०१२३४५६७८९", "0123456789"],
    ["Bengali", "০১২৩৪৫৬৭৮৯", "0123456789"],
    ["Myanmar", "၀၁၂၃၄၅၆၇၈၉", "0123456789"],
    ["mathematical bold (outside the BMP)", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗", "0123456789"],
    ["Adlam (outside the BMP, no compatibility form)", "𞥐𞥑𞥒𞥓𞥔𞥕𞥖𞥗𞥘𞥙", "0123456789"],
    ["full-width letters and dash", "ｋ７ｍｑ－４ＨＴＰ", "k7mq-4HTP"],
    ["a sign-in code in Persian digits", "K۷MQ-۴HTP-WN۳A", "K7MQ-4HTP-WN3A"],
    ["a sign-in code in Arabic-Indic digits", "K٧MQ 4HTP WN٣A", "K7MQ 4HTP WN3A"],
  ])("%s", (_script, typed, expected) => {
    expect(toAsciiDigits(typed)).toBe(expected);
  });

  it("leaves letters of other scripts alone", () => {
    expect(toAsciiDigits("مرحبا Привет")).toBe("مرحبا Привет");
  });
});
