/**
 * Image intake shared by every module that accepts photos (Schadensmelder, project images): the type is decided by the file's content (magic bytes), never by its name; JPEG and
 * PNG are decoded and re-encoded, which drops every metadata segment (EXIF with GPS, XMP, comments).
 * WebP cannot be decoded by the pure-JS libraries we use, so its metadata chunks are cut out of the
 * RIFF container instead and it is kept as uploaded otherwise.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { AppError, badRequest } from '../http/errors.js';

export type ImageKind = 'jpeg' | 'png' | 'webp';

export interface ProcessedPhoto {
  mime: string;
  width: number;
  height: number;
  data: Buffer;
  thumb: Buffer;
  thumbMime: string;
}

export interface PhotoLimits {
  maxBytes: number;
  /** Longest side of the stored photo; larger uploads are scaled down. */
  maxSide: number;
  thumbSide: number;
}

export const DEFAULT_PHOTO_LIMITS: PhotoLimits = { maxBytes: 10 * 1024 * 1024, maxSide: 2048, thumbSide: 320 };
const MAX_MEGAPIXELS = 50;

interface Raster {
  width: number;
  height: number;
  data: Uint8Array; // RGBA
}

export function detectImage(buf: Buffer): ImageKind | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (buf.length >= 16 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

/** Error codes are `<prefix>_INVALID` and `<prefix>_TOO_LARGE`, so each module keeps its own, e.g. `REPORTS_PHOTO`. */
export interface PhotoOptions {
  limits?: PhotoLimits;
  codePrefix: string;
  /** The formats the caller accepts; all three by default. */
  accept?: readonly ImageKind[];
}

const invalid = (prefix: string, field: string, message: string) => badRequest(`${prefix}_INVALID`, message, field);
const NAMES: Record<ImageKind, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP' };

export function processPhoto(buf: Buffer, field: string, options: PhotoOptions): ProcessedPhoto {
  const { limits = DEFAULT_PHOTO_LIMITS, codePrefix: prefix, accept = ['jpeg', 'png', 'webp'] } = options;
  if (buf.length > limits.maxBytes) {
    throw new AppError(`${prefix}_TOO_LARGE`, `A photo may be at most ${Math.round(limits.maxBytes / 1048576)} MB.`, { status: 413, field });
  }
  const kind = detectImage(buf);
  if (!kind || !accept.includes(kind)) {
    const formats = accept.map((k) => NAMES[k]).join(', ').replace(/, ([^,]*)$/, ' or $1');
    throw invalid(prefix, field, `Only photos in ${formats} format are accepted; this file is none of them.`);
  }
  if (kind === 'webp') return processWebp(buf, field, prefix);
  const raster = kind === 'jpeg' ? decodeJpeg(buf, field, prefix) : decodePng(buf, field, prefix);
  const scaled = fit(raster, limits.maxSide);
  return {
    mime: kind === 'jpeg' ? 'image/jpeg' : 'image/png',
    width: scaled.width,
    height: scaled.height,
    data: encode(scaled, kind),
    thumb: encode(fit(scaled, limits.thumbSide), 'jpeg'),
    thumbMime: 'image/jpeg',
  };
}

/** Re-encodes a stored photo with black rectangles (fractions of width/height) over the parts to hide. */
export function redactPhoto(
  buf: Buffer,
  rects: { x: number; y: number; w: number; h: number }[],
  codePrefix: string,
  limits = DEFAULT_PHOTO_LIMITS,
) {
  const kind = detectImage(buf);
  if (kind !== 'jpeg' && kind !== 'png') throw badRequest(`${codePrefix}_REDACT_UNSUPPORTED`, 'Only JPEG and PNG photos can be blacked out.', 'body.rects');
  const raster = kind === 'jpeg' ? decodeJpeg(buf, 'photo', codePrefix) : decodePng(buf, 'photo', codePrefix);
  for (const r of rects) {
    const x0 = Math.max(0, Math.floor(r.x * raster.width));
    const y0 = Math.max(0, Math.floor(r.y * raster.height));
    const x1 = Math.min(raster.width, Math.ceil((r.x + r.w) * raster.width));
    const y1 = Math.min(raster.height, Math.ceil((r.y + r.h) * raster.height));
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const i = (y * raster.width + x) * 4;
        raster.data[i] = 0;
        raster.data[i + 1] = 0;
        raster.data[i + 2] = 0;
        raster.data[i + 3] = 255;
      }
    }
  }
  return { data: encode(raster, kind), thumb: encode(fit(raster, limits.thumbSide), 'jpeg') };
}

function decodeJpeg(buf: Buffer, field: string, prefix: string): Raster {
  let img: { width: number; height: number; data: Uint8Array; exifBuffer?: Uint8Array };
  try {
    img = jpeg.decode(buf, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 1024 });
  } catch {
    throw invalid(prefix, field, 'The JPEG file is damaged or too large to read.');
  }
  // Re-encoding loses the EXIF orientation; apply it to the pixels so the photo stays upright.
  return orient({ width: img.width, height: img.height, data: img.data }, img.exifBuffer ? exifOrientation(Buffer.from(img.exifBuffer)) : 1);
}

function decodePng(buf: Buffer, field: string, prefix: string): Raster {
  try {
    const png = PNG.sync.read(buf);
    if (png.width * png.height > MAX_MEGAPIXELS * 1_000_000) throw new Error('too large');
    return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
  } catch {
    throw invalid(prefix, field, 'The PNG file is damaged or too large to read.');
  }
}

