import { Card, Col, Progress, Row, Statistic } from 'antd';
import type { SurveyResults } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';

/** Sent, returned, return rate against the plan's target, the overall index. */
export function ReturnRate({ results }: { results: SurveyResults }) {
  const { t, local } = useI18n();
  const rate = results.returnRate ?? 0;
  const target = results.targetReturnRate ?? undefined;
  const grade = results.overall.grade;
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      <Col xs={12} md={6}><Card size="small"><Statistic title={t('surveys.sent')} value={results.sent} /></Card></Col>
      <Col xs={12} md={6}><Card size="small"><Statistic title={t('surveys.returned')} value={results.returned} /></Card></Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <div className="sf-stat-title">{t('surveys.returnRate')}{target !== undefined ? ` / ${t('surveys.target')} ${target}%` : ''}</div>
          <Progress percent={rate} status={target !== undefined && rate < target ? 'exception' : 'success'} format={(p) => `${p ?? 0}%`} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('surveys.overall')} value={results.overall.index ?? '—'} suffix={grade ? ` ${typeof grade === 'string' ? grade : local(grade)}` : undefined} />
        </Card>
      </Col>
    </Row>
  );
}
