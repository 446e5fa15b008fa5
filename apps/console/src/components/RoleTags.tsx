import { Tag } from 'antd';
import type { RoleGrant } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';

export function RoleTags({ roles }: { roles: RoleGrant[] }) {
  const { role } = useI18n();
  return (
    <>
      {roles.map((g) => (
        <Tag key={`${g.role}:${g.scope ?? ''}`} color="blue">
          {role(g.role)}
          {g.scope ? ` · ${g.scope}` : ''}
        </Tag>
      ))}
    </>
  );
}
