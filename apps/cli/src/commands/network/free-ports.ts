import { createServer } from 'node:net';
import { usage } from '../../cli-io';

/** A port already taken would make its installation fail and restart forever: say so at once. */
export async function assertPortsFree(ports: readonly number[]): Promise<void> {
  for (const port of ports) {
    const free = await new Promise<boolean>((done) => {
      const server = createServer();
      server.once('error', () => done(false));
      server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
    });
    if (!free) throw usage(`cổng ${port} đang được dùng; chọn cổng khác bằng --port`);
  }
}
