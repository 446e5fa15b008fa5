import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Form, Input } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

export interface ReviewDecisionValues {
  decisions?: { decision: string; correctiveAction?: boolean }[];
}

/**
 * The review's outputs (ISO 9001 9.3.3), signed with the pack: each a line, and those
 * marked open a corrective action of their own.
 */
export function ReviewDecisionFields() {
  const { t } = useI18n();
  return (
    <Form.Item label={t('review.decisions')} extra={t('review.decisionsHint')}>
      <Form.List name="decisions">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="center" wrap>
                <Form.Item name={[field.name, 'decision']} rules={[{ required: true, whitespace: true, message: t('review.decisionRequired') }]} noStyle>
                  <Input placeholder={t('review.decision')} maxLength={1000} style={{ flex: 1, minWidth: 200 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'correctiveAction']} valuePropName="checked" noStyle>
                  <Checkbox>{t('review.openAction')}</Checkbox>
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ correctiveAction: false })}>
              {t('review.addDecision')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** No decisions: nothing sent, as the API takes a sign-off without them. */
export function reviewDecisionData(v: ReviewDecisionValues): Record<string, unknown> | undefined {
  const decisions = (v.decisions ?? []).map((d) => ({ decision: d.decision.trim(), correctiveAction: !!d.correctiveAction }));
  return decisions.length ? { decisions } : undefined;
}
