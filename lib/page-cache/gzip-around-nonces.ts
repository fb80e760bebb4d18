// A stored page gzipped once, when it is stored, so that a hit for a browser (every browser asks
// for gzip) costs a checksum instead of compressing ~100 KB again (decision 088).
//
// The stretches of the page between its nonces are compressed one by one, each ending on a byte
// boundary (zlib's Z_SYNC_FLUSH; the last one ends the stream), so that a hit can put its own
// nonce between them as a stored block and wrap the whole in gzip's header and trailer (RFC 1951,
// RFC 1952), with the trailer's CRC-32 over what the reader will unpack. Each stretch is
// compressed with what precedes it as zlib's preset dictionary, so it may refer back across the
// nonces (the page's payload repeats its text: ~20 % fewer bytes than stretches compressed
// alone), but never into one: in that dictionary each nonce is a run of zero bytes, which no
// page text contains, so no match can cover it, and the distances hold for any nonce of the same
// length. A page with a zero byte in it is compressed stretch by stretch, without dictionaries.
// zlib does all compressing; what is written here is the framing.
//
// Plain TypeScript with relative imports: bundled with the server wrapper (decision 082).
import { promisify } from "node:util";
import { constants, crc32, deflateRaw } from "node:zlib";

const deflateRawAsync = promisify(deflateRaw);

/** zlib's default: as small as level 9 within 1 % for a page, at half its time. */
const LEVEL = 6;

/** Magic, DEFLATE, no flags, no time, default compression, unknown system (RFC 1952 §2.3). */
const HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff]);

/** A stored block holds at most this many bytes (LEN is 16 bits). */
const STORED_MAX = 0xffff;

/** The stretches compressed, and the length of the nonce they were compressed around. */
export type CompressedStretches = { pieces: Buffer[]; gapLength: number };

/** How far zlib looks back: its 32 KB window less its 262-byte lookahead. */
const WINDOW = 32 * 1024 - 262;

/**
 * The stretches compressed, in order, on the thread pool, around gaps of `gapLength` bytes.
 * Together with what goes into the gaps (gzipAround) they make one gzip member.
 */
export async function compressStretches(stretches: readonly Uint8Array[], gapLength: number): Promise<CompressedStretches> {
  const last = stretches.length - 1;
  const shareHistory = stretches.every((stretch) => !stretch.includes(0));
  const gap = Buffer.alloc(gapLength);
  let history = Buffer.alloc(0);
  const pieces: Buffer[] = [];
  // One after the other: each needs the one before, and a dozen zlib streams at once would each
  // hold their window for nothing.
  for (const [index, stretch] of stretches.entries()) {
    const output = await deflateRawAsync(stretch, {
      level: LEVEL,
      finishFlush: index === last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
      ...(shareHistory && history.byteLength > 0 ? { dictionary: history } : {}),
    });
    // zlib's output is a view into its 16 KB output chunk, or pooled when concatenated: a copy of
    // its own keeps alive only what the cache counts (decision 080).
    const own = Buffer.allocUnsafeSlow(output.byteLength);
    own.set(output);
    pieces.push(own);
    if (shareHistory && index < last) history = Buffer.concat([history, stretch, gap]).subarray(-WINDOW);
  }
  return { pieces, gapLength };
}

/**
 * DEFLATE's stored block (RFC 1951 §3.2.4): not the last block, no compression, then LEN and
 * its ones' complement, little-endian, then the bytes as they are. Its header's five free bits
 * are the padding to the byte boundary, where the flush before it has already left the stream.
 */
export function storedBlock(bytes: Uint8Array): Buffer {
  if (bytes.byteLength > STORED_MAX) throw new RangeError("A stored block holds at most 65,535 bytes.");
  const block = Buffer.allocUnsafe(5 + bytes.byteLength);
  block[0] = 0x00;
  block.writeUInt16LE(bytes.byteLength, 1);
  block.writeUInt16LE(~bytes.byteLength & 0xffff, 3);
  block.set(bytes, 5);
  return block;
}

/**
 * One gzip member of `stretches` with `between` put between each two of them: the pieces to
 * write, in order. `compressed` is compressStretches(stretches, between.byteLength).
 */
export function gzipAround(stretches: readonly Uint8Array[], compressed: CompressedStretches, between: Uint8Array): Buffer[] {
  if (compressed.pieces.length !== stretches.length) throw new Error("Each stretch needs its compressed form.");
  // The stretches' references back count the gaps' bytes: another length would shift them.
  if (between.byteLength !== compressed.gapLength) throw new RangeError("What goes between the stretches must be as long as what they were compressed around.");
  const block = storedBlock(between);
  const pieces: Buffer[] = [HEADER];
  let crc = 0;
  let size = 0;
  for (const [index, stretch] of stretches.entries()) {
    if (index > 0) {
      pieces.push(block);
      crc = crc32(between, crc);
      size += between.byteLength;
    }
    pieces.push(compressed.pieces[index]!);
    crc = crc32(stretch, crc);
    size += stretch.byteLength;
  }
  const trailer = Buffer.allocUnsafe(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  // ISIZE: the unpacked length modulo 2^32.
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  pieces.push(trailer);
  return pieces;
}
