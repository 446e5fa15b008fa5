import { Descriptions, Flex, Grid, Typography } from 'antd';
import type { LocalText } from '../../api/types';
import { DICTIONARY, type TextKey } from '../../i18n/dictionary';
import { usePeople } from '../../api/usePeople';
import { isRecord } from '../../components/text';
import { useLabels } from '../../components/useLabels';
import { useI18n } from '../../i18n/I18nProvider';
import { InstanceTitle } from './InstanceTitle';
import { SurveyTitle } from './SurveyTitle';
import { isLocalText, keyKind, procedureWithin, valueKind, type ValueKind } from './valueKind';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const isTextKey = (key: string): key is TextKey => key in DICTIONARY.zh;

/** A code's label from the dictionary (`channel.phone`, `status.overdue`); a code with none as the field label it may be (`unrecorded`). */
function useCodeLabel() {
  const { t, field } = useI18n();
  return (prefix: string, code: string) => {
    const key = `${prefix}.${code}`;
    return isTextKey(key) ? t(key) : field(code);
  };
}

/** One scalar as people read it: a state, role, channel or person by name, a survey or instance by its title. */
function Label({ field, value, procedure }: { field?: string; value: unknown; procedure: string }) {
  const { local, role, dateTime } = useI18n();
  const labels = useLabels();
  const person = usePeople();
  const code = useCodeLabel();
  if (typeof value === 'boolean') return <>{value ? '✓' : '✗'}</>;
  const text = String(value);
  switch (valueKind(field, value)) {
    case 'localText': return <>{local(value as LocalText)}</>;
    case 'state': return <>{labels.state(procedure, text)}</>;
    case 'role': return <>{role(text)}</>;
    case 'channel': return <>{code('channel', text)}</>;
    case 'status': return <>{code('status', text)}</>;
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
  const within = procedureWithin(field, procedure);
  if (isRecord(value)) return <JsonView value={value} procedure={within} keys={keyKind(field)} />;
  // findings, escalations, callbacks: one small table per entry
  if (Array.isArray(value) && value.every(isRecord)) {
    return <Flex vertical gap={8}>{value.map((v, i) => <JsonView key={i} value={v} procedure={within} />)}</Flex>;
  }
  if (typeof value === 'object') return <pre className="sf-json">{JSON.stringify(value, null, 2)}</pre>;
  return <Label field={field} value={value} procedure={procedure} />;
}

/**
 * Submitted data as a readable table: one row per field, nested records as nested tables; codes
 * shown by name, fields by the name `procedure` gives them. `keys` says when a record's keys are
 * codes of a kind (a count per channel) rather than field names.
 */
export function JsonView({ value, procedure, keys }: { value: unknown; procedure: string; keys?: ValueKind }) {
  const { field } = useI18n();
  const code = useCodeLabel();
  // on a phone nested tables side by side leave each value a few pixels: labels go above their values
  const narrow = !Grid.useBreakpoint().md;
  if (!isRecord(value) || isLocalText(value)) return <Value value={value} procedure={procedure} />;
  const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
  if (entries.length === 1 && isRecord(entries[0][1]) && !isLocalText(entries[0][1]) && !keys) return <JsonView value={entries[0][1]} procedure={procedureWithin(entries[0][0], procedure)} />;
  const label = (k: string) => (keys === 'channel' ? code('channel', k) : field(k, procedure));
  return (
    <Descriptions size="small" bordered column={1} layout={narrow ? 'vertical' : 'horizontal'} styles={{ label: narrow ? {} : { width: 150, whiteSpace: 'nowrap' } }}
      items={entries.map(([k, v]) => ({ key: k, label: label(k), children: <Value field={k} value={v} procedure={procedure} /> }))} />
  );
}
