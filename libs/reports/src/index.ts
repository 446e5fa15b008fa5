export * from './reports.module';
export * from './reports.service';
export * from './analysis-report';
export * from './report-sections';
export { SurveyReportEntity } from './survey-report.entity';
export { renderReportPdf } from './render/report-pdf';
