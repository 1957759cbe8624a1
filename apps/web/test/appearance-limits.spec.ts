import { APPEARANCE_IMAGE_LIMITS, APPEARANCE_IMAGE_LIMITS_TEXT } from '@vanthu/signing';
import { APPEARANCE_LIMITS, APPEARANCE_LIMITS_TEXT, appearanceProblem } from '../src/ui/appearance-limits';

function png(width: number, height: number, bytes = 64): File {
  const data = new Uint8Array(bytes);
  data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(data.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return new File([data], 'chu-ky.png', { type: 'image/png' });
}

describe('the web UI’s signature image limits', () => {
  it('are the signing engine’s limits, in the same words', () => {
    expect(APPEARANCE_LIMITS).toEqual(APPEARANCE_IMAGE_LIMITS);
    expect(APPEARANCE_LIMITS_TEXT).toContain(APPEARANCE_IMAGE_LIMITS_TEXT);
  });

  it('accepts an image within them and names the problem of one outside', async () => {
    await expect(appearanceProblem(png(600, 300))).resolves.toBeNull();
    await expect(appearanceProblem(png(4001, 10))).resolves.toContain('4001 × 10');
    await expect(appearanceProblem(png(2500, 2000))).resolves.toContain('quá lớn');
    await expect(appearanceProblem(png(10, 10, 2 * 1024 * 1024 + 1))).resolves.toContain('quá 2 MB');
    await expect(
      appearanceProblem(new File([new Uint8Array(40)], 'a.png', { type: 'image/png' })),
    ).resolves.toContain('không phải ảnh PNG');
  });
});
