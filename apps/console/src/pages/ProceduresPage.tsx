import { Card, Col, Menu, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ProcedureState } from '../api/types';
import { useProcedures } from '../api/useProcedures';
import { PageHeader } from '../components/PageHeader';
import { StateDiagram } from '../components/StateDiagram';
import { useI18n } from '../i18n/I18nProvider';

function StepsTable({ states }: { states: ProcedureState[] }) {
  const { t, local, role, event } = useI18n();
  return (
    <Table<ProcedureState>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={states}
      columns={[
        { title: t('procedures.steps'), key: 'title', render: (_, s) => <><strong>{local(s.title)}</strong><div className="sf-muted">{s.id}</div></> },
        { title: t('field.role'), key: 'role', render: (_, s) => (s.role ? <Tag>{role(s.role)}</Tag> : s.automatic ? <Tag color="default">{t('procedures.automatic')}</Tag> : s.final ? <Tag color="success">{t('procedures.final')}</Tag> : null) },
        {
          title: t('procedures.outcomes'),
          key: 'outcomes',
          render: (_, s) => (
            <Space wrap size={4}>
              {s.outcomes.map((o) => <Tag key={o} color={s.signed?.includes(o) ? 'gold' : 'blue'}>{event(o)}{s.signed?.includes(o) ? ` · ${t('procedures.signed')}` : ''}</Tag>)}
            </Space>
          ),
        },
      ]}
    />
  );
}

export function ProceduresPage() {
  const { t, local } = useI18n();
  const { list, details } = useProcedures();
  const [picked, setPicked] = useState<string>();
  const key = picked ?? list[0]?.key;
  const detail = key ? details[key] : undefined;
  return (
    <>
      <PageHeader title={t('procedures.title')} subtitle={t('procedures.subtitle')} />
      <Row gutter={16}>
        <Col xs={24} lg={6}>
          <Card styles={{ body: { padding: 8 } }} style={{ marginBottom: 16 }}>
            <Menu mode="inline" selectedKeys={key ? [key] : []} onClick={(e) => setPicked(e.key)} style={{ borderInlineEnd: 'none' }}
              items={list.map((p) => ({ key: p.key, label: local(p.title) }))} />
          </Card>
        </Col>
        <Col xs={24} lg={18}>
          {detail && (
            <Row gutter={16}>
              <Col xs={24} xxl={13}>
                <Card title={<>{local(detail.title)} <Typography.Text type="secondary">{detail.documentNo} · v{detail.version}</Typography.Text></>} style={{ marginBottom: 16 }}>
                  {detail.purpose && <Typography.Paragraph type="secondary">{local(detail.purpose)}</Typography.Paragraph>}
                  <StepsTable states={detail.states} />
                </Card>
              </Col>
              <Col xs={24} xxl={11}>
                <Card title={t('instance.diagram')} style={{ marginBottom: 16 }}>
                  <StateDiagram procedure={detail.key} maxHeight={1000} />
                </Card>
              </Col>
            </Row>
          )}
        </Col>
      </Row>
    </>
  );
}
