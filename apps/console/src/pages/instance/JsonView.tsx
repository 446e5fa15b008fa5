import { Descriptions, Flex, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function Value({ value }: { value: unknown }) {
  const { dateTime } = useI18n();
  if (value === null || value === undefined || value === '') return <Typography.Text type="secondary">—</Typography.Text>;
  if (typeof value === 'boolean') return <>{value ? '✓' : '✗'}</>;
  if (typeof value === 'string' && ISO_TIME.test(value)) return <>{dateTime(value)}</>;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return <>{value.join('、')}</>;
  if (isRecord(value)) return <JsonView value={value} />;
  // findings, escalations, callbacks: one small table per entry
  if (Array.isArray(value) && value.every(isRecord)) {
    return <Flex vertical gap={8}>{value.map((v, i) => <JsonView key={i} value={v} />)}</Flex>;
  }
  if (typeof value === 'object') return <pre className="sf-json">{JSON.stringify(value, null, 2)}</pre>;
  return <>{String(value)}</>;
}

/** Submitted data as a readable table: one row per field, nested records as nested tables. */
export function JsonView({ value }: { value: unknown }) {
  const { field } = useI18n();
  if (!isRecord(value)) return <Value value={value} />;
  const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
  if (entries.length === 1 && isRecord(entries[0][1])) return <JsonView value={entries[0][1]} />;
  return (
    <Descriptions size="small" bordered column={1} styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}
      items={entries.map(([k, v]) => ({ key: k, label: field(k), children: <Value value={v} /> }))} />
  );
}
