import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { attachment } from '@satisflow/http';
import { Roles } from '@satisflow/identity';
import { IsoTime, PageNumber } from '@satisflow/validation';
import { auditToCsv } from './audit-csv';
import { AuditQuery } from './audit-query';
import { AuditVerifier } from './audit-verifier';

export class AuditFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID()
  instanceId?: string;

  @ApiPropertyOptional({ description: 'username' }) @IsOptional() @IsString() @MaxLength(64)
  actor?: string;

  @ApiPropertyOptional({ format: 'date-time' }) @IsoTime()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time' }) @IsoTime()
  to?: Date;
}

export class AuditPageDto extends AuditFilterDto {
  @ApiPropertyOptional({ default: 1 }) @PageNumber()
  page = 1;

  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  pageSize = 50;
}

export class AuditExportDto extends AuditFilterDto {
  @ApiPropertyOptional({ enum: ['csv', 'json'] }) @IsOptional() @IsIn(['csv', 'json'])
  format: 'csv' | 'json' = 'json';
}

/** Who may read the whole trail: auditors, and the roles that answer to them. */
const READERS = ['auditor', 'admin', 'process_owner', 'quality', 'management_rep', 'general_manager'] as const;

@ApiTags('audit')
@ApiBearerAuth()
@Roles(...READERS)
@Controller('audit')
export class AuditController {
  constructor(
    private readonly query: AuditQuery,
    private readonly verifier: AuditVerifier,
  ) {}

  @Get()
  async list(@Query() q: AuditPageDto) {
    const page = await this.query.page(q, q.page, q.pageSize);
    await this.query.assertKnownInstance(q, page.total);
    return page;
  }

  @Get('verify')
  verify() {
    return this.verifier.verify();
  }

  @Get('export')
  @Header('Cache-Control', 'no-store')
  async export(@Query() q: AuditExportDto): Promise<StreamableFile> {
    const records = await this.query.all(q);
    await this.query.assertKnownInstance(q, records.length);
    const name = `satisflow-audit${q.instanceId ? `-${q.instanceId}` : ''}`;
    const [type, body] =
      q.format === 'csv'
        ? ['text/csv; charset=utf-8', auditToCsv(records)]
        : ['application/json; charset=utf-8', JSON.stringify({ exportedAt: new Date().toISOString(), records }, null, 2)];
    return attachment(Buffer.from(body), type, `${name}.${q.format}`);
  }
}
