import { Descriptions, Flex, Grid, Typography } from 'antd';
import type { LocalText } from '../../api/types';
import type { TextKey } from '../../i18n/dictionary';
import { usePeople } from '../../api/usePeople';
import { useLabels } from '../../components/useLabels';
import { useI18n } from '../../i18n/I18nProvider';
import { InstanceTitle } from './InstanceTitle';
import { SurveyTitle } from './SurveyTitle';
import { isLocalText, valueKind } from './valueKind';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One scalar as people read it: a state, role, channel or person by name, a survey or instance by its title. */
function Label({ field, value, procedure }: { field?: string; value: unknown; procedure: string }) {
  const { t, local, role, dateTime } = useI18n();
  const labels = useLabels();
  const person = usePeople();
  if (typeof value === 'boolean') return <>{value ? '✓' : '✗'}</>;
  const text = String(value);
  switch (valueKind(field, value)) {
    case 'localText': return <>{local(value as LocalText)}</>;
    case 'state': return <>{labels.state(procedure, text)}</>;
    case 'role': return <>{role(text)}</>;
    case 'channel': return <>{t(`channel.${text}` as TextKey)}</>;
    case 'person': return <>{person(text)}</>;
    case 'procedure': return <>{labels.procedure(text)}</>;
    case 'survey': return <SurveyTitle id={text} />;
    case 'instance': return <InstanceTitle id={text} />;
    default: return <>{ISO_TIME.test(text) ? dateTime(text) : text}</>;
  }
}

function Value({ field, value, procedure }: { field?: string; value: unknown; procedure: string }) {
  if (value === null || value === undefined || value === '') return <Typography.Text type="secondary">—</Typography.Text>;
  if (isLocalText(value)) return <Label value={value} procedure={procedure} />;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) {
    return <>{value.map((v, i) => <span key={i}>{i > 0 && '、'}<Label field={field} value={v} procedure={procedure} /></span>)}</>;
  }
  if (isRecord(value)) return <JsonView value={value} procedure={procedure} />;
  // findings, escalations, callbacks: one small table per entry
  if (Array.isArray(value) && value.every(isRecord)) {
    return <Flex vertical gap={8}>{value.map((v, i) => <JsonView key={i} value={v} procedure={procedure} />)}</Flex>;
  }
  if (typeof value === 'object') return <pre className="sf-json">{JSON.stringify(value, null, 2)}</pre>;
  return <Label field={field} value={value} procedure={procedure} />;
}

/** Submitted data as a readable table: one row per field, nested records as nested tables; codes of `procedure` shown by name. */
export function JsonView({ value, procedure }: { value: unknown; procedure: string }) {
  const { field } = useI18n();
  // on a phone nested tables side by side leave each value a few pixels: labels go above their values
  const narrow = !Grid.useBreakpoint().md;
  if (!isRecord(value) || isLocalText(value)) return <Value value={value} procedure={procedure} />;
  const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
  if (entries.length === 1 && isRecord(entries[0][1]) && !isLocalText(entries[0][1])) return <JsonView value={entries[0][1]} procedure={procedure} />;
  return (
    <Descriptions size="small" bordered column={1} layout={narrow ? 'vertical' : 'horizontal'} styles={{ label: narrow ? {} : { width: 150, whiteSpace: 'nowrap' } }}
      items={entries.map(([k, v]) => ({ key: k, label: field(k), children: <Value field={k} value={v} procedure={procedure} /> }))} />
  );
}
