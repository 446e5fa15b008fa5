import { Collapse, Empty, Space, Tag, Timeline, Typography } from 'antd';
import type { AuditRecord } from '../../api/types';
import { usePeople } from '../../api/usePeople';
import { SignatureTag } from '../../components/SignatureTag';
import { useLabels } from '../../components/useLabels';
import { useI18n } from '../../i18n/I18nProvider';
import { JsonView } from './JsonView';

const COLORS: Record<string, string> = { APPROVE: 'green', REJECT: 'red', DEADLINE: 'orange', START: 'blue' };

function submitted(r: AuditRecord): unknown {
  const data = r.data ?? {};
  return 'submitted' in data ? data.submitted : r.event === 'START' ? null : Object.keys(data).length ? data : null;
}

/** Who did what, as which role, when, why, and what they signed: the instance's audit records. */
export function HistoryTimeline({ records, procedure }: { records: AuditRecord[]; procedure: string }) {
  const { t, role, event, dateTime } = useI18n();
  const labels = useLabels();
  const person = usePeople();
  if (records.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      items={records.map((r) => {
        const data = submitted(r);
        return {
          key: r.seq,
          color: COLORS[r.event] ?? 'gray',
          content: (
            <div className="sf-timeline-item">
              <Space wrap size={6}>
                <Tag color={COLORS[r.event]}>{event(r.event)}</Tag>
                <strong>{person(r.actor.username)}</strong>
                {/* the system's "name" is its role's label: said once */}
                {r.actor.role && role(r.actor.role) !== person(r.actor.username) && <Typography.Text type="secondary">{role(r.actor.role)}</Typography.Text>}
                <Typography.Text type="secondary">{dateTime(r.at)}</Typography.Text>
              </Space>
              <div className="sf-muted">
                {labels.state(procedure, r.fromState) || '—'} → {labels.state(procedure, r.toState)}
              </div>
              {r.comment && <div className="sf-comment">{t('field.comment')}：{r.comment}</div>}
              {r.signatureMeaning && <SignatureTag meaning={r.signatureMeaning} />}
              {data != null && (
                <Collapse size="small" ghost items={[{ key: 'd', label: t('instance.data'), children: <JsonView value={data} procedure={procedure} /> }]} />
              )}
            </div>
          ),
        };
      })}
    />
  );
}
