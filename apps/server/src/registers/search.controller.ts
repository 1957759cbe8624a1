import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireAgencyRole } from '@vanthu/identity';
import { SearchEntriesUseCase } from '@vanthu/registers';
import { searchEntriesQuery, type SearchEntriesQuery } from './search.schemas';
import { ZodResponse } from '../http/zod-response.decorator';
import { entryPageSchema } from './entry.responses';

/** Search over both registers of an agency. */
@ApiTags('entries')
@Controller('api/v1/agencies/:agencyId/entries')
export class SearchController {
  constructor(private readonly searchEntries: SearchEntriesUseCase) {}

  @ZodResponse(entryPageSchema)
  @Get()
  @RequireAgencyRole()
  @ApiOperation({
    summary:
      'Tìm văn bản đến và đi (trích yếu, số ký hiệu, cơ quan ban hành, người ký; không phân biệt dấu và hoa thường), lọc và phân trang theo con trỏ',
  })
  search(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Query({ schema: searchEntriesQuery }) query: SearchEntriesQuery,
  ) {
    return this.searchEntries.execute({ principal, agencyId, ...query });
  }
}
