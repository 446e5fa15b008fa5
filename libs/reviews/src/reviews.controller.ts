import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { says } from '@satisflow/http';
import { Roles } from '@satisflow/identity';
import type { CompiledPack } from './pack';
import { PackCompiler } from './pack-compiler.service';
import { rangeLabel } from './review-period';

class PackQueryDto {
  @ApiPropertyOptional({ example: '2026', description: 'a year, or a range of local dates as 2026-01-01/2026-06-30' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  period?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'first local date of a range (with `to`, instead of `period`)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  from?: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: 'last local date of a range, inclusive' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  to?: string;
}

/** The management-review input (domain.md section 6), compiled by the server for a period. */
@ApiTags('management-review')
@ApiBearerAuth()
@Controller('management-review')
export class ReviewsController {
  constructor(private readonly packs: PackCompiler) {}

  // who compiles, signs or reads the review input; the auditor traces its figures
  @Roles('quality', 'general_manager', 'management_rep', 'process_owner', 'auditor')
  @Get('pack')
  async pack(@Query() q: PackQueryDto): Promise<CompiledPack> {
    const label = q.period ?? (q.from && q.to ? rangeLabel(q.from, q.to) : undefined);
    if (!label || (q.period && (q.from || q.to))) {
      const message = says('name the period: ?period=2026, or ?from=2026-01-01&to=2026-06-30', '请指定期间：?period=2026，或 ?from=2026-01-01&to=2026-06-30').message;
      throw new BadRequestException({ message, details: [{ field: 'period', rule: 'required', message }] });
    }
    return this.packs.compile(await this.packs.period(label));
  }
}
