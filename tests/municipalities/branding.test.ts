// A municipality's name, logo and accent colour (issue 15, decision 036): only its staff change
// them; an accent white text cannot be read on is refused with its ratio; a logo is re-encoded
// from its content (EXIF and GPS gone) or refused.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { accentReadable, contrastRatio, shownRatio } from "@/lib/municipalities/accent-contrast";
import { processLogo } from "@/lib/municipalities/process-logo";
import { updateBranding } from "@/lib/municipalities/update-branding";
import { GET as serveLogo } from "@/app/api/municipalities/[municipalityId]/logo/route";
import { addMember, createDialogue, createMunicipality, createUser } from "@/tests/support/factories";
import { appErrorOf, fieldKeys, viewerOf } from "@/tests/support/viewers";

async function staffOf(municipalityId: string, role: "STAFF" | "MODERATOR" = "STAFF") {
  const user = await createUser();
  await db.municipalityMembership.create({ data: { userId: user.id, municipalityId, role } });
  return viewerOf(user.id);
}

/** A photo as an office camera or phone writes it: JPEG with EXIF, a camera model and GPS. */
async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: "#0b4f8f" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "Stadtkamera", Model: "Rathaus 3000", Copyright: "Stadt Musterstadt" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 31/1 12/1", GPSLongitudeRef: "E", GPSLongitude: "13/1 24/1 36/1" },
    })
    .toBuffer();
}

describe("accent contrast (WCAG AA, white text on the accent)", () => {
  it.each([
    ["#0b2f55", true],
    ["#0b4f8f", true],
    ["#767676", true], // 4.54:1, the lightest grey that passes
    ["#777777", false], // 4.48:1
    ["#ffdd00", false],
    ["#ffffff", false],
  ])("%s readable: %s", (accent, readable) => {
    expect(accentReadable(accent)).toBe(readable);
  });

  it("computes the WCAG ratio", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(shownRatio(contrastRatio("#777777", "#ffffff"))).toBe(4.4);
  });
});

describe("updateBranding", () => {
  it("lets the municipality's staff set name, accent and logo", async () => {
    const municipality = await createMunicipality();
    const staff = await staffOf(municipality.id);
    await updateBranding(staff, { municipalityId: municipality.id, name: "Neustadt am See", accentColor: "#0B2F55" }, await jpegWithGps());
    const saved = await db.municipality.findUniqueOrThrow({ where: { id: municipality.id }, select: { name: true, accentColor: true, logo: true } });
    expect(saved).toMatchObject({ name: "Neustadt am See", accentColor: "#0b2f55", logo: { contentType: "image/png", width: 512, height: 384 } });

    // Removing the logo and the accent.
    await updateBranding(staff, { municipalityId: municipality.id, name: "Neustadt am See", accentColor: null, removeLogo: true }, null);
    expect(await db.municipality.findUniqueOrThrow({ where: { id: municipality.id }, select: { accentColor: true, logo: true } })).toEqual({ accentColor: null, logo: null });
  });

  it("refuses an accent white text cannot be read on, next to the field with its ratio, and changes nothing", async () => {
    const municipality = await createMunicipality();
    const staff = await staffOf(municipality.id);
    const error = await appErrorOf(updateBranding(staff, { municipalityId: municipality.id, name: "Hellstadt", accentColor: "#ffdd00" }, null));
    expect(error.code).toBe("INVALID_INPUT");
    expect(fieldKeys(error, "accentColor")).toEqual(["validation.accentTooLight"]);
    expect((error.details.fieldErrors as Record<string, { params?: { ratio: number } }[]>).accentColor![0]!.params).toEqual({ ratio: 1.3 });
    expect(await db.municipality.findUniqueOrThrow({ where: { id: municipality.id }, select: { name: true, accentColor: true } })).toEqual({ name: municipality.name, accentColor: null });
  });

  it("refuses anything but #rrggbb as an accent, and the database does too", async () => {
    const municipality = await createMunicipality();
    const staff = await staffOf(municipality.id);
    const error = await appErrorOf(updateBranding(staff, { municipalityId: municipality.id, name: "Stadt", accentColor: "red;}body{display:none" }, null));
    expect(fieldKeys(error, "accentColor")).toEqual(["validation.accentFormat"]);
    await expect(db.municipality.update({ where: { id: municipality.id }, data: { accentColor: "#000;}" } })).rejects.toThrow(/municipality_accent_color_format/);
  });

  it.each([
    ["a moderator", (municipalityId: string) => staffOf(municipalityId, "MODERATOR")],
    ["a dialogue host", async (municipalityId: string) => viewerOf((await createDialogue({ municipalityId })).createdById)],
    ["a participant", async (municipalityId: string) => {
      const participant = await createUser();
      await addMember((await createDialogue({ municipalityId })).id, participant.id, "PARTICIPANT");
      return viewerOf(participant.id);
    }],
    ["other towns' staff", async () => staffOf((await createMunicipality()).id)],
    ["a platform admin", async () => viewerOf((await createUser({ isPlatformAdmin: true })).id)],
    ["a visitor", async () => null],
  ])("refuses %s", async (who, viewerFor) => {
    const municipality = await createMunicipality();
    const input = { municipalityId: municipality.id, name: "Übernommen", accentColor: "#0b2f55" };
    expect((await appErrorOf(updateBranding(await viewerFor(municipality.id), input, null))).code).toBe(who === "a visitor" ? "UNAUTHENTICATED" : "FORBIDDEN");
    expect((await db.municipality.findUniqueOrThrow({ where: { id: municipality.id } })).name).toBe(municipality.name);
  });
});

