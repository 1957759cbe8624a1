/**
 * edXML packages: build + sign and parse + verify per second, and a 50 MB PDF through a package and
 * back, with xmlsec1 signing and verifying the same package in the same run. One JSON line
 * { name, value, unit } per figure:
 *   edxml_pack_sign_per_s_100kb, edxml_pack_sign_per_s_5mb       build and sign a package (RSA-2048), in memory
 *                                                               (…_per_cpu_s_…: per second of the process's CPU,
 *                                                               the fairer figure on a shared machine;
 *                                                               …_2threads: two worker threads at once)
 *   edxml_parse_verify_per_s_100kb, edxml_parse_verify_per_s_5mb read it, decode the attachments, verify the
 *                                                               envelope (xml-crypto) and the chain with the CRL
 *   xmlsec1_sign_per_s_100kb, xmlsec1_verify_per_s_100kb          xmlsec1 --sign / --verify of the same package,
 *                                                               one process per package (how xmlsec1 is used)
 *   edxml_50mb_ms, edxml_50mb_peak_rss_mb                        a fresh process: 50 MB scanned PDF file → signed
 *                                                               package file (streamed) → read, verified, the
 *                                                               PDF written out; total time and VmHWM
 *   edxml_50mb_pack_ms, edxml_50mb_parse_verify_ms, edxml_50mb_package_mb   its parts
 *   edxml_50mb_cpu_ms, edxml_50mb_{pack,parse_verify}_cpu_ms    the CPU time of the same (wall time on a shared
 *                                                               machine is mostly waiting for a core)
 *   load_average_1m                                              /proc/loadavg when the bench starts and ends
 * Seconds per throughput figure from argv[2] (default 5). Needs xmlsec1.
 */
import { execFile } from 'node:child_process';
import { createWriteStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { promisify } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { buildEdocPackage } from '../libs/edxml/src/build/package-builder';
import type { EdocPackageInput } from '../libs/edxml/src/build/package-input';
import { buildEdocPackageToBuffer } from '../libs/edxml/src/build/package-to-buffer';
import type { ParsedEdocPackage } from '../libs/edxml/src/model/parsed-package';
import { readPackage } from '../libs/edxml/src/parse/read-package';
import { sampleEdoc, syntheticPdf } from '../libs/edxml/test-fixtures/edxml-samples';
import { loadPkcs12 } from '../libs/signing/src/keys/pkcs12-keystore';
import type { SigningIdentity } from '../libs/signing/src/keys/signing-identity';
import { getTestPki } from '../test/kit/test-pki';
import { scannedPdf } from './helpers/scanned-pdf';

const exec = promisify(execFile);
const SECONDS = Number(process.argv[2] ?? 5) || 5;

function emit(name: string, value: number, unit: string): void {
  console.log(JSON.stringify({ name, value: Math.round(value * 10) / 10, unit }));
}

/** operations per second of wall time and per second of this process's CPU time */
async function perSecond(
  seconds: number,
  step: () => Promise<unknown>,
): Promise<{ wall: number; cpu: number }> {
  // warm by time and by count: a fresh worker thread compiles everything on its first runs
  const warmUntil = performance.now() + Math.min(1000, (seconds * 1000) / 5);
  for (let i = 0; i < 30 || performance.now() < warmUntil; i++) await step();
  const cpuStart = threadCpuMs();
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < seconds * 1000) {
    await step();
    n++;
  }
  return { wall: n / ((performance.now() - start) / 1000), cpu: n / ((threadCpuMs() - cpuStart) / 1000) };
}

/** CPU time of this process (all its threads: the garbage collector's helpers count too) */
function threadCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

type Operation = 'pack' | 'parse';

interface WorkerJob {
  readonly operation: Operation;
  readonly seconds: number;
  readonly pdf: Buffer;
  readonly p12: Buffer;
  readonly passphrase: string;
  readonly root: Buffer;
  readonly crl: Buffer;
}

/** The same operation in `threads` worker threads at once: what a node with a worker pool gets from this machine. */
async function inThreads(threads: number, job: WorkerJob): Promise<number> {
  const rates = await Promise.all(
    Array.from({ length: threads }, () => {
      const worker = new Worker(__filename, { workerData: job, execArgv: process.execArgv });
      return new Promise<number>((resolve, reject) => {
        worker.once('message', (rate: number) => resolve(rate));
        worker.once('error', reject);
      });
    }),
  );
  return rates.reduce((a, b) => a + b, 0);
}

