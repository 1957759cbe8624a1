'use strict';
/**
 * Child-process entry for test/kit/s3-test-server.ts: runs s3rver on loopback so that its memory and
 * CPU are not counted as the test process's own (the streaming memory test samples our RSS).
 * argv[2] is the directory s3rver stores buckets in. Reports `{ port }` over IPC once listening and
 * exits when the parent asks, or when the parent disappears (IPC channel closed).
 */
const S3rver = require('s3rver');

async function main() {
  const directory = process.argv[2];
  if (!directory) throw new Error('usage: s3-test-server.child.cjs <directory>');
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const address = await server.run();
  const stop = () =>
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  process.on('message', (message) => {
    if (message === 'stop') stop();
  });
  process.on('disconnect', stop);
  process.send({ port: address.port });
}

main().catch((error) => {
  process.stderr.write(`s3 test server failed: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