describe("processLogo", () => {
  it("re-encodes a JPEG with EXIF and GPS into a PNG without any metadata", async () => {
    const input = await jpegWithGps();
    const before = await sharp(input).metadata();
    expect(before.exif).toBeDefined();
    expect(input.includes(Buffer.from("Rathaus 3000"))).toBe(true);

    const logo = await processLogo(input);
    const after = await sharp(Buffer.from(logo.bytes)).metadata();
    expect(after.format).toBe("png");
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    const bytes = Buffer.from(logo.bytes);
    expect(["Rathaus 3000", "Stadtkamera", "Exif", "GPS"].filter((trace) => bytes.includes(Buffer.from(trace)))).toEqual([]);
    expect([logo.width, logo.height]).toEqual([512, 384]);
  });

  it.each([
    ["a text file", Buffer.from("Das ist kein Bild, nur Text mit der Endung .png")],
    ["an SVG (could carry script)", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>')],
    ["HTML", Buffer.from("<!doctype html><script>alert(1)</script>")],
    ["a truncated PNG", Buffer.from("89504e470d0a1a0a0000000d49484452", "hex")],
  ])("refuses %s, whatever its name says", async (_name, input) => {
    const error = await appErrorOf(processLogo(input));
    expect(error.code).toBe("INVALID_INPUT");
    expect(fieldKeys(error, "logo")).toEqual(["validation.logoNotImage"]);
  });

  it("refuses a GIF: only PNG, JPEG and WebP are read", async () => {
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#000" } }).gif().toBuffer();
    expect(fieldKeys(await appErrorOf(processLogo(gif)), "logo")).toEqual(["validation.logoNotImage"]);
  });

  it("refuses a file over 1 MB and an image claiming more than 25 million pixels", async () => {
    expect(fieldKeys(await appErrorOf(processLogo(new Uint8Array(1024 * 1024 + 1))), "logo")).toEqual(["validation.logoTooLarge"]);
    const huge = await sharp({ create: { width: 5001, height: 5000, channels: 3, background: "#fff" } }).jpeg({ quality: 10 }).toBuffer();
    expect(huge.byteLength).toBeLessThan(1024 * 1024);
    expect(fieldKeys(await appErrorOf(processLogo(huge)), "logo")).toEqual(["validation.logoTooLarge"]);
  });
});

describe("the logo route", () => {
  it("serves the stored PNG from our origin with its type, nosniff-safe headers and a year's cache for its version", async () => {
    const municipality = await createMunicipality();
    await updateBranding(await staffOf(municipality.id), { municipalityId: municipality.id, name: municipality.name, accentColor: null }, await jpegWithGps());
    const { updatedAt } = await db.municipalityLogo.findUniqueOrThrow({ where: { municipalityId: municipality.id } });
    const url = `http://localhost/api/municipalities/${municipality.id}/logo?v=${updatedAt.getTime()}`;
    const response = await serveLogo(new Request(url), { params: Promise.resolve({ municipalityId: municipality.id }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await sharp(Buffer.from(await response.arrayBuffer())).metadata()).format).toBe("png");

    const missing = await serveLogo(new Request("http://localhost/api/municipalities/x/logo"), { params: Promise.resolve({ municipalityId: "not-a-uuid" }) });
    expect(missing.status).toBe(404);
  });
});
