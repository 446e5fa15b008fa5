import { Empty, List, Tag } from 'antd';
import { useApi } from '../../api/useApi';
import type { Instance } from '../../api/types';
import { Link } from '../../components/Link';
import { StatusTag } from '../../components/StatusTag';
import { useLabels } from '../../components/useLabels';
import { useI18n } from '../../i18n/I18nProvider';

function LinkedInstance({ id, relation }: { id: string; relation: string }) {
  const labels = useLabels();
  const { data } = useApi<Instance>(`/instances/${id}`);
  return (
    <List.Item>
      <List.Item.Meta
        title={<><Tag>{relation}</Tag><Link to={`/instances/${id}`}>{data?.title ?? id.slice(0, 8)}</Link></>}
        description={data && <>{labels.procedure(data.procedure)} · {labels.state(data.procedure, data.state)} <StatusTag status={data.status} /></>}
      />
    </List.Item>
  );
}

/** The instance that opened this one and those it opened (e.g. complaints from survey findings). */
export function LinkedInstances({ instance }: { instance: Instance }) {
  const { t } = useI18n();
  const links = [
    ...(instance.parentId ? [{ id: instance.parentId, relation: t('instance.parent') }] : []),
    ...instance.children.map((id) => ({ id, relation: t('instance.children') })),
  ];
  if (links.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} />;
  return <List dataSource={links} renderItem={(l) => <LinkedInstance key={l.id} id={l.id} relation={l.relation} />} />;
}