async function workerMain(job: WorkerJob): Promise<void> {
  const identity = loadPkcs12(Buffer.from(job.p12), job.passphrase);
  const { input, signed } = await benchPackage(Buffer.from(job.pdf), identity);
  const trust = { trustAnchors: [Buffer.from(job.root)], crls: [Buffer.from(job.crl)] };
  const step =
    job.operation === 'pack'
      ? () => buildEdocPackageToBuffer(input, { signer: identity })
      : () => readPackage(signed, { trust });
  parentPort!.postMessage((await perSecond(job.seconds, step)).wall);
}

async function benchPackage(
  pdf: Buffer,
  identity: SigningIdentity,
): Promise<{ input: EdocPackageInput; signed: Buffer }> {
  const sample = sampleEdoc({}, pdf);
  const input = { ...sample, attachments: sample.attachments.slice(0, 1) };
  return { input, signed: (await buildEdocPackageToBuffer(input, { signer: identity })).xml };
}

/** The unsigned package with an empty XML-DSig template where ours puts the signature, for xmlsec1 --sign. */
function xmlsecTemplate(unsigned: Buffer): Buffer {
  const dsig = 'http://www.w3.org/2000/09/xmldsig#';
  const template =
    `\n      <ds:Signature xmlns:ds="${dsig}"><ds:SignedInfo>` +
    '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>' +
    '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>' +
    '<ds:Reference URI=""><ds:Transforms>' +
    `<ds:Transform Algorithm="${dsig}enveloped-signature"/>` +
    '<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms>' +
    '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/></ds:Reference>' +
    '</ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data/></ds:KeyInfo></ds:Signature>';
  return Buffer.from(
    unsigned.toString('utf8').replace('</edXML:TraceHeaderList>', `</edXML:TraceHeaderList>${template}`),
  );
}

