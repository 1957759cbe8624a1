import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/built-server';
import { openStop, seedTourData, settle, TOUR } from './support/screen-tour';
import { WebWorld } from './support/world';

/**
 * `npm run screenshots`: a PNG of every screen for every role at 1366×768 with the fixed demo
 * documents, into test-artifacts/screenshots/, for a person to review.
 */
async function main(): Promise<void> {
  const out = join(ROOT, 'test-artifacts/screenshots');
  mkdirSync(out, { recursive: true });
  const world = new WebWorld();
  try {
    await world.setUp();
    await world.fresh();
    const data = await seedTourData(world.api, world.passphrase('huyen.lanhdao'));
    const visitor = await world.user();
    for (const [name, path] of [
      ['dang-nhap', '/dang-nhap'],
      ['xac-thuc', '/xac-thuc'],
    ]) {
      await visitor.page.goto(path);
      await settle(visitor.page);
      await visitor.page.screenshot({ path: join(out, `khach-${name}.png`) });
    }
    let count = 2;
    for (const [role, { username, stops }] of Object.entries(TOUR)) {
      const user = await world.user(username);
      for (const stop of stops) {
        await user.goto(stop.path(data));
        await settle(user.page);
        await openStop(user.page, stop);
        await user.page.screenshot({ path: join(out, `${role}-${stop.name}.png`) });
        count++;
      }
    }
    const problems = world.problems();
    process.stdout.write(`${count} ảnh màn hình trong ${out}\n`);
    if (problems.length) process.stdout.write(`Lỗi trên trang:\n${problems.join('\n')}\n`);
  } finally {
    await world.tearDown();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
