import "server-only";
import type { Metadata } from "sharp";
import { loadSharp } from "./load-sharp";
import { IMAGE_MAX_BYTES, IMAGE_MAX_INPUT_PIXELS, LARGE_SIDE, PHONE_SIDE } from "./limits";

// A photo is taken on someone's phone and shown to everyone, so we never serve what was uploaded
// (decision 050): sharp (libvips) decodes it — the format is read from the bytes, never from the
// name or the browser's type — turns it upright by its EXIF orientation, and writes two fresh
// WebP files without any metadata (EXIF with GPS, XMP, IPTC, ICC, comments): sharp keeps none
// unless asked (withMetadata/keepMetadata, which we never call). The pixel limit is checked from
// the header before anything is decoded, and again by libvips while decoding (limitInputPixels).

/** Formats people's phones and computers send; GIF, SVG, TIFF, HEIC and the rest are refused. */
const ACCEPTED = new Set(["jpeg", "png", "webp"]);

export type ImageProblem = "tooLarge" | "notImage" | "tooManyPixels";

export type ProcessedImage = {
  phone: { bytes: Uint8Array<ArrayBuffer>; width: number; height: number };
  large: { bytes: Uint8Array<ArrayBuffer>; width: number; height: number };
};

export class ImageRefused extends Error {
  constructor(readonly problem: ImageProblem) {
    super(`image refused: ${problem}`);
  }
}

async function encode(input: Uint8Array, side: number, quality: number) {
  const sharp = await loadSharp();
  const { data, info } = await sharp(input, { limitInputPixels: IMAGE_MAX_INPUT_PIXELS, failOn: "error", animated: false })
    .rotate()
    .resize({ width: side, height: side, fit: "inside", withoutEnlargement: true })
    .webp({ quality, effort: 4 })
    .toBuffer({ resolveWithObject: true });
  return { bytes: new Uint8Array(data), width: info.width, height: info.height };
}

/**
 * What the header says, without decoding a pixel: ImageRefused when the file is too large, no
 * photo we take, or has too many pixels. Cheap enough to run before the text is valid (decision 055).
 */
export async function inspectImage(input: Uint8Array): Promise<void> {
  if (input.byteLength > IMAGE_MAX_BYTES) throw new ImageRefused("tooLarge");
  const sharp = await loadSharp();
  let metadata: Metadata;
  try {
    // Reading the header decodes no pixels; the limit gets its own message below.
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRefused("notImage");
  }
  if (!metadata.format || !ACCEPTED.has(metadata.format)) throw new ImageRefused("notImage");
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > IMAGE_MAX_INPUT_PIXELS) throw new ImageRefused("tooManyPixels");
}

/** The photo as we keep it, or ImageRefused with what is wrong with it. */
export async function processImage(input: Uint8Array): Promise<ProcessedImage> {
  await inspectImage(input);
  try {
    // One after the other: two decodes of a large photo at once would double the memory.
    const phone = await encode(input, PHONE_SIDE, 72);
    const large = await encode(input, LARGE_SIDE, 78);
    return { phone, large };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw new ImageRefused("tooManyPixels");
    throw new ImageRefused("notImage");
  }
}
