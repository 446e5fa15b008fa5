import { Empty } from 'antd';
import type { Instance } from '../../api/types';
import { JsonView } from './JsonView';

/** Bookkeeping fields the engine keeps in every context; the page shows them elsewhere. */
const HIDDEN = new Set(['title', 'createdBy', 'createdAt', 'parentId', 'escalations']);

/** The instance's context: what the steps submitted so far (plan, survey, report…). */
export function InstanceData({ instance }: { instance: Instance }) {
  const shown = Object.fromEntries(Object.entries(instance.data).filter(([k, v]) => !HIDDEN.has(k) && v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)));
  if (Object.keys(shown).length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return <JsonView value={shown} procedure={instance.procedure} />;
}
