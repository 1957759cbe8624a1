import { Controller, Get, Inject, Logger, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig, MAX_LONG_POLL_MS } from '@vanthu/config';
import { Public } from '@vanthu/identity';
import { isUuid } from '@vanthu/shared';
import type { Request, Response } from 'express';
import { exchangeError } from '../exchange.errors';
import { ReceiveConsignmentUseCase, receiverError } from '../inbound/receive-consignment.use-case';
import { ExchangeMailboxService } from '../mailbox/exchange-mailbox.service';
import { MailboxWaiters } from '../mailbox/mailbox-waiters';
import {
  BATCH_MAX_BYTES,
  type BatchResult,
  decodeBatch,
  encodeBatchAnswer,
} from '../transport/consignment-batch';
import { PeerAuthenticator } from '../transport/peer-authenticator';
import { readSignedBody } from './request-body';

const RECEIPT_LIMIT = 64 * 1024;

function consignmentId(raw: string): string {
  if (!isUuid(raw)) throw exchangeError('EXCHANGE_CONSIGNMENT_ID_INVALID');
  return raw.toLowerCase();
}

/**
 * The wire protocol between installations (docs/exchange.md), served by nodes and hubs alike. Not
 * part of the REST API (/api/v1): callers are installations proving themselves by signature, not
 * users with sessions. Each handler authenticates the peer before reading a byte of the body.
 */
@ApiExcludeController()
@Public()
@Controller('exchange/v1')
export class ExchangeWireController {
  private readonly logger = new Logger('exchange');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly authenticator: PeerAuthenticator,
    private readonly receive: ReceiveConsignmentUseCase,
    private readonly mailbox: ExchangeMailboxService,
    private readonly waiters: MailboxWaiters,
  ) {}

  @Put('consignments/:id')
  async put(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const caller = await this.caller(req, res);
    const consignment = consignmentId(id);
    const bytes = await this.body(req, res, caller.sha256, this.config.exchange.maxPackageBytes);
    let receipt: string;
    try {
      ({ receipt } = await this.receive.execute({ consignmentId: consignment, bytes, from: caller.peer }));
    } catch (error) {
      throw receiverError(error, this.logger);
    }
    res.status(200).type('application/json').send(receipt);
  }

  /** Several consignments at once (transport/consignment-batch.ts): one result per consignment. */
  @Post('consignments')
  async putMany(@Req() req: Request, @Res() res: Response): Promise<void> {
    const caller = await this.caller(req, res);
    const items = decodeBatch(await this.body(req, res, caller.sha256, BATCH_MAX_BYTES));
    let results: BatchResult[];
    try {
      results = await this.receive.executeBatch(items, caller.peer);
    } catch (error) {
      throw receiverError(error, this.logger);
    }
    res.status(200).type('application/json').send(encodeBatchAnswer(results));
  }

  @Get('consignments/:id/receipt')
  async receipt(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const caller = await this.caller(req, res);
    res
      .status(200)
      .type('application/json')
      .send(await this.receive.receiptOf(consignmentId(id), caller.peer));
  }

  @Get('mailbox')
  async list(
    @Query('after') after: string | undefined,
    @Query('limit') limit: string | undefined,
    @Query('wait') wait: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const caller = await this.caller(req, res);
    const from = /^\d{1,18}$/.test(after ?? '0') ? Number(after ?? 0) : 0;
    const take = /^\d{1,4}$/.test(limit ?? '') ? Number(limit) : 100;
    // long poll: seconds to hold an empty answer, at most 25 (within proxies' usual 30 s)
    const waitMs = /^\d{1,3}$/.test(wait ?? '') ? Math.min(Number(wait) * 1000, MAX_LONG_POLL_MS) : 0;
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    const page = await this.mailbox.list(caller.peer, from, take, waitMs, gone.signal);
    // answered because this process is stopping: the connection is not kept for another request
    if (this.waiters.shuttingDown) res.setHeader('connection', 'close');
    res.status(200).json(page);
  }

  @Get('mailbox/:id')
  async fetch(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const caller = await this.caller(req, res);
    res
      .status(200)
      .type('application/xml')
      .send(await this.mailbox.fetch(caller.peer, consignmentId(id)));
  }

  @Post('mailbox/:id/ack')
  async ack(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const caller = await this.caller(req, res);
    const consignment = consignmentId(id);
    const body = await this.body(req, res, caller.sha256, RECEIPT_LIMIT);
    await this.mailbox.ack(caller.peer, consignment, body.toString('utf8'));
    res.status(204).end();
  }

  /** A body too large, too slow or not the signed one ends the connection with the refusal. */
  private async body(req: Request, res: Response, sha256: string, limit: number): Promise<Buffer> {
    try {
      return await readSignedBody(req, sha256, limit, this.config.exchange.requestTimeoutMs);
    } catch (error) {
      res.setHeader('connection', 'close');
      throw error;
    }
  }

  /** The authenticated peer; a refused caller's connection is not kept for more requests. */
  private async caller(req: Request, res: Response) {
    try {
      return await this.authenticator.authenticate((name) => req.header(name), req.method, req.originalUrl);
    } catch (error) {
      res.setHeader('connection', 'close');
      throw error;
    }
  }
}
