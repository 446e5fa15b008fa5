import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Drawer, Flex, Form, Input, InputNumber, Row, Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import { sendJson } from '../../api/client';
import type { Questionnaire, Survey } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Lang } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/I18nProvider';
import { AnswerFields } from './AnswerFields';
import { SCALE_PRESETS } from './scale';
import { STANDARD_QUESTIONNAIRE } from '../../../../../libs/surveys/src/standard-questionnaire';

interface BuilderValues extends Questionnaire {
  title: string;
  period?: string;
  targetReturnRate: number;
}

/** A starting point in the shape most of the documents use: quality, service, delivery, price. */
const TEMPLATE: BuilderValues = { title: '', targetReturnRate: 80, ...STANDARD_QUESTIONNAIRE };

const KEY_RULE = { pattern: /^[A-Za-z][A-Za-z0-9_-]*$/, message: 'a–z, 0–9, _ -' };

function LabelPair({ prefix }: { prefix: (string | number)[] }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name={[...prefix, 'title', 'zh']} rules={[{ required: true }]} noStyle>
        <Input placeholder={t('builder.labelZh')} style={{ flex: 2, minWidth: 110 }} />
      </Form.Item>
      <Form.Item name={[...prefix, 'title', 'en']} rules={[{ required: true }]} noStyle>
        <Input placeholder={t('builder.labelEn')} style={{ flex: 2, minWidth: 110 }} />
      </Form.Item>
      <Form.Item name={[...prefix, 'weight']} noStyle>
        <InputNumber min={0} step={0.1} placeholder={t('builder.weight')} style={{ width: 90 }} />
      </Form.Item>
    </>
  );
}

/** Dimensions, items, scale, weights and bilingual labels, with the respondent's view beside them. */
export function QuestionnaireBuilder({ instanceId, instanceTitle, onClose, onCreated }: { instanceId: string; instanceTitle: string; onClose: () => void; onCreated: (s: Survey) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<BuilderValues>();
  const values = Form.useWatch([], form) as BuilderValues | undefined;
  const [previewLang, setPreviewLang] = useState<Lang>(lang);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      const overallItem = v.overallItem?.key ? v.overallItem : undefined;
      const survey = await sendJson<Survey>('POST', '/surveys', { instanceId, ...v, overallItem, period: v.period || undefined });
      void message.success(t('builder.saved'));
      onCreated(survey);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open
      size={1180}
      title={t('builder.title')}
      onClose={onClose}
      destroyOnHidden
      extra={<Button type="primary" loading={busy} onClick={() => void save().catch(() => undefined)}>{t('builder.save')}</Button>}
    >
      <ErrorAlert error={error} />
      <Row gutter={24}>
        <Col xs={24} lg={14}>
          <Form form={form} layout="vertical" initialValues={{ ...TEMPLATE, title: `${instanceTitle} · ${t('builder.questionnaire')}` }}>
            <Row gutter={12}>
              <Col span={12}><Form.Item name="title" label={t('builder.surveyTitle')} rules={[{ required: true }]}><Input /></Form.Item></Col>
              <Col span={4}><Form.Item name="period" label={t('plan.period')}><Input placeholder="2026" /></Form.Item></Col>
              <Col span={8}><Form.Item name="targetReturnRate" label={t('plan.target')} rules={[{ required: true }]}><InputNumber min={1} max={100} suffix="%" style={{ width: '100%' }} /></Form.Item></Col>
            </Row>
            <Form.Item name="scale" label={t('builder.scale')} rules={[{ required: true }]}>
              <Select options={SCALE_PRESETS.map((s) => ({ value: s, label: t(`scale.${s}`) }))} />
            </Form.Item>
            <Form.Item label={t('builder.overall')} extra={t('builder.overallHint')}>
              <Flex gap={8} wrap>
                <Form.Item name={['overallItem', 'key']} rules={[KEY_RULE]} noStyle>
                  <Input placeholder={t('builder.key')} style={{ width: 110 }} />
                </Form.Item>
                <Form.Item name={['overallItem', 'title', 'zh']} noStyle>
                  <Input placeholder={t('builder.labelZh')} style={{ flex: 2, minWidth: 110 }} />
                </Form.Item>
                <Form.Item name={['overallItem', 'title', 'en']} noStyle>
                  <Input placeholder={t('builder.labelEn')} style={{ flex: 2, minWidth: 110 }} />
                </Form.Item>
              </Flex>
            </Form.Item>
            <Form.List name="dimensions">
              {(dims, { add, remove }) => (
                <Flex vertical gap={12}>
                  {dims.map((dim) => (
                    <Card
                      key={dim.key}
                      size="small"
                      className="sf-builder-dimension"
                      title={
                        <Flex gap={8} align="center" wrap>
                          <Form.Item name={[dim.name, 'key']} rules={[{ required: true }, KEY_RULE]} noStyle>
                            <Input placeholder={t('builder.key')} style={{ width: 110 }} />
                          </Form.Item>
                          <LabelPair prefix={[dim.name]} />
                        </Flex>
                      }
                      extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(dim.name)} />}
                    >
                      <Form.List name={[dim.name, 'items']}>
                        {(items, itemOps) => (
                          <Flex vertical gap={8}>
                            {items.map((item) => (
                              <Flex key={item.key} gap={8} align="center" wrap>
                                <Form.Item name={[item.name, 'key']} rules={[{ required: true }, KEY_RULE]} noStyle>
                                  <Input placeholder={t('builder.key')} style={{ width: 110 }} />
                                </Form.Item>
                                <LabelPair prefix={[item.name]} />
                                <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => itemOps.remove(item.name)} />
                              </Flex>
                            ))}
                            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => itemOps.add({ key: '', title: { zh: '', en: '' } })}>
                              {t('builder.addItem')}
                            </Button>
                          </Flex>
                        )}
                      </Form.List>
                    </Card>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', title: { zh: '', en: '' }, items: [{ key: '', title: { zh: '', en: '' } }] })}>
                    {t('builder.addDimension')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form>
        </Col>
        <Col xs={24} lg={10}>
          <div className="sf-preview-sticky">
            <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
              <Typography.Text strong>{t('builder.preview')}</Typography.Text>
              <Segmented<Lang> size="small" value={previewLang} onChange={setPreviewLang} options={[{ value: 'zh', label: '中文' }, { value: 'en', label: 'English' }]} />
            </Flex>
            <div className="sf-phone">
              <div className="sf-phone-head">{values?.title}</div>
              <Form layout="vertical" className="sf-phone-body" disabled={false}>
                {values?.dimensions && (
                  <AnswerFields
                    questionnaire={{ scale: values.scale, overallItem: values.overallItem, dimensions: values.dimensions.filter(Boolean).map((d) => ({ ...d, items: (d.items ?? []).filter(Boolean) })) }}
                    lang={previewLang}
                  />
                )}
              </Form>
            </div>
          </div>
        </Col>
      </Row>
    </Drawer>
  );
}
