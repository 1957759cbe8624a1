import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireAgencyRole } from '@vanthu/identity';
import { PrintRegisterUseCase } from '@vanthu/registers';
import type { Response } from 'express';
import type { z } from 'zod';
import { FileResponse } from '../http/file-response.decorator';
import { sendDownload } from './file-download';
import { registerIdParam, registerPrintQuery } from './register-print.schemas';

const registerId = { schema: registerIdParam };
const printQuery = { schema: registerPrintQuery };

/** Registers printed in full (ND30 columns) and exported as spreadsheets. */
@ApiTags('registers')
@Controller('api/v1/agencies/:agencyId/registers/:registerId')
export class RegisterPrintController {
  constructor(private readonly print: PrintRegisterUseCase) {}

  @Get('print.pdf')
  @RequireAgencyRole('clerk', 'leader', 'admin')
  @FileResponse('application/pdf', 'Sổ đăng ký (PDF)')
  @ApiOperation({ summary: 'In sổ đăng ký văn bản (PDF khổ A4 ngang, các cột theo Nghị định 30)' })
  async pdf(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('registerId', registerId) id: string,
    @Query(printQuery) query: z.infer<typeof registerPrintQuery>,
    @Res() res: Response,
  ): Promise<void> {
    sendDownload(
      res,
      await this.print.execute({ principal, agencyId, registerId: id, format: 'pdf', ...query }),
    );
  }

  @Get('export.xlsx')
  @RequireAgencyRole('clerk', 'leader', 'admin')
  @FileResponse('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Sổ đăng ký (XLSX)')
  @ApiOperation({ summary: 'Xuất sổ đăng ký văn bản ra tệp Excel (XLSX)' })
  async xlsx(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('registerId', registerId) id: string,
    @Query(printQuery) query: z.infer<typeof registerPrintQuery>,
    @Res() res: Response,
  ): Promise<void> {
    sendDownload(
      res,
      await this.print.execute({ principal, agencyId, registerId: id, format: 'xlsx', ...query }),
    );
  }
}
