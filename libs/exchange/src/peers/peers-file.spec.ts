import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { derToPem, issueCertificate } from '@vanthu/signing';
import { parsePeersConfiguration, readPeersFile } from './peers-file';

function selfSigned(cn: string): string {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const der = issueCertificate({
    subject: [['CN', cn]],
    publicKey,
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + 86_400_000),
    signer: { privateKey },
    keyUsage: ['digitalSignature'],
  });
  return derToPem(der, 'CERTIFICATE');
}

describe('peers file', () => {
  const hubPem = selfSigned('hub-daklak');
  const nodePem = selfSigned('node-vpcp');

  it('reads peers, routes and trust anchors, certificates inline or from files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peers-'));
    writeFileSync(join(dir, 'vpcp.pem'), nodePem);
    writeFileSync(
      join(dir, 'peers.json'),
      JSON.stringify({
        peers: [
          { name: 'hub-daklak', role: 'hub', url: 'http://127.0.0.1:4101/', poll: true, certificate: hubPem },
          { name: 'node-vpcp', role: 'node', url: null, certificateFile: 'vpcp.pem' },
        ],
        routes: { '000.00.00.G22': 'node-vpcp', '*': 'hub-daklak' },
        trustAnchorFiles: ['vpcp.pem'],
      }),
    );
    const config = await readPeersFile(join(dir, 'peers.json'), 'node-eahleo');
    expect(config.peers.map((p) => [p.name, p.role, p.baseUrl, p.poll])).toEqual([
      ['hub-daklak', 'hub', 'http://127.0.0.1:4101', true],
      ['node-vpcp', 'node', null, false],
    ]);
    expect(config.peers[1].certificate.toString('base64')).toBe(nodePem.replace(/-----[A-Z ]+-----|\s/g, ''));
    expect([...config.routes]).toEqual([
      ['000.00.00.G22', 'node-vpcp'],
      ['*', 'hub-daklak'],
    ]);
    expect(config.trustAnchors).toHaveLength(1);
  });

  it('names every problem at once', async () => {
    const error = await parsePeersConfiguration(
      {
        peers: [
          { name: 'node-eahleo', role: 'node', url: 'http://x', certificate: hubPem },
          {
            name: 'hub-a',
            role: 'hub',
            url: 'http://a',
            certificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
          },
          { name: 'hub-a', role: 'hub', url: 'http://a', certificateFile: 'missing.pem' },
        ],
        routes: { 'not-a-code': 'hub-a', '*': 'nobody' },
      },
      'node-eahleo',
      tmpdir(),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'EXCHANGE_PEERS_FILE_INVALID' });
    const problems = (error as { details: { problems: string[] } }).details.problems;
    expect(problems).toEqual([
      expect.stringContaining('peers.0.name'),
      expect.stringContaining('peers.1: chứng thư không đọc được'),
      expect.stringContaining('peers.2.name: "hub-a" lặp lại'),
      expect.stringContaining('peers.2: không đọc được'),
      expect.stringContaining('routes.not-a-code: không phải mã'),
      expect.stringContaining('routes.*: hệ thống "nobody"'),
    ]);
  });

  it('refuses unknown keys and poll on a peer that cannot be polled', async () => {
    const error = await parsePeersConfiguration(
      { peers: [{ name: 'n', role: 'node', url: 'http://n', poll: true, certificate: hubPem, extra: 1 }] },
      'self',
      tmpdir(),
    ).catch((e: unknown) => e);
    expect(JSON.stringify((error as { details: unknown }).details)).toMatch(/extra|poll/);
  });
});
