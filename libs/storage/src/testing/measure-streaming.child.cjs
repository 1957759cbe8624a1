'use strict';
/**
 * Child-process entry for the streaming memory test: a fresh process, so the RSS baseline is this
 * transfer's alone (in the long-lived test process, memory freed by earlier tests is reused and hides
 * growth). argv[2] is JSON `{ options: StorageOptions, key, bytes, buffering? }`; `buffering` wraps
 * the adapter in a deliberately wrong one that collects the whole body first (the control). Prints one
 * JSON line: `{ growth, baseline, peak, stored, read, expected }`.
 */
const { Readable } = require('node:stream');

require('./register-ts.cjs');

const { createObjectStorage } = require('../create-object-storage.ts');
const { drain, generatedStream } = require('./test-streams.ts');

async function main() {
  const { options, key, bytes, buffering } = JSON.parse(process.argv[2]);
  const storage = createObjectStorage(options);
  await storage.init();
  if (buffering) {
    const put = storage.put.bind(storage);
    storage.put = async (k, body, o) => {
      const chunks = [];
      for await (const chunk of body) chunks.push(chunk);
      return put(k, Readable.from(chunks), o);
    };
  }
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 5);
  // 64 KiB chunks, like a socket or a file stream delivers them.
  const source = generatedStream(bytes, 64 * 1024, sample);
  const stored = await storage.put(key, source.stream, { contentType: 'application/octet-stream' });
  const read = await drain(await storage.get(key), sample);
  sample();
  clearInterval(timer);
  await storage.delete(key);
  await storage.close();
  process.stdout.write(
    JSON.stringify({
      growth: peak - baseline,
      baseline,
      peak,
      stored,
      read: { size: read.size, sha256: read.sha256 },
      expected: source.produced(),
    }) + '\n',
  );
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
  process.exit(1);
});
