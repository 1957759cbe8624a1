/**
 * Limits of a signature or seal image, checked at upload (libs/certificates) and again by the engine
 * before anything is decoded. A signature prints at most 180 × 90 pt and a seal about 36–50 mm, so at
 * 300 dpi neither needs more than ~1000 px a side; an 8000 × 8000 PNG made signing take 2.5 s.
 */
export const APPEARANCE_IMAGE_LIMITS = {
  maxBytes: 2 * 1024 * 1024,
  maxSide: 4000,
  maxPixels: 4_000_000,
} as const;

/** The limits in words, for messages. */
export const APPEARANCE_IMAGE_LIMITS_TEXT =
  `tối đa ${APPEARANCE_IMAGE_LIMITS.maxSide} điểm ảnh mỗi chiều, ` +
  `${APPEARANCE_IMAGE_LIMITS.maxPixels / 1_000_000} triệu điểm ảnh và ` +
  `${APPEARANCE_IMAGE_LIMITS.maxBytes / 1024 / 1024} MB`;
