import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { AppException, Clock } from '@vanthu/shared';
import type { Request } from 'express';

const WINDOW_MS = 60_000;
/** Past this many tracked addresses, finished windows are dropped before a new one is added. */
const PRUNE_AT = 10_000;

/**
 * The public verification page needs no login, so each client address gets a fixed number of
 * uploads per minute (VANTHU_PUBLIC_VERIFY_PER_MINUTE): verification costs CPU, and an open upload
 * must not become a way to load the node. Counted in this process's memory: behind several
 * instances each one counts its own share, which still bounds the load per instance.
 */
@Injectable()
export class PublicVerifyRateGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const key = req.ip ?? 'unknown';
    const now = this.clock.now().getTime();
    const window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      if (!window && this.windows.size >= PRUNE_AT) this.prune(now);
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    window.count += 1;
    if (window.count > this.config.web.publicVerifyPerMinute) {
      throw new AppException(
        'RATE_LIMITED',
        'Bạn đã gửi quá nhiều tệp trong một phút. Vui lòng thử lại sau ít phút.',
        429,
      );
    }
    return true;
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= WINDOW_MS) this.windows.delete(key);
  }
}
