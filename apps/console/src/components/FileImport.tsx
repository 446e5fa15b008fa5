import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Table, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, upload } from '../api/client';
import type { LineProblem } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from './ErrorAlert';
import { useLongAction } from './LongAction';

/**
 * Uploads a CSV/XLSX file to an all-or-nothing import endpoint. A refused file
 * lists every bad line (line, field, rule) so it can be fixed in one go.
 */
export function FileImport<T>({ path, label, onDone, describe }: { path: string; label: string; onDone: (result: T) => void; describe: (result: T) => string }) {
  const { t } = useI18n();
  const run = useLongAction();
  const [problems, setProblems] = useState<LineProblem[]>([]);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();

  const send = async (file: File) => {
    setProblems([]);
    setError(undefined);
    setDone(undefined);
    try {
      const result = await run(label, () => upload<T>(path, file));
      setDone(describe(result));
      onDone(result);
    } catch (e) {
      if (e instanceof ApiError && e.details.some((d) => d.line !== undefined)) setProblems(e.details);
      else setError(e);
    }
  };

  return (
    <div className="sf-import">
      <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(file) => (void send(file), false)}>
        <Button icon={<UploadOutlined />}>{label}</Button>
      </Upload>
      {done && <Alert type="success" showIcon title={done} style={{ marginTop: 12 }} />}
      <ErrorAlert error={error} />
      {problems.length > 0 && (
        <>
          <Alert type="error" showIcon title={t('import.refused', { n: problems.length })} style={{ marginTop: 12, marginBottom: 8 }} />
          <Table<LineProblem>
            className="sf-import-errors"
            size="small"
            rowKey={(p) => `${p.line}-${p.field}-${p.rule}`}
            dataSource={problems}
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            columns={[
              { title: t('import.line'), dataIndex: 'line', width: 80 },
              { title: t('import.field'), dataIndex: 'field', width: 140 },
              { title: t('import.problem'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </div>
  );
}