/** Child mode: 50 MB PDF file → signed package file → read and verified, PDF written; time and peak RSS. */
async function child(
  pdfPath: string,
  p12: string,
  passphrase: string,
  rootPath: string,
  work: string,
): Promise<void> {
  const identity = loadPkcs12(readFileSync(p12), passphrase);
  const root = readFileSync(rootPath);
  const packagePath = join(work, 'big.edxml');
  const start = performance.now();
  const cpuStart = threadCpuMs();
  const out = createWriteStream(packagePath);
  const input = sampleEdoc();
  await buildEdocPackage(
    {
      ...input,
      attachments: [{ ...input.attachments[0], attachmentName: 'scan-50mb.pdf', source: { path: pdfPath } }],
    },
    out,
    { signer: identity },
  );
  out.end();
  await finished(out);
  const packed = performance.now();
  const cpuPacked = threadCpuMs();
  const parsed = (await readPackage(
    { path: packagePath },
    { trust: { trustAnchors: [root] } },
  )) as ParsedEdocPackage;
  if (!parsed.signature.intact || parsed.attachments[0].size !== statSync(pdfPath).size)
    throw new Error(`50 MB round trip failed: ${JSON.stringify(parsed.signature.reasons)}`);
  writeFileSync(join(work, 'out.pdf'), parsed.attachments[0].bytes);
  const done = performance.now();
  const cpuDone = threadCpuMs();
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  process.stdout.write(
    JSON.stringify({
      packMs: packed - start,
      parseMs: done - packed,
      totalMs: done - start,
      packCpuMs: cpuPacked - cpuStart,
      parseCpuMs: cpuDone - cpuPacked,
      peakMb: hwm ? Number(hwm[1]) / 1024 : process.resourceUsage().maxRSS / 1024,
      packageMb: statSync(packagePath).size / 1024 / 1024,
    }),
  );
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'vanthu-bench-edxml-'));
  emit('load_average_1m', loadAverage(), 'at the start (2 cores: above 2, other work competes for them)');
  try {
    const pki = await getTestPki();
    const org = pki.organisations[0];
    const trust = { trustAnchors: [pki.rootCertificate], crls: [pki.issuingCrl] };
    const cases: [string, Buffer][] = [
      ['100kb', syntheticPdf(100 * 1024)],
      ['5mb', readFileSync(await scannedPdf(5))],
    ];
    for (const [size, pdf] of cases) {
      const { input, signed } = await benchPackage(pdf, org.identity);
      const check = await readPackage(signed, { trust });
      if (check.signature.verdict !== 'valid')
        throw new Error(`bench package does not verify: ${check.signature.verdict}`);
      const pack = await perSecond(SECONDS, () => buildEdocPackageToBuffer(input, { signer: org.identity }));
      emit(`edxml_pack_sign_per_s_${size}`, pack.wall, `packages/s (${signed.length} bytes, 1 thread)`);
      emit(`edxml_pack_sign_per_cpu_s_${size}`, pack.cpu, 'packages/cpu-s');
      const parse = await perSecond(SECONDS, () => readPackage(signed, { trust }));
      emit(`edxml_parse_verify_per_s_${size}`, parse.wall, `packages/s (${signed.length} bytes, 1 thread)`);
      emit(`edxml_parse_verify_per_cpu_s_${size}`, parse.cpu, 'packages/cpu-s');
      if (size !== '100kb') continue;
      const job = {
        seconds: SECONDS,
        pdf,
        p12: readFileSync(org.path),
        passphrase: org.passphrase,
        root: pki.rootCertificate,
        crl: pki.issuingCrl,
      };
      emit(
        'edxml_pack_sign_per_s_100kb_2threads',
        await inThreads(2, { ...job, operation: 'pack' }),
        'packages/s (2 worker threads)',
      );
      emit(
        'edxml_parse_verify_per_s_100kb_2threads',
        await inThreads(2, { ...job, operation: 'parse' }),
        'packages/s (2 worker threads)',
      );
      const unsigned = (await buildEdocPackageToBuffer(input)).xml;
      const templatePath = join(work, 'template.xml');
      writeFileSync(templatePath, xmlsecTemplate(unsigned));
      const keyPath = join(work, 'key.pem');
      writeFileSync(keyPath, org.identity.privateKey.export({ format: 'pem', type: 'pkcs8' }));
      const certPath = join(work, 'cert.pem');
      writeFileSync(
        certPath,
        `-----BEGIN CERTIFICATE-----\n${org.identity.certificate.toString('base64')}\n-----END CERTIFICATE-----\n`,
      );
      const xmlsecSigned = join(work, 'xmlsec-signed.xml');
      const xmlsecSign = () =>
        exec('xmlsec1', [
          '--sign',
          '--privkey-pem',
          `${keyPath},${certPath}`,
          '--output',
          xmlsecSigned,
          templatePath,
        ]);
      emit(
        'xmlsec1_sign_per_s_100kb',
        (await perSecond(SECONDS, xmlsecSign)).wall,
        'packages/s (one xmlsec1 process per package)',
      );
      // our signed package, verified by xmlsec1 as our verifier verifies it (root trusted, chain from KeyInfo)
      const ourSigned = join(work, 'ours.xml');
      writeFileSync(ourSigned, signed);
      const xmlsecVerify = () =>
        exec('xmlsec1', [
          '--verify',
          '--trusted-pem',
          pki.rootCertificatePath,
          '--enabled-reference-uris',
          'empty',
          ourSigned,
        ]);
      emit(
        'xmlsec1_verify_per_s_100kb',
        (await perSecond(SECONDS, xmlsecVerify)).wall,
        'packages/s (one xmlsec1 process per package)',
      );
    }

    const scanned = await scannedPdf(50);
    const started = performance.now();
    const { stdout } = await exec(
      process.execPath,
      [
        ...process.execArgv,
        __filename,
        '--child',
        scanned,
        org.path,
        org.passphrase,
        pki.rootCertificatePath,
        work,
      ],
      { maxBuffer: 1 << 20 },
    );
    const wall = performance.now() - started;
    const m = JSON.parse(stdout) as {
      packMs: number;
      parseMs: number;
      totalMs: number;
      packCpuMs: number;
      parseCpuMs: number;
      peakMb: number;
      packageMb: number;
    };
    emit(
      'edxml_50mb_ms',
      m.totalMs,
      'ms (pack+sign from file, read+verify+write PDF; fresh process, excluding start-up)',
    );
    emit(
      'edxml_50mb_peak_rss_mb',
      m.peakMb,
      `MB (VmHWM; package ${m.packageMb.toFixed(1)} MB, target < 2×package + 150 MB)`,
    );
    emit(
      'edxml_50mb_cpu_ms',
      m.packCpuMs + m.parseCpuMs,
      'ms of CPU (the same work; all threads of the process)',
    );
    emit('edxml_50mb_pack_ms', m.packMs, 'ms');
    emit('edxml_50mb_pack_cpu_ms', m.packCpuMs, 'ms of CPU');
    emit('edxml_50mb_parse_verify_ms', m.parseMs, 'ms');
    emit('edxml_50mb_parse_verify_cpu_ms', m.parseCpuMs, 'ms of CPU');
    emit('edxml_50mb_package_mb', m.packageMb, 'MB');
    emit('edxml_50mb_process_ms', wall, 'ms (the child process from start to exit)');
    emit('load_average_1m', loadAverage(), 'at the end');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (!isMainThread) {
  workerMain(workerData as WorkerJob).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else if (process.argv[2] === '--child') {
  const [, , , pdf, p12, passphrase, root, work] = process.argv;
  child(pdf, p12, passphrase, root, work).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
