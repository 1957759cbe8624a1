import { Controller, Get, HttpCode, Inject } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { AppException } from '@vanthu/shared';
import { ObjectStorage } from '@vanthu/storage';

/** Liveness and readiness, as the node answers them (a supervisor and the tests wait on /ready). */
@Controller()
export class HubHealthController {
  constructor(
    private readonly db: Database,
    @Inject(ObjectStorage) private readonly storage: ObjectStorage,
  ) {}

  @Get('health')
  health() {
    return { status: 'ok', role: 'hub' };
  }

  @Get('ready')
  @HttpCode(200)
  async ready() {
    const [database, storage] = await Promise.allSettled([this.db.ping(), this.storage.ping()]);
    const checks = { database: database.status === 'fulfilled', storage: storage.status === 'fulfilled' };
    if (!checks.database || !checks.storage)
      throw new AppException('NOT_READY', 'Hệ thống chưa sẵn sàng.', 503, { checks });
    return { status: 'ready', checks };
  }
}
