import { Alert, App, Form, Input, InputNumber, Modal, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { sendJson } from '../../api/client';
import type { Recipient } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { TextKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/I18nProvider';

export const RECIPIENT_CHANNELS = ['email', 'phone', 'fax', 'visit', 'paper', 'web'] as const;

interface SampleValues {
  productType?: string;
  region?: string;
  customerType?: string;
  size?: number;
  channel?: string;
}

/** A personal link is only ever shown in the answer that created the recipient. */
function personalLink(token: string): string {
  return `${location.origin}/r/${token}`;
}

/** Samples recipients from the customer files; afterwards shows each one's personal link once. */
export function SampleModal({ surveyId, onClose, onSampled }: { surveyId: string; onClose: () => void; onSampled: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SampleValues>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Recipient[]>();

  const sample = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      const clean = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));
      const rows = await sendJson<Recipient[]>('POST', `/surveys/${surveyId}/recipients/sample`, clean);
      setCreated(rows);
      void message.success(t('sample.done', { n: rows.length }));
      onSampled();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={created ? 860 : 520}
      title={t('sample.title')}
      okText={created ? t('common.confirm') : t('sample.submit')}
      okButtonProps={{ loading: busy }}
      onOk={() => (created ? onClose() : void sample().catch(() => undefined))}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      {created ? (
        <>
          <Alert type="info" showIcon title={t('sample.linksOnce')} style={{ marginBottom: 12 }} />
          <Table<Recipient>
            className="sf-links"
            size="small"
            rowKey="id"
            dataSource={created}
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            columns={[
              { title: t('surveys.name'), dataIndex: 'name', width: 180 },
              { title: t('surveys.channel'), dataIndex: 'channel', width: 90, render: (c: string) => t(`channel.${c}` as TextKey) },
              {
                title: t('sample.link'),
                key: 'link',
                // e-mail invitations carry a fresh link made at dispatch, so only manual channels need this one
                render: (_, r) =>
                  r.channel === 'email' ? <Typography.Text type="secondary">{t('sample.byEmail')}</Typography.Text> : r.token && <Typography.Text copyable className="sf-link">{personalLink(r.token)}</Typography.Text>,
              },
            ]}
          />
        </>
      ) : (
        <Form form={form} layout="vertical">
          <Typography.Paragraph type="secondary">{t('sample.hint')}</Typography.Paragraph>
          <Form.Item name="productType" label={t('customer.productType')}><Input /></Form.Item>
          <Form.Item name="region" label={t('customer.region')}><Input /></Form.Item>
          <Form.Item name="customerType" label={t('customer.customerType')}><Input /></Form.Item>
          <Form.Item name="size" label={t('sample.size')} extra={t('sample.sizeHint')}><InputNumber min={1} style={{ width: 160 }} /></Form.Item>
          <Form.Item name="channel" label={t('surveys.channel')} extra={t('sample.channelHint')}>
            <Select allowClear options={RECIPIENT_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}` as TextKey) }))} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