function encode(r: Raster, kind: 'jpeg' | 'png'): Buffer {
  if (kind === 'png') {
    const png = new PNG({ width: r.width, height: r.height });
    Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength).copy(png.data);
    return PNG.sync.write(png);
  }
  // A fresh object on purpose: jpeg-js writes back any `exifBuffer` found on the image it encodes.
  return jpeg.encode({ width: r.width, height: r.height, data: r.data }, 85).data;
}

/** Box-filter downscale so the longest side is at most `side`. */
function fit(r: Raster, side: number): Raster {
  const scale = side / Math.max(r.width, r.height);
  if (scale >= 1) return r;
  const w = Math.max(1, Math.round(r.width * scale));
  const h = Math.max(1, Math.round(r.height * scale));
  const out = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    const sy0 = Math.floor(y / scale);
    const sy1 = Math.min(r.height, Math.max(sy0 + 1, Math.floor((y + 1) / scale)));
    for (let x = 0; x < w; x++) {
      const sx0 = Math.floor(x / scale);
      const sx1 = Math.min(r.width, Math.max(sx0 + 1, Math.floor((x + 1) / scale)));
      const acc = [0, 0, 0, 0];
      for (let sy = sy0; sy < sy1; sy++) {
        for (let sx = sx0; sx < sx1; sx++) {
          const i = (sy * r.width + sx) * 4;
          for (let c = 0; c < 4; c++) acc[c]! += r.data[i + c]!;
        }
      }
      const n = (sy1 - sy0) * (sx1 - sx0);
      const o = (y * w + x) * 4;
      for (let c = 0; c < 4; c++) out[o + c] = Math.round(acc[c]! / n);
    }
  }
  return { width: w, height: h, data: out };
}

/** Reads tag 0x0112 (Orientation) from a TIFF-structured EXIF block; 1 when absent or unreadable. */
export function exifOrientation(exif: Buffer): number {
  try {
    const start = exif.toString('latin1', 0, 4) === 'Exif' ? 6 : 0;
    const le = exif.toString('latin1', start, start + 2) === 'II';
    const u16 = (o: number) => (le ? exif.readUInt16LE(start + o) : exif.readUInt16BE(start + o));
    const u32 = (o: number) => (le ? exif.readUInt32LE(start + o) : exif.readUInt32BE(start + o));
    const ifd = u32(4);
    const count = u16(ifd);
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      if (u16(entry) === 0x0112) {
        const v = u16(entry + 8);
        return v >= 1 && v <= 8 ? v : 1;
      }
    }
  } catch {
    // A broken EXIF block only means we cannot honour its orientation.
  }
  return 1;
}

function orient(r: Raster, orientation: number): Raster {
  if (orientation === 1) return r;
  const swap = orientation >= 5;
  const w = swap ? r.height : r.width;
  const h = swap ? r.width : r.height;
  const out = new Uint8Array(r.data.length);
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      let nx: number;
      let ny: number;
      switch (orientation) {
        case 2: [nx, ny] = [r.width - 1 - x, y]; break;
        case 3: [nx, ny] = [r.width - 1 - x, r.height - 1 - y]; break;
        case 4: [nx, ny] = [x, r.height - 1 - y]; break;
        case 5: [nx, ny] = [y, x]; break;
        case 6: [nx, ny] = [r.height - 1 - y, x]; break;
        case 7: [nx, ny] = [r.height - 1 - y, r.width - 1 - x]; break;
        default: [nx, ny] = [y, r.width - 1 - x]; break; // 8
      }
      out.set(r.data.subarray((y * r.width + x) * 4, (y * r.width + x) * 4 + 4), (ny * w + nx) * 4);
    }
  }
  return { width: w, height: h, data: out };
}

/** Keeps only the image chunks of a WebP file (drops EXIF, XMP, ICCP) and fixes the VP8X flags. */
function processWebp(buf: Buffer, field: string, prefix: string): ProcessedPhoto {
  const chunks: Buffer[] = [];
  let width = 0;
  let height = 0;
  let offset = 12;
  try {
    while (offset + 8 <= buf.length) {
      const id = buf.toString('latin1', offset, offset + 4);
      const size = buf.readUInt32LE(offset + 4);
      const end = offset + 8 + size + (size % 2);
      if (offset + 8 + size > buf.length) throw new Error('truncated');
      const chunk = Buffer.from(buf.subarray(offset, Math.min(end, buf.length)));
      if (id === 'VP8X') {
        chunk[8] = chunk[8]! & ~(0x20 | 0x08 | 0x04); // ICC, EXIF and XMP flags off
        width = 1 + chunk.readUIntLE(12, 3);
        height = 1 + chunk.readUIntLE(15, 3);
      } else if (id === 'VP8 ' && !width) {
        width = chunk.readUInt16LE(8 + 6) & 0x3fff;
        height = chunk.readUInt16LE(8 + 8) & 0x3fff;
      } else if (id === 'VP8L' && !width) {
        const bits = chunk.readUInt32LE(8 + 1);
        width = (bits & 0x3fff) + 1;
        height = ((bits >> 14) & 0x3fff) + 1;
      }
      if (!['EXIF', 'XMP ', 'ICCP'].includes(id)) chunks.push(chunk);
      offset = end;
    }
  } catch {
    throw invalid(prefix, field, 'The WebP file is damaged.');
  }
  if (!width || !height || !chunks.some((c) => ['VP8 ', 'VP8L', 'ANMF'].includes(c.toString('latin1', 0, 4)))) {
    throw invalid(prefix, field, 'The WebP file contains no image.');
  }
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  const data = Buffer.concat([header, body]);
  return { mime: 'image/webp', width, height, data, thumb: data, thumbMime: 'image/webp' };
}
