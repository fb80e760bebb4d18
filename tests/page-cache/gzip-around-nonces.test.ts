import { deflateRawSync, gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compressStretches, gzipAround, storedBlock } from "@/lib/page-cache/gzip-around-nonces";

const nonce = Buffer.from("q7Yx0vB2c9RkT1mZ8pWn3A==");
const other = Buffer.from("A1b2C3d4E5f6G7h8I9j0KA==");

/** A page cut at its nonces, as the cache keeps it. */
const stretchesOf = (page: string) => page.split("NONCE").map((stretch) => Buffer.from(stretch, "utf8"));
const unpacked = (page: string, insert: Buffer) => page.split("NONCE").join(insert.toString("utf8"));
const gzipped = async (page: string, insert: Buffer) => {
  const stretches = stretchesOf(page);
  return Buffer.concat(gzipAround(stretches, await compressStretches(stretches, insert.byteLength), insert));
};

const text = "Deutschkurs am Abend, دورات لغة مسائية, вечерние курсы. ";
const large = `<p>${text.repeat(3_000)}</p>`;
// As a page and its payload: every text twice, once as markup, once in a script after a nonce.
// Each item's words its own (a seeded shuffle), so only the payload's copy repeats them.
const words = text.split(/[ ,.]+/).filter(Boolean);
const itemText = (seed: number) => Array.from({ length: 24 }, (_, at) => `${words[(seed * 7 + at * 13) % words.length]}${(seed * 31 + at * 17) % 97}`).join(" ");
const items = Array.from({ length: 20 }, (_, index) => `<li><a href="/de/c/${index}">${itemText(index)}</a></li>`).join("");
const pageWithPayload = `<ol>${items}</ol><script nonce="NONCE">self.__next_f.push(${JSON.stringify(items)})</script><script nonce="NONCE">1</script>`;

describe("a stored page gzipped around its nonces", () => {
  it.each([
    ["no nonce", "<!DOCTYPE html><html><body>Hallo</body></html>"],
    ["nonces in the middle", '<script nonce="NONCE">a</script><p>Text</p><script nonce="NONCE">b</script>'],
    ["a nonce first and last", "NONCE<p>zwischen</p>NONCE"],
    ["two nonces side by side", "<p>a</p>NONCENONCE<p>b</p>"],
    ["only a nonce", "NONCE"],
    ["text repeated across nonces", `nonce="NONCE" nonce="NONCE" ${"nonce=".repeat(40)}NONCE${"nonce=".repeat(40)}`],
    ["a page and its payload", pageWithPayload],
    ["Arabic, Cyrillic and Chinese text", '<p lang="ar">مرحبا NONCE بكم</p><p>Привет NONCE 你好</p>'],
    ["a zero byte in the page", `<p>a\u0000b</p>NONCE<p>a\u0000b</p>`],
    ["stretches larger than a window and a stored block", `${large}NONCE${large}NONCE${large}`],
  ])("unpacks to the page with each hit's own nonce, checksum and length checked by zlib (%s)", async (_case, page) => {
    for (const insert of [nonce, other]) {
      // gunzip refuses a wrong CRC-32 or length ("incorrect data check", "incorrect length check").
      expect(gunzipSync(await gzipped(page, insert)).toString("utf8")).toBe(unpacked(page, insert));
    }
  });

  it("refers back across the nonces, so a page with its payload is about as small as compressed whole", async () => {
    const alone = stretchesOf(pageWithPayload).reduce((sum, stretch) => sum + deflateRawSync(stretch).byteLength, 0);
    const whole = gzipSync(unpacked(pageWithPayload, nonce)).byteLength;
    const sent = (await gzipped(pageWithPayload, nonce)).byteLength;
    expect(sent).toBeLessThan(alone * 0.8);
    expect(sent).toBeLessThan(whole * 1.1);
  });

  it("refuses what goes between the stretches when its length differs from the one they were compressed around", async () => {
    const stretches = stretchesOf("a NONCE b");
    const compressed = await compressStretches(stretches, nonce.byteLength);
    expect(() => gzipAround(stretches, compressed, Buffer.from("kurz"))).toThrow(RangeError);
    expect(() => gzipAround(stretches, { ...compressed, pieces: [] }, nonce)).toThrow();
  });

  it("writes a stored block as RFC 1951 lays it out, and refuses one larger than 65,535 bytes", () => {
    expect([...storedBlock(Buffer.from("abc"))]).toEqual([0x00, 0x03, 0x00, 0xfc, 0xff, 0x61, 0x62, 0x63]);
    expect(() => storedBlock(new Uint8Array(65_536))).toThrow(RangeError);
  });
});
