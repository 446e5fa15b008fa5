import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Form, Input, InputNumber, Tag } from 'antd';
import { useState } from 'react';
import { sendJson } from '../../api/client';
import type { CompositeResult } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';

interface CompositeValues {
  sources: { key: string; title?: string; weight: number; score?: number; fromSurvey?: boolean }[];
  generalComplaints?: number;
  majorIncidents?: number;
}

/** Several satisfaction sources weighted together, then the complaint and incident deductions, then the grade. */
export function CompositeCard({ surveyId, title }: { surveyId: string; title: string }) {
  const { t, local } = useI18n();
  const [form] = Form.useForm<CompositeValues>();
  const [result, setResult] = useState<CompositeResult>();
  const [error, setError] = useState<unknown>();

  const compute = async () => {
    const v = await form.validateFields();
    setError(undefined);
    try {
      const sources = v.sources.map((s, n) => (n === 0 ? { key: s.key, title: s.title, weight: s.weight, surveyId } : { key: s.key, title: s.title, weight: s.weight, score: s.score }));
      setResult(await sendJson<CompositeResult>('POST', '/composites', { title, sources, generalComplaints: v.generalComplaints, majorIncidents: v.majorIncidents }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card size="small" title={t('results.composite')} style={{ marginBottom: 16 }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ sources: [{ key: 'survey', title: t('results.thisSurvey'), weight: 60 }, { key: 'visits', title: t('results.fieldVisits'), weight: 20, score: 85 }, { key: 'quality', title: t('results.keyAccount'), weight: 20, score: 90 }] }}
      >
        <Form.List name="sources">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginBottom: 12 }}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="center" wrap>
                  <Form.Item name={[f.name, 'key']} noStyle rules={[{ required: true }]}><Input style={{ width: 150 }} placeholder={t('results.sourceKey')} aria-label={t('results.sourceKey')} /></Form.Item>
                  <Form.Item name={[f.name, 'title']} noStyle><Input style={{ flex: 1, minWidth: 120 }} placeholder={t('results.sourceTitle')} aria-label={t('results.sourceTitle')} /></Form.Item>
                  <Form.Item name={[f.name, 'weight']} noStyle rules={[{ required: true }]}><InputNumber min={0} prefix={t('builder.weight')} style={{ width: 130 }} /></Form.Item>
                  {f.name === 0 ? (
                    <Tag color="blue">{t('results.fromSurvey')}</Tag>
                  ) : (
                    <Form.Item name={[f.name, 'score']} noStyle><InputNumber min={0} max={100} prefix={t('results.score')} style={{ width: 130 }} /></Form.Item>
                  )}
                  {f.name > 0 && <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(f.name)} />}
                </Flex>
              ))}
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ key: `s${fields.length + 1}`, weight: 10 })}>{t('results.addSource')}</Button>
            </Flex>
          )}
        </Form.List>
        <Flex gap={8} wrap align="center">
          <Form.Item name="generalComplaints" noStyle><InputNumber min={0} prefix={t('results.complaints')} style={{ width: 180 }} /></Form.Item>
          <Form.Item name="majorIncidents" noStyle><InputNumber min={0} prefix={t('results.incidents')} style={{ width: 180 }} /></Form.Item>
          <Button type="primary" onClick={() => void compute().catch(() => undefined)}>{t('results.compute')}</Button>
        </Flex>
      </Form>
      <ErrorAlert error={error} />
      {result && (
        <Descriptions size="small" bordered column={2} style={{ marginTop: 12 }} className="sf-composite-result">
          <Descriptions.Item label={t('results.weighted')}>{result.weightedScore ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('results.deductions')}>− {result.deductions.points}</Descriptions.Item>
          <Descriptions.Item label={t('results.final')}><b>{result.final ?? '—'}</b></Descriptions.Item>
          <Descriptions.Item label={t('results.grade')}>{result.grade ? <Tag color="blue">{local(result.grade.label)}</Tag> : '—'}</Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
