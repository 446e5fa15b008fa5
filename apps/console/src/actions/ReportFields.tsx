import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Form, Input } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

export interface ReportValues {
  conclusions: string;
  proposals: string;
  findings?: { title: string; detail?: string; productQuality?: boolean; important?: boolean }[];
}

/** The analysis report reportDrafting's SUBMIT carries: conclusions, proposals, findings. */
export function ReportFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="conclusions" label={t('report.conclusions')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="proposals" label={t('report.proposals')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item label={t('report.findings')}>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="center" wrap>
                  <Form.Item name={[field.name, 'title']} rules={[{ required: true, whitespace: true, message: t('report.findingTitleRequired') }]} noStyle>
                    <Input placeholder={t('report.findingTitle')} style={{ flex: 1, minWidth: 200 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'productQuality']} valuePropName="checked" noStyle>
                    <Checkbox>{t('report.productQuality')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[field.name, 'important']} valuePropName="checked" noStyle>
                    <Checkbox>{t('report.important')}</Checkbox>
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ productQuality: false, important: false })}>
                {t('report.addFinding')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}

export function reportData(v: ReportValues): Record<string, unknown> {
  const findings = (v.findings ?? []).map((f) => ({ title: f.title, productQuality: !!f.productQuality, important: !!f.important }));
  return { conclusions: v.conclusions, proposals: v.proposals, findings };
}
