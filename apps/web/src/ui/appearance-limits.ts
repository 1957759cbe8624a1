/**
 * The server's limits of a signature or seal image (libs/signing APPEARANCE_IMAGE_LIMITS; the web
 * bundle cannot import the server's libraries, so appearance-limits.spec.ts keeps the two equal).
 * Shown beside the upload and checked before it, so a clerk learns at once, not after sending 2 MB.
 */
export const APPEARANCE_LIMITS = { maxBytes: 2 * 1024 * 1024, maxSide: 4000, maxPixels: 4_000_000 } as const;

export const APPEARANCE_LIMITS_TEXT =
  'PNG nền trong suốt, tối đa 4000 điểm ảnh mỗi chiều, 4 triệu điểm ảnh và 2 MB';

/** Why this image would be refused, or null. Reads the PNG header only (width, height at bytes 16–23). */
export async function appearanceProblem(file: File): Promise<string | null> {
  if (file.size > APPEARANCE_LIMITS.maxBytes)
    return `Tệp ảnh ${Math.ceil(file.size / 1024)} KB, quá 2 MB. ${APPEARANCE_LIMITS_TEXT}.`;
  const head = new DataView(await file.slice(0, 24).arrayBuffer());
  const png = head.byteLength === 24 && head.getUint32(0) === 0x89504e47 && head.getUint32(12) === 0x49484452;
  if (!png) return 'Tệp không phải ảnh PNG. Vui lòng chọn ảnh PNG nền trong suốt.';
  const width = head.getUint32(16);
  const height = head.getUint32(20);
  if (
    width > APPEARANCE_LIMITS.maxSide ||
    height > APPEARANCE_LIMITS.maxSide ||
    width * height > APPEARANCE_LIMITS.maxPixels
  )
    return `Ảnh ${width} × ${height} điểm ảnh quá lớn (${APPEARANCE_LIMITS_TEXT}).`;
  return null;
}
