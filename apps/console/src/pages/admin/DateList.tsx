import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Flex, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';

/** A sorted list of YYYY-MM-DD dates, added with a picker, removed by closing their tag. */
export function DateList({ value, onChange, color }: { value: string[]; onChange: (dates: string[]) => void; color: string }) {
  const { t } = useI18n();
  const [picked, setPicked] = useState<Dayjs | null>(null);
  const add = () => {
    if (!picked) return;
    const d = picked.format('YYYY-MM-DD');
    if (!value.includes(d)) onChange([...value, d].sort());
    setPicked(null);
  };
  return (
    <Flex vertical gap={12}>
      <Flex gap={8}>
        <DatePicker value={picked} onChange={setPicked} />
        <Button icon={<PlusOutlined />} onClick={add} disabled={!picked}>{t('calendar.add')}</Button>
      </Flex>
      {value.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} />
      ) : (
        <Flex wrap gap={6}>
          {value.map((d) => (
            <Tag key={d} color={color} closable onClose={() => onChange(value.filter((x) => x !== d))}>{d}</Tag>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
