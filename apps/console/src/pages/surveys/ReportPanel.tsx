import { FileExcelOutlined, FilePdfOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Descriptions, Empty, Flex, List, Table, Tag, Typography } from 'antd';
import { download } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { LocalText } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLongAction } from '../../components/LongAction';
import { useI18n } from '../../i18n/I18nProvider';
import { RaiseActionButton } from './RaiseActionButton';

interface ReportRow {
  level: 'dimension' | 'item';
  key: string;
  title: LocalText;
  index: number | null;
  n: number | null;
}

interface AnalysisReport {
  survey: { title: string; period: string | null };
  figures: { sent: number; returned: number; returnRate: number; targetReturnRate: number; waived: boolean; overallIndex: number | null; grade: LocalText | null; satisfactionRate: number | null };
  results: { rows: ReportRow[]; productTypes: { slice: string; index: number | null; respondents: number }[] };
  special: { lowestItems: ReportRow[] };
  focus: { findings: { title: string; productQuality?: boolean; important?: boolean }[] };
  conclusions: { conclusions: string[]; proposals: string[] };
  frozen: { at?: string; hash?: string } | null;
}

const FORMATS = [
  { format: 'pdf', icon: <FilePdfOutlined />, ext: 'pdf' },
  { format: 'xlsx', icon: <FileExcelOutlined />, ext: 'xlsx' },
  { format: 'csv', icon: <FileTextOutlined />, ext: 'csv' },
] as const;

/** The analysis report as it will print (domain section 2, step 7) and its downloads. */
export function ReportPanel({ surveyId }: { surveyId: string }) {
  const { t, local, lang } = useI18n();
  const run = useLongAction();
  const report = useApi<AnalysisReport>(`/surveys/${surveyId}/report?format=json`);
  const r = report.data;
  const get = (format: string, ext: string) => run(t('report.generating'), () => download(`/surveys/${surveyId}/report?format=${format}&lang=${lang}`, `report.${ext}`));
  return (
    <div className="sf-report">
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        {FORMATS.map((f) => (
          <Button key={f.format} icon={f.icon} onClick={() => void get(f.format, f.ext)} data-format={f.format}>
            {t('report.download')} {f.format.toUpperCase()}
          </Button>
        ))}
        {r?.frozen && <Tag color="gold">{t('report.frozen')}</Tag>}
      </Flex>
      <ErrorAlert error={report.error} />
      {!r ? (
        <Empty />
      ) : (
        <div className="sf-report-paper">
          <Typography.Title level={4} style={{ textAlign: 'center' }}>{t('report.heading')}</Typography.Title>
          <Typography.Paragraph style={{ textAlign: 'center' }} type="secondary">{r.survey.title}{r.survey.period ? ` · ${r.survey.period}` : ''}</Typography.Paragraph>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('surveys.sent')}>{r.figures.sent}</Descriptions.Item>
            <Descriptions.Item label={t('surveys.returned')}>{r.figures.returned}</Descriptions.Item>
            <Descriptions.Item label={t('surveys.returnRate')}>{r.figures.returnRate}% {r.figures.waived && <Tag color="orange">{t('report.waived')}</Tag>}</Descriptions.Item>
            <Descriptions.Item label={t('surveys.overall')}>{r.figures.overallIndex ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('results.grade')}>{local(r.figures.grade) || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('surveys.satisfactionRate')}>{r.figures.satisfactionRate ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('report.byItem')}</Typography.Title>
          <Table<ReportRow>
            size="small"
            pagination={false}
            rowKey={(row) => `${row.level}-${row.key}`}
            dataSource={r.results.rows}
            rowClassName={(row) => (row.level === 'dimension' ? 'sf-row-dimension' : '')}
            columns={[
              { title: t('results.item'), key: 'title', render: (_, row) => (row.level === 'item' ? <span style={{ paddingLeft: 16 }}>{local(row.title)}</span> : <b>{local(row.title)}</b>) },
              { title: t('results.index'), dataIndex: 'index' },
              { title: 'n', dataIndex: 'n' },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('report.lowest')}</Typography.Title>
          <Flex gap={8} wrap>
            {r.special.lowestItems.slice(0, 3).map((row) => (
              <span key={row.key} className="sf-lowest-item">
                <Tag color="orange">{local(row.title)} · {row.index}</Tag>
                <RaiseActionButton surveyId={surveyId} item={row.key} />
              </span>
            ))}
          </Flex>
          {r.focus.findings.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>{t('report.findings')}</Typography.Title>
              <List size="small" dataSource={r.focus.findings} renderItem={(f) => <List.Item>{f.title} {f.productQuality && <Tag color="red">{t('report.productQuality')}</Tag>} {f.important && <Tag color="volcano">{t('report.important')}</Tag>}</List.Item>} />
            </>
          )}
          {r.conclusions.conclusions.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>{t('report.conclusions')}</Typography.Title>
              {r.conclusions.conclusions.map((c, n) => <Typography.Paragraph key={n}>{c}</Typography.Paragraph>)}
              <Typography.Title level={5}>{t('report.proposals')}</Typography.Title>
              <ul>{r.conclusions.proposals.map((p, n) => <li key={n}>{p}</li>)}</ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
