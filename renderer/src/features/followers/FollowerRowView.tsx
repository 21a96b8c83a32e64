import { shownGroupIds } from '../groups/shownGroups';
import { MoreOutlined } from '@ant-design/icons';
import { Button, Checkbox, Dropdown, Skeleton, Tag, theme } from 'antd';
import { memo, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowerRow } from '#contract/followers';
import type { BulkAction } from '../jobs/bulkRequest';
import { useFormatters } from '../../i18n/format';
import { shortOpenid } from './followerName';
import { TagChips } from './TagChips';
import { useSceneName } from './useSceneName';

export const ROW_HEIGHT = 56;
// The date column fits "Followed on" and its sort arrow on one line; the source column fits
// "Account migration" at 1 024 px (the tags column, wide and often empty, gives the room).
export const columnsTemplate =
  '48px minmax(150px, 1.2fr) minmax(100px, 1.2fr) 132px minmax(140px, 1fr) minmax(100px, 0.8fr) 44px';

interface Props {
  index: number;
  top: number;
  row: FollowerRow | undefined;
  selected: boolean;
  groupNames: ReadonlyMap<number, string>;
  onToggle: (index: number, openid: string, shift: boolean) => void;
  onOpen: (openid: string) => void;
  /** The row's own menu (as the console's): tag, untag, move or blacklist this one follower. */
  onAction: (openid: string, action: BulkAction) => void;
  /** Why WeChat actions are unavailable (offline), or null. */
  blockedReason: string | null;
  /** 标签 or 分组, for the menu's words. */
  term: string;
}

/** One line, cut with an ellipsis (plain CSS: cheap enough for every row of a fast scroll). */
const oneLine: CSSProperties = {
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  minWidth: 0,
};

/** One follower in the list (or a skeleton while its window loads). */
export const FollowerRowView = memo(function FollowerRowView(props: Props) {
  const { index, top, row, selected, groupNames } = props;
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const format = useFormatters();
  const sceneName = useSceneName();

  const style = {
    position: 'absolute' as const,
    top: 0,
    left: 0,
    width: '100%',
    height: ROW_HEIGHT,
    transform: `translateY(${top}px)`,
    display: 'grid',
    gridTemplateColumns: columnsTemplate,
    alignItems: 'center',
    borderBottom: `1px solid ${token.colorSplit}`,
    background: selected ? token.controlItemBgActive : undefined,
    cursor: row ? 'pointer' : 'default',
  };

  if (!row)
    return (
      <div role="row" aria-rowindex={index + 2} style={style}>
        <div role="cell" style={{ paddingInline: 12 }} />
        <div role="cell" style={{ paddingInline: 12, gridColumn: 'span 6' }}>
          <Skeleton.Input active size="small" style={{ width: 240 }} aria-label={t('followers.loadingRow')} />
        </div>
      </div>
    );

  const name = row.remark || t('followers.noRemark');
  const tags = shownGroupIds(row.groupIds).map((id) => groupNames.get(id) ?? `#${id}`);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter') props.onOpen(row.openid);
    if (e.key === ' ') {
      e.preventDefault();
      props.onToggle(index, row.openid, e.shiftKey);
    }
  };
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={0}
      data-openid={row.openid}
      style={style}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('.ant-checkbox-wrapper')) return;
        props.onOpen(row.openid);
      }}
      onKeyDown={onKeyDown}
    >
      <div role="cell" style={{ paddingInline: 12 }}>
        <Checkbox
          checked={selected}
          aria-label={t('followers.selectRow', { name: row.remark || shortOpenid(row.openid) })}
          onClick={(e) => e.stopPropagation()}
          onChange={(e) => props.onToggle(index, row.openid, e.nativeEvent.shiftKey)}
        />
      </div>
      <div role="cell" style={{ paddingInline: 12, minWidth: 0 }}>
        <div style={{ display: 'flex', gap: 6, alignItems: 'center', minWidth: 0 }}>
          <span
            style={{
              ...oneLine,
              fontWeight: row.remark ? 600 : 400,
              color: row.remark ? token.colorText : token.colorTextSecondary,
            }}
          >
            {name}
          </span>
          {row.blacklisted ? (
            <Tag color="error" style={{ marginInlineEnd: 0 }}>
              {t('followers.blacklisted')}
            </Tag>
          ) : null}
          {!row.subscribed ? <Tag style={{ marginInlineEnd: 0 }}>{t('followers.unsubscribed')}</Tag> : null}
        </div>
        <div style={{ fontSize: 12, fontFamily: token.fontFamilyCode, color: token.colorTextSecondary }}>
          {shortOpenid(row.openid)}
        </div>
      </div>
      {/* Tags past the first few, or cut by the column's width: all of them on hover. */}
      <div
        role="cell"
        style={{ paddingInline: 12, overflow: 'hidden', whiteSpace: 'nowrap' }}
        title={tags.length > 0 ? tags.join('、') : undefined}
      >
        <TagChips names={tags} />
      </div>
      <div role="cell" style={{ paddingInline: 12, fontVariantNumeric: 'tabular-nums' }}>
        {row.subscribeTime ? format.dateFromSeconds(row.subscribeTime) : t('common.dash')}
      </div>
      <div role="cell" style={{ paddingInline: 12, ...oneLine }} title={sceneName(row.scene)}>
        {sceneName(row.scene)}
      </div>
      <div
        role="cell"
        style={{ paddingInline: 12, ...oneLine, color: token.colorTextSecondary }}
        title={row.note || undefined}
      >
        {row.note}
      </div>
      <div role="cell" onClick={(e) => e.stopPropagation()}>
        <Dropdown
          trigger={['click']}
          disabled={props.blockedReason !== null}
          menu={{
            items: [
              { key: 'add', label: t('bulk.add', { term: props.term }) },
              { key: 'remove', label: t('bulk.remove', { term: props.term }) },
              { key: 'move', label: t('bulk.move', { term: props.term }) },
              { type: 'divider' },
              row.blacklisted
                ? { key: 'unblacklist', label: t('bulk.unblacklist') }
                : { key: 'blacklist', label: t('bulk.blacklist'), danger: true },
            ],
            onClick: ({ key }) => props.onAction(row.openid, key as BulkAction),
          }}
        >
          <Button
            size="small"
            type="text"
            icon={<MoreOutlined aria-hidden />}
            disabled={props.blockedReason !== null}
            title={props.blockedReason ?? undefined}
            aria-label={t('followers.rowMenu', { name: row.remark || shortOpenid(row.openid) })}
          />
        </Dropdown>
      </div>
    </div>
  );
});
