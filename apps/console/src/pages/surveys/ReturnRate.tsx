import { Card, Col, Progress, Row, Statistic, Tag } from 'antd';
import type { SurveyResults } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';

const GRADE_COLORS: Record<string, string> = { 'very-satisfied': 'green', 'fairly-satisfied': 'green', satisfied: 'blue', dissatisfied: 'orange', 'very-dissatisfied': 'red' };

/** Sent, returned, return rate against the plan's target, the overall index and its grade. */
export function ReturnRate({ results }: { results: SurveyResults }) {
  const { t, local } = useI18n();
  const rate = results.returnRate ?? 0;
  const target = results.targetReturnRate ?? undefined;
  const grade = results.overall.grade;
  const below = target !== undefined && rate < target;
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      <Col xs={12} md={6}><Card size="small"><Statistic title={t('surveys.sent')} value={results.sent} /></Card></Col>
      <Col xs={12} md={6}><Card size="small"><Statistic title={t('surveys.returned')} value={results.returned} /></Card></Col>
      <Col xs={12} md={6}>
        <Card size="small" className="sf-return-rate">
          <div className="sf-stat-title">{t('surveys.returnRate')}{target !== undefined ? ` · ${t('surveys.target')} ≥ ${target}%` : ''}</div>
          <Progress percent={rate} strokeColor={below ? '#fa8c16' : '#52c41a'} format={() => `${rate}%`} />
          {target !== undefined && <Tag color={below ? 'warning' : 'success'}>{below ? t('surveys.belowTarget') : t('surveys.targetReached')}</Tag>}
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('surveys.overall')} value={results.overall.index ?? '—'} />
          {grade && <Tag color={GRADE_COLORS[grade.key] ?? 'blue'}>{t('results.grade')}: {local(grade.label)}</Tag>}
        </Card>
      </Col>
    </Row>
  );
}
