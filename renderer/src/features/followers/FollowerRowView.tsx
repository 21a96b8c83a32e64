import { Checkbox, Skeleton, Tag, Typography, theme } from 'antd';
import { memo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowerRow } from '#contract/followers';
import { useFormatters } from '../../i18n/format';
import { shortOpenid } from './followerName';
import { useSceneName } from './useSceneName';

export const ROW_HEIGHT = 56;
export const columnsTemplate =
  '48px minmax(170px, 1.2fr) minmax(160px, 1.4fr) 128px minmax(110px, 0.8fr) minmax(120px, 1fr)';

/** Tags shown in the row before "+N". */
const MAX_TAGS = 3;

interface Props {
  index: number;
  top: number;
  row: FollowerRow | undefined;
  selected: boolean;
  groupNames: ReadonlyMap<number, string>;
  onToggle: (shift: boolean) => void;
  onOpen: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
}

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
        <div role="cell" style={{ paddingInline: 12, gridColumn: 'span 5' }}>
          <Skeleton.Input active size="small" style={{ width: 240 }} aria-label={t('followers.loadingRow')} />
        </div>
      </div>
    );

  const name = row.remark || t('followers.noRemark');
  const tags = row.groupIds.map((id) => groupNames.get(id) ?? `#${id}`);
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
        props.onOpen();
      }}
      onKeyDown={props.onKeyDown}
    >
      <div role="cell" style={{ paddingInline: 12 }}>
        <Checkbox
          checked={selected}
          aria-label={t('followers.selectRow', { name: row.remark || shortOpenid(row.openid) })}
          onClick={(e) => e.stopPropagation()}
          onChange={(e) => props.onToggle(e.nativeEvent.shiftKey)}
        />
      </div>
      <div role="cell" style={{ paddingInline: 12, minWidth: 0 }}>
        <div style={{ display: 'flex', gap: 6, alignItems: 'center', minWidth: 0 }}>
          <Typography.Text
            strong={row.remark !== ''}
            type={row.remark ? undefined : 'secondary'}
            ellipsis
            style={{ minWidth: 0 }}
          >
            {name}
          </Typography.Text>
          {row.blacklisted ? (
            <Tag color="error" style={{ marginInlineEnd: 0 }}>
              {t('followers.blacklisted')}
            </Tag>
          ) : null}
          {!row.subscribed ? <Tag style={{ marginInlineEnd: 0 }}>{t('followers.unsubscribed')}</Tag> : null}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: token.fontFamilyCode }}>
          {shortOpenid(row.openid)}
        </Typography.Text>
      </div>
      <div role="cell" style={{ paddingInline: 12, overflow: 'hidden', whiteSpace: 'nowrap' }}>
        {tags.slice(0, MAX_TAGS).map((name) => (
          <Tag key={name} color="green" style={{ marginInlineEnd: 4 }}>
            {name}
          </Tag>
        ))}
        {tags.length > MAX_TAGS ? <Tag>+{tags.length - MAX_TAGS}</Tag> : null}
      </div>
      <div role="cell" style={{ paddingInline: 12, fontVariantNumeric: 'tabular-nums' }}>
        {row.subscribeTime ? format.dateFromSeconds(row.subscribeTime) : t('common.dash')}
      </div>
      <div role="cell" style={{ paddingInline: 12, minWidth: 0 }}>
        <Typography.Text ellipsis>{sceneName(row.scene)}</Typography.Text>
      </div>
      <div role="cell" style={{ paddingInline: 12, minWidth: 0 }}>
        <Typography.Text type="secondary" ellipsis>
          {row.note}
        </Typography.Text>
      </div>
    </div>
  );
});
