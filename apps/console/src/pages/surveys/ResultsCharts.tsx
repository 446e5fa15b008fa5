import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import type { Questionnaire, SurveyResults } from '../../api/types';
import { BarChart, StackedBarChart } from '../../components/Charts';
import { useI18n } from '../../i18n/I18nProvider';
import { levelsOf } from './scale';

// worst → best, red to green
const LEVEL_COLORS = ['#cf1322', '#fa541c', '#fa8c16', '#fadb14', '#a0d911', '#73d13d', '#52c41a', '#389e0d', '#237804', '#135200'];

/** Dimension and item indices (0–100) and how each item's answers are distributed. */
export function ResultsCharts({ results, questionnaire }: { results: SurveyResults; questionnaire?: Questionnaire }) {
  const { t, local, lang } = useI18n();
  const dims = results.dimensions.map((d) => ({ label: local(d.title) || d.key, value: d.index }));
  const items = results.dimensions.flatMap((d) => d.items.map((i) => ({ label: local(i.title) || i.key, value: i.index })));
  const distribution = useMemo(() => {
    const rows = results.dimensions.flatMap((d) => d.items);
    const levels = questionnaire ? levelsOf(questionnaire.scale) : [];
    const colorStep = LEVEL_COLORS.length / Math.max(1, levels.length);
    return {
      rows: rows.map((i) => local(i.title) || i.key),
      stacks: levels.map((l, n) => ({
        name: l.label[lang],
        color: LEVEL_COLORS[Math.min(LEVEL_COLORS.length - 1, Math.floor(n * colorStep + colorStep / 2))],
        values: rows.map((i) => i.distribution?.counts[l.key] ?? 0),
      })),
    };
  }, [results, questionnaire, local, lang]);
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
      {distribution.stacks.length > 0 && (
        <Col span={24}>
          <Card size="small" title={t('results.distribution')} style={{ marginBottom: 16 }}>
            <StackedBarChart rows={distribution.rows} stacks={distribution.stacks} />
          </Card>
        </Col>
      )}
    </Row>
  );
}
