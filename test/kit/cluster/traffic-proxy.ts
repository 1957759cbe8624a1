import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeBatch } from '@vanthu/exchange';

/** One request that reached the proxy. */
export interface ProxiedRequest {
  readonly method: string;
  readonly path: string;
  /** When it arrived (ms since the epoch) and when its answer went back. */
  readonly at: number;
  readonly doneAt: number;
  /** The answer's status; 502 when the target did not answer, 503 while the proxy plays "down". */
  readonly status: number;
  /** The consignments a PUT or a batch (POST …/consignments) carried. */
  readonly consignments: readonly string[];
}

const CONSIGNMENT_PUT = /^\/exchange\/v1\/consignments\/([0-9a-f-]{36})$/;

function consignmentsOf(method: string, path: string, body: Buffer): string[] {
  const put = method === 'PUT' ? CONSIGNMENT_PUT.exec(path) : null;
  if (put) return [put[1]];
  if (method !== 'POST' || path !== '/exchange/v1/consignments') return [];
  try {
    return decodeBatch(body).map((i) => i.consignmentId);
  } catch {
    return [];
  }
}

/**
 * An HTTP proxy on loopback between two installations (a peers file points at it instead of the
 * target): it records every request with its time and answer, counts how many are in flight at
 * once, can hold each one for a while, and can play "down" (503 without forwarding). The target
 * may itself be stopped: the proxy then answers 502, as a load balancer in front of it would.
 */
export class TrafficProxy {
  readonly requests: ProxiedRequest[] = [];
  /** Highest number of requests in flight at once (per method). */
  readonly maxInFlight = new Map<string, number>();
  down = false;
  delayMs = 0;
  private readonly inFlight = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly target: URL,
  ) {}

  static async start(target: string): Promise<TrafficProxy> {
    const handlers: ((req: IncomingMessage, res: ServerResponse) => void)[] = [];
    const server = createServer((req, res) => handlers[0](req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const proxy = new TrafficProxy(server, `http://127.0.0.1:${port}`, new URL(target));
    handlers.push((req, res) => void proxy.handle(req, res));
    return proxy;
  }

  /** Requests that sent consignments: PUTs, and batches of several. */
  sends(): ProxiedRequest[] {
    return this.requests.filter((r) => r.consignments.length > 0);
  }

  /** Requests whose path starts with `prefix` (and of `method`). */
  matching(method: string, prefix: string): ProxiedRequest[] {
    return this.requests.filter((r) => r.method === method && r.path.startsWith(prefix));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    this.inFlight.set(method, (this.inFlight.get(method) ?? 0) + 1);
    this.maxInFlight.set(method, Math.max(this.maxInFlight.get(method) ?? 0, this.inFlight.get(method)!));
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    const status = this.down
      ? await this.refuse(res, 503)
      : await this.forward(req, Buffer.concat(chunks), res);
    this.inFlight.set(method, this.inFlight.get(method)! - 1);
    const consignments = consignmentsOf(method, path, Buffer.concat(chunks));
    this.requests.push({ method, path, at, doneAt: Date.now(), status, consignments });
  }

  private refuse(res: ServerResponse, status: number): Promise<number> {
    const body = JSON.stringify({ code: 'PROXY_DOWN', message: 'Hệ thống nhận tạm thời không trả lời.' });
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    return Promise.resolve(status);
  }

  private forward(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<number> {
    return new Promise((resolve) => {
      const upstream = httpRequest(
        {
          host: this.target.hostname,
          port: this.target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: this.target.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('end', () => resolve(answer.statusCode ?? 502));
        },
      );
      upstream.on('error', () => {
        if (!res.headersSent) void this.refuse(res, 502).then(resolve);
        else {
          res.destroy();
          resolve(502);
        }
      });
      upstream.end(body);
    });
  }
}
