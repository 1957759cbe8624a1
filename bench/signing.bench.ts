/**
 * Signing throughput and memory, with Apache PDFBox (the shared peer) measured in the same run.
 * Prints one JSON line { name, value, unit } per figure:
 *   sign_1page_per_s, pdfbox_sign_1page_per_s      1-page LibreOffice PDF, one invisible B-B signature, one thread
 *                                                 (…_per_cpu_s: the same per CPU-second of this process)
 *   nd30_flow_docs_per_s                          2-page ND30 decision: leader (visible, automatic placement)
 *                                                 then clerk (number, date, seal), one core
 *   sign_50mb_ms, pdfbox_sign_50mb_ms             50 MB scanned PDF, invisible signature, warm process
 *   sign_50mb_cold_process_ms, pdfbox_sign_50mb_cold_process_ms   the same as one fresh process (node/JVM start,
 *                                                 key and file read, sign, write)
 *   sign_50mb_peak_rss_mb                         VmHWM of a child process that signs the 50 MB file once
 *   verify_docs_per_s, pdfsig_verify_docs_per_s   verifying the signed ND30 decision (ours in-process; pdfsig per process)
 * Seconds per throughput figure from argv[2] (default 5). Needs soffice, pdfsig and a JDK (run.sh installs PDFBox).
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadPkcs12 } from '../libs/signing/src/keys/pkcs12-keystore';
import { signPdf } from '../libs/signing/src/pdf/sign-pdf';
import { nd30Pdf } from '../libs/signing/test-fixtures/nd30-document';
import { PDFBOX_RUN } from '../libs/signing/test-fixtures/pdf-validators';
import { verifyPdf } from '../libs/signing/src/verify/verify-pdf';
import { getTestPki } from '../test/kit/test-pki';
import { scannedPdf } from './helpers/scanned-pdf';

const exec = promisify(execFile);
const SECONDS = Number(process.argv[2] ?? 5) || 5;

function emit(name: string, value: number, unit: string): void {
  console.log(JSON.stringify({ name, value: Math.round(value * 10) / 10, unit }));
}

/**
 * Runs `step` repeatedly for `seconds` after a short warm-up; returns operations per second of wall
 * time and per second of this process's CPU time (the fairer figure on a machine shared with others).
 */
async function perSecond(
  seconds: number,
  step: () => Promise<unknown>,
): Promise<{ wall: number; cpu: number }> {
  const warmUntil = performance.now() + Math.min(1000, (seconds * 1000) / 5);
  while (performance.now() < warmUntil) await step();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < seconds * 1000) {
    await step();
    n++;
  }
  const cpu = process.cpuUsage(cpuStart);
  return { wall: n / ((performance.now() - start) / 1000), cpu: n / ((cpu.user + cpu.system) / 1e6) };
}

async function pdfboxBench(pdf: string, p12: string, passphrase: string, seconds: number): Promise<number> {
  const { stdout } = await exec(PDFBOX_RUN, ['bench', pdf, p12, passphrase, String(seconds)], {
    maxBuffer: 1 << 20,
  });
  const match = /pdfbox signatures\/s ([\d.]+)/.exec(stdout);
  if (!match) throw new Error(`unexpected PDFBox output: ${stdout}`);
  return Number(match[1]);
}

async function wallMs(command: string, args: string[]): Promise<{ ms: number; stdout: string }> {
  const start = performance.now();
  const { stdout } = await exec(command, args, { maxBuffer: 1 << 20 });
  return { ms: performance.now() - start, stdout };
}

/** Child mode: sign the file once, write the result, report signing time and peak RSS. */
async function child(input: string, p12: string, passphrase: string, output: string): Promise<void> {
  const identity = loadPkcs12(readFileSync(p12), passphrase);
  const pdf = readFileSync(input);
  const start = performance.now();
  const signed = await signPdf(pdf, { role: 'personal', identity });
  const ms = performance.now() - start;
  writeFileSync(output, signed);
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  const peakMb = hwm ? Number(hwm[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, peakMb }));
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'vanthu-bench-sign-'));
  try {
    const pki = await getTestPki();
    const leader = pki.people[0];
    const clerk = pki.organisations[0];
    const signatureImage = readFileSync(leader.signatureImagePath);
    const sealImage = readFileSync(clerk.sealImagePath);

    const onePage = await nd30Pdf({ articles: 2 });
    const onePagePath = join(work, 'one-page.pdf');
    writeFileSync(onePagePath, onePage);
    const onePageRate = await perSecond(SECONDS, () =>
      signPdf(onePage, { role: 'personal', identity: leader.identity }),
    );
    emit('sign_1page_per_s', onePageRate.wall, 'signatures/s');
    emit('sign_1page_per_cpu_s', onePageRate.cpu, 'signatures/cpu-s');
    emit(
      'pdfbox_sign_1page_per_s',
      await pdfboxBench(onePagePath, leader.path, leader.passphrase, SECONDS),
      'signatures/s',
    );

    const decision = await nd30Pdf();
    const flow = async (): Promise<Buffer> => {
      const signed = await signPdf(decision, {
        role: 'personal',
        identity: leader.identity,
        image: signatureImage,
      });
      return signPdf(signed, {
        role: 'organisation',
        identity: clerk.identity,
        number: 12,
        notation: 'QĐ-UBND',
        sealImage,
      });
    };
    const flowRate = await perSecond(SECONDS, flow);
    emit('nd30_flow_docs_per_s', flowRate.wall, 'docs/s');
    emit('nd30_flow_docs_per_cpu_s', flowRate.cpu, 'docs/cpu-s');

    const scanned = await scannedPdf(50);
    const big = readFileSync(scanned);
    const warm = await perSecond(Math.max(SECONDS, 5), () =>
      signPdf(big, { role: 'personal', identity: leader.identity }),
    );
    emit('sign_50mb_ms', 1000 / warm.wall, 'ms');
    emit(
      'pdfbox_sign_50mb_ms',
      1000 / (await pdfboxBench(scanned, leader.path, leader.passphrase, Math.max(SECONDS, 10))),
      'ms',
    );
    const ours = await wallMs(process.execPath, [
      ...process.execArgv,
      __filename,
      '--child',
      scanned,
      leader.path,
      leader.passphrase,
      join(work, 'ours-50mb.pdf'),
    ]);
    const measured = JSON.parse(ours.stdout) as { ms: number; peakMb: number };
    emit('sign_50mb_cold_process_ms', ours.ms, 'ms');
    emit('sign_50mb_peak_rss_mb', measured.peakMb, 'MB');
    const theirs = await wallMs(PDFBOX_RUN, [
      'sign',
      scanned,
      leader.path,
      leader.passphrase,
      join(work, 'pdfbox-50mb.pdf'),
    ]);
    emit('pdfbox_sign_50mb_cold_process_ms', theirs.ms, 'ms');

    const signedDecision = await flow();
    const signedPath = join(work, 'decision-signed.pdf');
    writeFileSync(signedPath, signedDecision);
    // Hook for the verifier: our own verifyPdf, in-process, trusting the test PKI's root.
    const verifyOnce = (): Promise<unknown> =>
      verifyPdf(signedDecision, { trustAnchors: [pki.rootCertificate], crls: [pki.issuingCrl] });
    emit('verify_docs_per_s', (await perSecond(SECONDS, verifyOnce)).wall, 'docs/s');
    emit(
      'pdfsig_verify_docs_per_s',
      (await perSecond(SECONDS, () => exec('pdfsig', [signedPath]))).wall,
      'docs/s',
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const [, , , input, p12, passphrase, output] = process.argv;
  child(input, p12, passphrase, output).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
