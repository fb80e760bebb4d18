import "server-only";
import type { Metadata } from "sharp";
import { loadSharp } from "@/lib/images/load-sharp";
import { AppError } from "@/lib/errors";

// A logo is uploaded by staff and shown to everyone, so we never serve what was uploaded:
// sharp (libvips) decodes it — the format is read from the bytes, never from the name or the
// browser's type — and writes a fresh PNG without any metadata (EXIF, GPS, XMP, ICC comments),
// turned upright first (decision 036). SVG, GIF, TIFF, HEIF and anything else are refused: an
// SVG may carry scripts, and a raster logo is enough.

/** What the upload may be: the server-action limit is 1 MB for the whole form. */
export const LOGO_MAX_BYTES = 1024 * 1024;
/** Decoding stops beyond this many pixels (a small file can claim a huge image). */
export const LOGO_MAX_INPUT_PIXELS = 5000 * 5000;
/** The stored logo fits into this square; the banner shows it at most 48 px high. */
export const LOGO_MAX_SIDE = 512;
const ACCEPTED = new Set(["jpeg", "png", "webp"]);

export type ProcessedLogo = { bytes: Uint8Array<ArrayBuffer>; contentType: "image/png"; width: number; height: number };

function refused(key: string): AppError {
  return new AppError("INVALID_INPUT", "logo refused", { fieldErrors: { logo: [{ key }] } });
}

export async function processLogo(input: Uint8Array): Promise<ProcessedLogo> {
  if (input.byteLength > LOGO_MAX_BYTES) throw refused("validation.logoTooLarge");
  const sharp = await loadSharp();
  const options = { limitInputPixels: LOGO_MAX_INPUT_PIXELS, failOn: "error", animated: false } as const;
  let metadata: Metadata;
  try {
    // Reading the header decodes nothing; the pixel limit is checked below with its own message.
    metadata = await sharp(input, { ...options, limitInputPixels: false }).metadata();
  } catch {
    throw refused("validation.logoNotImage");
  }
  if (!metadata.format || !ACCEPTED.has(metadata.format)) throw refused("validation.logoNotImage");
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > LOGO_MAX_INPUT_PIXELS) throw refused("validation.logoTooLarge");
  try {
    const { data, info } = await sharp(input, options)
      .rotate()
      .resize({ width: LOGO_MAX_SIDE, height: LOGO_MAX_SIDE, fit: "inside", withoutEnlargement: true })
      .png({ compressionLevel: 9, palette: true })
      .toBuffer({ resolveWithObject: true });
    return { bytes: new Uint8Array(data), contentType: "image/png", width: info.width, height: info.height };
  } catch {
    throw refused("validation.logoNotImage");
  }
}
