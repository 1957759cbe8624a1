import { Controller, Get, HttpCode, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { AppException } from '@vanthu/shared';
import { ObjectStorage } from '@vanthu/storage';
import { ZodResponse } from '../http/zod-response.decorator';
import { healthSchema, readinessSchema } from './health.responses';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly db: Database,
    @Inject(ObjectStorage) private readonly storage: ObjectStorage,
  ) {}

  @Public()
  @ZodResponse(healthSchema)
  @Get('health')
  @ApiOperation({ summary: 'Tiến trình đang chạy' })
  health() {
    return { status: 'ok' } as const;
  }

  @Public()
  @ZodResponse(readinessSchema)
  @Get('ready')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sẵn sàng: cơ sở dữ liệu và kho lưu trữ truy cập được' })
  async ready() {
    const [database, storage] = await Promise.allSettled([this.db.ping(), this.storage.ping()]);
    const checks = { database: database.status === 'fulfilled', storage: storage.status === 'fulfilled' };
    if (!checks.database || !checks.storage) {
      throw new AppException('NOT_READY', 'Hệ thống chưa sẵn sàng.', 503, { checks });
    }
    return { status: 'ready', checks } as const;
  }
}
