import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { attachment } from '@satisflow/http';
import { UuidPipe } from '@satisflow/validation';
import { renderReportCsv } from './render/report-csv';
import { renderReportPdf } from './render/report-pdf';
import { renderReportXlsx } from './render/report-xlsx';
import { Lang, reportLayout } from './report-sections';
import { ReportsService, ReportView } from './reports.service';

const FORMATS = ['json', 'pdf', 'xlsx', 'csv'] as const;
type Format = (typeof FORMATS)[number];

class ReportQueryDto {
  @ApiPropertyOptional({ enum: FORMATS, default: 'json' }) @IsOptional() @IsIn(FORMATS) format?: Format;
  @ApiPropertyOptional({ enum: ['zh', 'en'], default: 'zh', description: 'language of the PDF, XLSX and CSV' }) @IsOptional() @IsIn(['zh', 'en']) lang?: Lang;
}

const FILES: Record<Exclude<Format, 'json'>, { type: string; render: (layout: ReturnType<typeof reportLayout>) => Buffer | Promise<Buffer> }> = {
  pdf: { type: 'application/pdf', render: renderReportPdf },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', render: renderReportXlsx },
  csv: { type: 'text/csv; charset=utf-8', render: renderReportCsv },
};

/** The analysis report (domain.md section 2, step 7) as data or as a document to file and print. */
@ApiTags('surveys')
@ApiBearerAuth()
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('surveys/:id/report')
  async report(
    @Param('id', UuidPipe) id: string,
    @Query() query: ReportQueryDto,
  ): Promise<ReportView | StreamableFile> {
    const report = await this.reports.report(id);
    const format = query.format ?? 'json';
    if (format === 'json') return report;
    const file = FILES[format];
    const body = await file.render(reportLayout(report, query.lang ?? 'zh', report.frozen));
    const name = `survey-report-${report.survey.period ?? id}${report.frozen ? `-r${report.frozen.revision}` : '-draft'}.${format}`;
    return attachment(body, file.type, name);
  }
}
