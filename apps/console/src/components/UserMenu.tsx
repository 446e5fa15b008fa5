import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown } from 'antd';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { RoleTags } from './RoleTags';

/**
 * The signed-in user's button and its menu (sign out). A real button opened by click, the menu
 * takes focus, so the only way to sign out works from the keyboard; Escape closes the menu and
 * gives the focus back to the button, where a keyboard user left off.
 */
export function UserMenu() {
  const { t } = useI18n();
  const { user, logout } = useAuth();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    setOpen(false);
    button.current?.focus();
  };
  return (
    <Dropdown
      menu={{ items: [{ key: 'logout', icon: <LogoutOutlined />, label: t('logout'), onClick: logout }], onKeyDown }}
      placement="bottomRight"
      trigger={['click']}
      open={open}
      onOpenChange={setOpen}
      autoFocus
    >
      <button ref={button} type="button" className="sf-user" aria-label={t('header.userMenu', { name: user?.displayName ?? '' })}>
        <Avatar size="small" style={{ background: '#1677ff', flex: 'none' }} icon={<UserOutlined />} />
        <span className="sf-user-name">{user?.displayName}</span>
        <span className="sf-user-roles"><RoleTags roles={user?.roles ?? []} /></span>
      </button>
    </Dropdown>
  );
}
