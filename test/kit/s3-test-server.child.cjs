'use strict';
/**
 * Child-process entry for test/kit/s3-test-server.ts: runs s3rver on loopback so that its memory and
 * CPU are not counted as the test process's own (the streaming memory test samples our RSS).
 * argv[2] is the directory s3rver stores buckets in. Reports `{ port }` over IPC once listening and
 * exits when the parent asks, or when the parent disappears (IPC channel closed).
 */
const S3rver = require('s3rver');
const FilesystemStore = require('s3rver/lib/stores/filesystem');
const fs = require('node:fs/promises');

/*
 * s3rver 3.7's putObject answers before its write stream has flushed (it resolves on the source's
 * end, and at once for a Buffer body), so a HEAD right after a PUT can see a short file. Real S3 and
 * MinIO acknowledge a PUT only once the object is stored; this makes the test server do the same,
 * so the adapter's size/checksum checks test our code rather than s3rver's race.
 */
const originalPutObject = FilesystemStore.prototype.putObject;
FilesystemStore.prototype.putObject = async function putObjectDurably(object) {
  const result = await originalPutObject.call(this, object);
  const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
  for (let i = 0; i < 200; i++) {
    const stat = await fs.stat(objectPath).catch(() => undefined);
    if (stat && stat.size === result.size) return result;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`s3rver did not finish writing ${object.key}`);
};

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
