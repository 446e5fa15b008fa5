import { Descriptions, Tag } from 'antd';
import type { Instance } from '../../api/types';
import { usePeople } from '../../api/usePeople';
import { StatusTag } from '../../components/StatusTag';
import { useLabels } from '../../components/useLabels';
import { useI18n } from '../../i18n/I18nProvider';

export function InstanceSummary({ instance }: { instance: Instance }) {
  const { t, dateTime } = useI18n();
  const labels = useLabels();
  const person = usePeople();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={[
        { key: 'p', label: t('field.procedure'), children: `${labels.procedure(instance.procedure)} v${instance.version}` },
        { key: 's', label: t('field.state'), children: <Tag color="blue">{labels.state(instance.procedure, instance.state)}</Tag> },
        { key: 'st', label: t('field.status'), children: <StatusTag status={instance.status} /> },
        { key: 'r', label: t('field.revision'), children: instance.revision },
        { key: 'c', label: t('field.created'), children: `${dateTime(instance.createdAt)} · ${person(String(instance.data.createdBy ?? ''))}` },
        { key: 'u', label: t('field.updated'), children: dateTime(instance.updatedAt) },
      ]}
    />
  );
}
