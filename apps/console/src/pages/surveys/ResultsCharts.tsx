import { Card, Col, Row } from 'antd';
import { BarChart } from '../../components/BarChart';
import type { SurveyResults } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';

/** Dimension and item indices (0–100) as bar charts. */
export function ResultsCharts({ results }: { results: SurveyResults }) {
  const { t } = useI18n();
  const dims = results.dimensions.map((d) => ({ label: d.title ?? d.key, value: d.index }));
  const items = results.dimensions.flatMap((d) => d.items.map((i) => ({ label: i.title ?? i.key, value: i.index })));
  return (
    <Row gutter={16}>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('surveys.dimensions')} style={{ marginBottom: 16 }}>
          <BarChart bars={dims} />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('surveys.items')} style={{ marginBottom: 16 }}>
          <BarChart bars={items} />
        </Card>
      </Col>
    </Row>
  );
}
