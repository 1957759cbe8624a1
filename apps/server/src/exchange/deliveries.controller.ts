import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListDeadLettersUseCase, ResendDeliveryUseCase } from '@vanthu/exchange';
import { CurrentPrincipal, type Principal, RequireAgencyRole } from '@vanthu/identity';
import type { z } from 'zod';
import { ZodResponse } from '../http/zod-response.decorator';
import { deadLetterPageSchema, resendOutcomeSchema } from './deliveries.responses';
import { deliveryIdParam, listDeliveriesQuery } from './deliveries.schemas';

/** Deliveries to agencies on other installations: dead letters and the clerk's resend. */
@ApiTags('deliveries')
@Controller('api/v1/agencies/:agencyId/deliveries')
export class DeliveriesController {
  constructor(
    private readonly deadLetters: ListDeadLettersUseCase,
    private readonly resend: ResendDeliveryUseCase,
  ) {}

  @ZodResponse(deadLetterPageSchema)
  @Get()
  @RequireAgencyRole('clerk', 'leader', 'admin')
  @ApiOperation({ summary: 'Văn bản gửi liên thông quá hạn không gửi được (dead letters), cũ nhất trước' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Query({ schema: listDeliveriesQuery }) query: z.infer<typeof listDeliveriesQuery>,
  ) {
    return this.deadLetters.execute({ principal, agencyId, limit: query.limit, cursor: query.cursor });
  }

  @ZodResponse(resendOutcomeSchema)
  @Post(':deliveryId/resend')
  @HttpCode(200)
  @RequireAgencyRole('clerk')
  @ApiOperation({
    summary: 'Gửi lại văn bản liên thông đã thất bại (giữ nguyên mã gói tin và nội dung đã lưu)',
  })
  resendDelivery(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('deliveryId', { schema: deliveryIdParam }) deliveryId: string,
  ) {
    return this.resend.execute({ principal, agencyId, deliveryId });
  }
}
