import { LockOutlined } from '@ant-design/icons';
import { Button, Flex, Tooltip, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/format';

/**
 * One entry of the groups sidebar: a button with the name and count (selected: aria-current),
 * then either the reserved lock that says why it can't change, or the entry's own menu.
 */
export function SidebarItem({
  icon,
  name,
  count,
  selected,
  onClick,
  reserved,
  menu,
}: {
  icon: ReactNode;
  name: string;
  count: number | undefined;
  selected: boolean;
  onClick: () => void;
  reserved?: boolean;
  menu?: ReactNode;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const format = useFormatters();
  return (
    <Flex
      align="center"
      style={{
        borderRadius: token.borderRadius,
        background: selected ? token.controlItemBgActive : undefined,
        marginBottom: 2,
      }}
    >
      <button
        type="button"
        onClick={onClick}
        aria-current={selected ? 'true' : undefined}
        style={{
          flex: 1,
          minWidth: 0,
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          padding: '7px 8px',
          border: 0,
          background: 'transparent',
          color: selected ? token.colorPrimaryText : token.colorText,
          fontWeight: selected ? 600 : 400,
          fontSize: token.fontSize,
          fontFamily: 'inherit',
          cursor: 'pointer',
          textAlign: 'start',
        }}
      >
        <span aria-hidden style={{ color: token.colorTextSecondary }}>
          {icon}
        </span>
        {/* A long tag name is cut with an ellipsis: the whole name shows on hover. */}
        <span
          title={name}
          style={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        >
          {name}
        </span>
        <span style={{ color: token.colorTextSecondary, fontVariantNumeric: 'tabular-nums' }}>
          {/* Not known yet (the first sync is still reading): a placeholder, not a 0 that is wrong. */}
          {count === undefined ? '—' : format.number(count)}
        </span>
      </button>
      {reserved ? (
        <Tooltip title={t('groups.reserved')} placement="right">
          <Button
            size="small"
            type="text"
            icon={<LockOutlined aria-hidden />}
            aria-label={t('groups.reservedWhy', { name })}
            style={{ color: token.colorTextQuaternary }}
          />
        </Tooltip>
      ) : (
        menu
      )}
    </Flex>
  );
}
