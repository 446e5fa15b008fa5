import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsoTime, PageNumber } from '@satisflow/validation';
import { Roles } from '../guards/decorators';
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from './security-event.entity';
import { SecurityLog } from './security-log';

export class SecurityEventsDto {
  @ApiPropertyOptional({ enum: SECURITY_EVENT_KINDS }) @IsOptional() @IsIn(SECURITY_EVENT_KINDS)
  kind?: SecurityEventKind;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64)
  username?: string;

  @ApiPropertyOptional({ format: 'date-time' }) @IsoTime()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time' }) @IsoTime()
  to?: Date;

  @ApiPropertyOptional({ default: 1 }) @PageNumber()
  page = 1;

  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  pageSize = 50;
}

/** The security log, for auditors and the administrator: failed logins and signatures, and the brakes they set off. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('auditor', 'admin')
@Controller('security-events')
export class SecurityEventsController {
  constructor(private readonly log: SecurityLog) {}

  @Get()
  async list(@Query() q: SecurityEventsDto) {
    const { items, total } = await this.log.page(q, q.page, q.pageSize);
    return {
      items: items.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        kind: e.kind,
        username: e.username,
        ...(e.userId ? { userId: e.userId } : {}),
        ...(e.ip ? { ip: e.ip } : {}),
        ...(e.instanceId ? { instanceId: e.instanceId } : {}),
        ...(e.reason ? { reason: e.reason } : {}),
      })),
      total,
    };
  }
}
