import { createHash } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { startTsaServer, type TsaServer } from '../../../../test/kit/tsa-server';
import { CMS_OIDS } from '../cms/cms-oids';
import { HttpTimestampAuthority } from './http-timestamp-authority';
import { readTimestampToken } from './timestamp-token';

describe('HttpTimestampAuthority', () => {
  let pki: TestPki;
  let tsa: TsaServer;
  const imprint = createHash('sha256').update('công văn số 12/UBND-VP').digest();

  beforeAll(async () => {
    pki = await getTestPki();
    tsa = await startTsaServer({ identity: pki.tsa.identity });
  });
  afterEach(() => {
    tsa.behaviour = 'grant';
  });
  afterAll(() => tsa.close());

  it('gets a token over the imprint, with the TSA certificate, a fresh time and increasing serials', async () => {
    const authority = new HttpTimestampAuthority({ url: tsa.url });
    const first = readTimestampToken(await authority.timestamp(imprint, 'SHA-256'));
    const second = readTimestampToken(await authority.timestamp(imprint, 'SHA-256'));
    expect(first.hashAlgorithmOid).toBe(CMS_OIDS.sha256);
    expect(first.hashedMessage).toEqual(imprint);
    expect(first.nonce).toMatch(/^[0-9a-f]{16}$/);
    expect(second.nonce).not.toBe(first.nonce);
    expect(BigInt(`0x${second.serialNumber}`)).toBe(BigInt(`0x${first.serialNumber}`) + 1n);
    expect(Math.abs(first.genTime.getTime() - Date.now())).toBeLessThan(60_000);
    expect(first.certificates).toContainEqual(pki.tsa.identity.certificate);
  });

  it('supports SHA-512 imprints', async () => {
    const imprint512 = createHash('sha512').update('x').digest();
    const info = readTimestampToken(
      await new HttpTimestampAuthority({ url: tsa.url }).timestamp(imprint512, 'SHA-512'),
    );
    expect(info.hashAlgorithmOid).toBe(CMS_OIDS.sha512);
    expect(info.hashedMessage).toEqual(imprint512);
  });

  it('reports a rejection with the TSA status and failure bits', async () => {
    tsa.behaviour = 'reject';
    await expect(
      new HttpTimestampAuthority({ url: tsa.url }).timestamp(imprint, 'SHA-256'),
    ).rejects.toMatchObject({
      code: 'TSA_REJECTED',
      details: { status: 'rejection', failInfo: [2] },
    });
  });

  it('refuses a token whose nonce or imprint does not match, and a reply that is not a TimeStampResp', async () => {
    const authority = new HttpTimestampAuthority({ url: tsa.url });
    tsa.behaviour = 'wrong-nonce';
    await expect(authority.timestamp(imprint, 'SHA-256')).rejects.toMatchObject({
      code: 'TSA_RESPONSE_INVALID',
      details: { reason: 'nonce' },
    });
    tsa.behaviour = 'wrong-imprint';
    await expect(authority.timestamp(imprint, 'SHA-256')).rejects.toMatchObject({
      code: 'TSA_RESPONSE_INVALID',
      details: { reason: 'messageImprint' },
    });
    tsa.behaviour = 'garbage';
    await expect(authority.timestamp(imprint, 'SHA-256')).rejects.toMatchObject({
      code: 'TSA_RESPONSE_INVALID',
    });
  });

  it('treats a server error, a closed port and a silent server as unreachable', async () => {
    tsa.behaviour = 'http-500';
    await expect(
      new HttpTimestampAuthority({ url: tsa.url }).timestamp(imprint, 'SHA-256'),
    ).rejects.toMatchObject({
      code: 'TSA_UNREACHABLE',
    });

    const closed = await listen(() => undefined);
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/tsa`;
    await new Promise((resolve) => closed.close(resolve));
    await expect(
      new HttpTimestampAuthority({ url: closedUrl }).timestamp(imprint, 'SHA-256'),
    ).rejects.toMatchObject({
      code: 'TSA_UNREACHABLE',
    });

    const sockets: Socket[] = [];
    const silent = await listen((socket) => sockets.push(socket)); // accepts, never answers
    const silentUrl = `http://user:secret@127.0.0.1:${(silent.address() as AddressInfo).port}/tsa`;
    const error = await new HttpTimestampAuthority({ url: silentUrl, timeoutMs: 300 })
      .timestamp(imprint, 'SHA-256')
      .catch((e: unknown) => e);
    sockets.forEach((s) => s.destroy());
    await new Promise((resolve) => silent.close(resolve));
    expect(error).toMatchObject({ code: 'TSA_UNREACHABLE' });
    expect(JSON.stringify((error as { details?: unknown }).details)).not.toContain('secret');
  });
});

function listen(onConnection: (socket: Socket) => void): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer(onConnection);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}
