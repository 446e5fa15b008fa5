import { Descriptions, Typography } from 'antd';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function Value({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === '') return <Typography.Text type="secondary">—</Typography.Text>;
  if (typeof value === 'boolean') return <>{value ? '✓' : '✗'}</>;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return <>{value.join('、')}</>;
  if (typeof value === 'object') return <pre className="sf-json">{JSON.stringify(value, null, 2)}</pre>;
  return <>{String(value)}</>;
}

/** Submitted data as a readable table: one row per field, nested values as JSON. */
export function JsonView({ value }: { value: unknown }) {
  if (!isRecord(value)) return <Value value={value} />;
  const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
  if (entries.length === 1 && isRecord(entries[0][1])) return <JsonView value={entries[0][1]} />;
  return (
    <Descriptions size="small" bordered column={1} styles={{ label: { width: 180 } }}
      items={entries.map(([k, v]) => ({ key: k, label: k, children: <Value value={v} /> }))} />
  );
}
