/** Report photos go through the platform's image intake (platform/images/photos.ts) with this module's error codes. */
import {
  DEFAULT_PHOTO_LIMITS,
  detectImage,
  processPhoto as processImage,
  redactPhoto as redactImage,
  type PhotoLimits,
} from '../../platform/images/photos.js';

export { DEFAULT_PHOTO_LIMITS, detectImage, exifOrientation } from '../../platform/images/photos.js';
export type { ImageKind, PhotoLimits, ProcessedPhoto } from '../../platform/images/photos.js';

const CODE_PREFIX = 'REPORTS_PHOTO';

export const processPhoto = (buf: Buffer, field: string, limits: PhotoLimits = DEFAULT_PHOTO_LIMITS) =>
  processImage(buf, field, { limits, codePrefix: CODE_PREFIX });

export const redactPhoto = (buf: Buffer, rects: { x: number; y: number; w: number; h: number }[], limits = DEFAULT_PHOTO_LIMITS) =>
  redactImage(buf, rects, CODE_PREFIX, limits);

/** The photo without black-outs again; its thumbnail is made anew from it (a WebP is its own thumbnail). */
export const unredactedPhoto = (original: Buffer, limits = DEFAULT_PHOTO_LIMITS) => ({
  data: original,
  thumb: detectImage(original) === 'webp' ? original : redactImage(original, [], CODE_PREFIX, limits).thumb,
});
