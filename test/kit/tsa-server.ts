import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { CMS_OIDS } from '../../libs/signing/src/cms/cms-oids';
import { assembleSignedData, signAttributes } from '../../libs/signing/src/cms/cms-signed-data';
import { der, tlv } from '../../libs/signing/src/cms/der';
import { digest, digestAlgorithmByOid } from '../../libs/signing/src/cms/digest-algorithm';
import type { SigningIdentity } from '../../libs/signing/src/keys/signing-identity';

/**
 * How the server answers the next requests: `grant` is a correct RFC 3161 service; the others exist
 * to test clients (`reject`: PKIStatus rejection; `wrong-nonce` / `wrong-imprint`: a granted token
 * that does not match the request; `garbage`: bytes that are not a TimeStampResp; `http-500`).
 */
export type TsaBehaviour = 'grant' | 'reject' | 'wrong-nonce' | 'wrong-imprint' | 'garbage' | 'http-500';

export interface TsaServer {
  /** `http://127.0.0.1:<port>/tsa`. */
  readonly url: string;
  behaviour: TsaBehaviour;
  /** Requests answered so far. */
  readonly requestCount: number;
  close(): Promise<void>;
}

export interface TsaServerOptions {
  /** Key and certificate of the TSA (EKU timeStamping), e.g. `(await getTestPki()).tsa.identity`. */
  readonly identity: SigningIdentity;
  readonly policyOid?: string;
  /** Time to stamp; the real clock by default. */
  readonly now?: () => Date;
}

/** PKIFailureInfo bits (RFC 3161 2.4.2). */
const FAIL = { badAlg: 0, badRequest: 2, badDataFormat: 5, unacceptedPolicy: 15 } as const;
/** The ITU-T example arc: a demo policy that can belong to no real TSA. */
const DEMO_POLICY = '2.999.3161.1';

/** A real RFC 3161 HTTP time-stamping service on 127.0.0.1 with a random port. */
export async function startTsaServer(options: TsaServerOptions): Promise<TsaServer> {
  let serial = 0n;
  let requestCount = 0;
  const policy = options.policyOid ?? DEMO_POLICY;
  const state: { behaviour: TsaBehaviour } = { behaviour: 'grant' };

  const answer = (body: Buffer): Buffer => {
    if (state.behaviour === 'garbage') return Buffer.from('this is not a TimeStampResp');
    if (state.behaviour === 'reject') return rejection('demo TSA is told to reject', FAIL.badRequest);
    let request: pkijs.TimeStampReq;
    try {
      request = pkijs.TimeStampReq.fromBER(body);
    } catch {
      return rejection('request is not a TimeStampReq', FAIL.badDataFormat);
    }
    const hash = digestAlgorithmByOid(request.messageImprint.hashAlgorithm.algorithmId);
    const hashed = Buffer.from(request.messageImprint.hashedMessage.valueBlock.valueHexView);
    if (!hash || hashed.length !== hash.length) return rejection('hash algorithm not supported', FAIL.badAlg);
    if (request.reqPolicy && request.reqPolicy !== policy)
      return rejection('policy not supported', FAIL.unacceptedPolicy);

    serial += 1n;
    const imprint = state.behaviour === 'wrong-imprint' ? Buffer.alloc(hashed.length, 0x5a) : hashed;
    const nonce =
      request.nonce && state.behaviour !== 'wrong-nonce' ? integerContent(request.nonce) : undefined;
    const tstInfo = der.sequence(
      der.integer(1),
      der.oid(policy),
      der.sequence(der.algorithm(hash.oid), der.octetString(imprint)),
      der.integer(serial),
      der.generalizedTime(options.now?.() ?? new Date()),
      der.sequence(der.integer(1)), // accuracy: one second
      ...(nonce ? [tlv(0x02, nonce)] : state.behaviour === 'wrong-nonce' ? [der.integer(42)] : []),
    );
    const signed = signAttributes({
      identity: options.identity,
      contentDigest: digest('SHA-256', tstInfo),
      digestAlgorithm: 'SHA-256',
      contentType: CMS_OIDS.tstInfo,
      encapsulatedContent: tstInfo,
      includeCertificates: request.certReq === true,
    });
    return der.sequence(der.sequence(der.integer(0)), assembleSignedData(signed));
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 64 * 1024) chunks.push(chunk);
    });
    req.on('end', () => {
      requestCount++;
      if (req.method !== 'POST' || size > 64 * 1024) {
        res.writeHead(req.method !== 'POST' ? 405 : 413).end();
        return;
      }
      if (state.behaviour === 'http-500') {
        res.writeHead(500).end();
        return;
      }
      const reply = answer(Buffer.concat(chunks));
      res
        .writeHead(200, { 'content-type': 'application/timestamp-reply', 'content-length': reply.length })
        .end(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/tsa`,
    get behaviour() {
      return state.behaviour;
    },
    set behaviour(value: TsaBehaviour) {
      state.behaviour = value;
    },
    get requestCount() {
      return requestCount;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function rejection(text: string, failBit: number): Buffer {
  const bytes = Buffer.alloc((failBit >> 3) + 1);
  bytes[failBit >> 3] |= 0x80 >> (failBit & 7);
  const failInfo = tlv(0x03, Buffer.from([7 - (failBit & 7)]), bytes);
  return der.sequence(der.sequence(der.integer(2), der.sequence(der.utf8String(text)), failInfo));
}

function integerContent(value: asn1js.Integer): Buffer {
  return Buffer.from(value.valueBlock.valueHexView);
}
