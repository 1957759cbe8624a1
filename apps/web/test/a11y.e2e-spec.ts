import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { openStop, seedTourData, settle, TOUR, type TourData } from './support/screen-tour';
import { WebWorld } from './support/world';

const world = new WebWorld();
let data: TourData;
beforeAll(async () => {
  await world.setUp();
  await world.fresh();
  data = await seedTourData(world.api, world.passphrase('huyen.lanhdao'));
}, 240_000);
afterAll(() => world.tearDown(), 60_000);

/** Serious and critical axe findings (WCAG 2.1 A and AA rules), as "rule: target" lines. */
async function serious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

describe('web: accessibility of every screen (axe)', () => {
  it('login and public verification pages', async () => {
    const visitor = await world.user();
    await visitor.page.goto('/dang-nhap');
    await expect(visitor.page.locator('html').getAttribute('lang')).resolves.toBe('vi');
    await settle(visitor.page);
    expect(await serious(visitor.page)).toEqual([]);
    await visitor.page.goto('/xac-thuc');
    await settle(visitor.page);
    expect(await serious(visitor.page)).toEqual([]);
    expect(world.problems()).toEqual([]);
  });

  // each screen is scanned once, as the first role that has it sees it (same markup for the others)
  const scanned = new Set<string>();
  for (const [role, { username, stops }] of Object.entries(TOUR)) {
    it(`every screen of the ${role} role`, async () => {
      const user = await world.user(username);
      const findings: string[] = [];
      for (const stop of stops.filter((s) => !scanned.has(s.name) && scanned.add(s.name))) {
        await user.goto(stop.path(data));
        await settle(user.page);
        await openStop(user.page, stop);
        findings.push(...(await serious(user.page)).map((f) => `${stop.name} — ${f}`));
      }
      expect(findings).toEqual([]);
      expect(world.problems()).toEqual([]);
      await user.close();
    }, 240_000);
  }
});
