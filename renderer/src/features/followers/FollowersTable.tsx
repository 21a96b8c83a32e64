import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Checkbox, theme } from 'antd';
import { useCallback, useLayoutEffect, useRef, type CSSProperties, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowerQueryInput, FollowerRow, FollowerSort } from '#contract/followers';
import { FollowerRowView, ROW_HEIGHT, columnsTemplate } from './FollowerRowView';
import {
  isAllMatching,
  isSelected,
  selectAllMatching,
  setSelected,
  emptySelection,
  type Selection,
} from './selection';
import { useRowWindows } from './useFollowerWindows';
import type { BulkAction } from '../jobs/bulkRequest';

interface Props {
  accountId: string;
  filter: Omit<FollowerQueryInput, 'offset' | 'limit'>;
  total: number;
  firstRows: FollowerRow[] | undefined;
  sort: FollowerSort;
  onSort: (sort: FollowerSort) => void;
  selection: Selection;
  onSelection: (selection: Selection) => void;
  groupNames: ReadonlyMap<number, string>;
  /** The account uses the 2014 groups API: the column says 分组. */
  legacy?: boolean;
  onOpen: (openid: string) => void;
  onAction: (openid: string, action: BulkAction) => void;
  blockedReason: string | null;
  term: string;
  /** Dimmed while the rows on screen belong to the previous filter. */
  stale: boolean;
  /** Filled with a function that lists the followers wholly on screen ("select this page"). */
  onScreenRef?: RefObject<(() => string[]) | null>;
}

/**
 * The followers list as an accessible table whose rows are virtualized: only the rows on screen
 * exist in the page, and only the windows they fall in are fetched.
 */
export function FollowersTable(props: Props) {
  const { accountId, filter, total, firstRows, selection, onSelection, onOpen } = props;
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const scrollRef = useRef<HTMLDivElement>(null);
  const anchorRef = useRef<number | null>(null);

  // The app does not use the React Compiler; the virtualizer re-renders this table on scroll itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const start = items[0]?.index ?? 0;
  const end = items[items.length - 1]?.index ?? -1;
  const rowAt = useRowWindows(accountId, filter, start, end, firstRows);
  const onScreen = () => {
    const el = scrollRef.current;
    if (!el) return [];
    const top = el.scrollTop;
    const bottom = top + el.clientHeight;
    return virtualizer
      .getVirtualItems()
      .filter((item) => item.start >= top && item.end <= bottom)
      .flatMap((item) => rowAt(item.index)?.openid ?? []);
  };
  useLayoutEffect(() => {
    if (props.onScreenRef) props.onScreenRef.current = onScreen;
  });

  // A new search, filter or order starts at its first match: kept half-way down, the first
  // matches would be out of sight and seem missing.
  const filterKey = JSON.stringify(filter);
  useLayoutEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
    anchorRef.current = null;
  }, [filterKey]);

  const toggle = (index: number, openid: string, shift: boolean) => {
    const on = !isSelected(selection, openid);
    const anchor = anchorRef.current;
    if (shift && anchor !== null && anchor !== index) {
      // A range: every loaded row between the last click and this one takes this row's new state.
      const ids: string[] = [];
      for (let i = Math.min(anchor, index); i <= Math.max(anchor, index); i++) {
        const row = rowAt(i);
        if (row) ids.push(row.openid);
      }
      onSelection(setSelected(selection, ids, on));
    } else {
      onSelection(setSelected(selection, [openid], on));
    }
    anchorRef.current = index;
  };

  // Rows are memoized: they get callbacks that never change and read the latest state through a ref.
  const onAction = props.onAction;
  const latest = useRef({ toggle, onOpen, onAction });
  useLayoutEffect(() => {
    latest.current = { toggle, onOpen, onAction };
  });
  const onToggleRow = useCallback(
    (index: number, openid: string, shift: boolean) => latest.current.toggle(index, openid, shift),
    [],
  );
  const onOpenRow = useCallback((openid: string) => latest.current.onOpen(openid), []);
  const onActionRow = useCallback(
    (openid: string, action: BulkAction) => latest.current.onAction(openid, action),
    [],
  );

  const allMatching = isAllMatching(selection);
  const someSelected = selection.mode === 'all' || selection.ids.size > 0;

  const header: CSSProperties = {
    display: 'grid',
    gridTemplateColumns: columnsTemplate,
    alignItems: 'center',
    height: 40,
    borderBottom: `1px solid ${token.colorSplit}`,
    background: token.colorFillAlter,
    fontWeight: 600,
    color: token.colorTextHeading,
    position: 'sticky',
    top: 0,
    zIndex: 1,
  };

  return (
    <div
      role="table"
      aria-label={t('followers.table')}
      aria-rowcount={total + 1}
      aria-busy={props.stale}
      style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} style={header}>
          <div role="columnheader" style={{ paddingInline: 12 }}>
            <Checkbox
              aria-label={t('followers.selectHeader')}
              checked={allMatching}
              disabled={props.stale}
              indeterminate={someSelected && !allMatching}
              onChange={(e) => onSelection(e.target.checked ? selectAllMatching(filter) : emptySelection)}
            />
          </div>
          <SortHeader
            column="remark"
            label={t('followers.columns.remark')}
            sort={props.sort}
            onSort={props.onSort}
          />
          <div role="columnheader" style={cellPad}>
            {t(props.legacy ? 'followers.columns.groupsLegacy' : 'followers.columns.groups')}
          </div>
          <SortHeader
            column="subscribeTime"
            label={t('followers.columns.subscribed')}
            sort={props.sort}
            onSort={props.onSort}
          />
          <div role="columnheader" style={cellPad}>
            {t('followers.columns.scene')}
          </div>
          <div role="columnheader" style={cellPad}>
            {t('followers.columns.note')}
          </div>
          {/* The rows' menus: named for screen readers, no words needed on screen. */}
          <div role="columnheader" aria-label={t('followers.columns.actions')} />
        </div>
      </div>
      <div
        ref={scrollRef}
        role="rowgroup"
        data-testid="followers-scroll"
        style={{ flex: 1, minHeight: 0, overflowY: 'auto', opacity: props.stale ? 0.6 : 1 }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <FollowerRowView
                key={item.key}
                index={item.index}
                top={item.start}
                row={row}
                selected={row ? isSelected(selection, row.openid) : false}
                groupNames={props.groupNames}
                onToggle={onToggleRow}
                onOpen={onOpenRow}
                onAction={onActionRow}
                blockedReason={props.blockedReason}
                term={props.term}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

const cellPad: CSSProperties = { paddingInline: 12, overflow: 'hidden' };

function SortHeader({
  column,
  label,
  sort,
  onSort,
}: {
  column: FollowerSort['by'];
  label: string;
  sort: FollowerSort;
  onSort: (sort: FollowerSort) => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const active = sort.by === column;
  const next: FollowerSort = active
    ? { by: column, dir: sort.dir === 'asc' ? 'desc' : 'asc' }
    : { by: column, dir: column === 'remark' ? 'asc' : 'desc' };
  return (
    <div
      role="columnheader"
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      style={cellPad}
    >
      <button
        type="button"
        onClick={() => onSort(next)}
        title={t('followers.sortBy', { column: label })}
        style={{
          border: 0,
          background: 'transparent',
          padding: 0,
          font: 'inherit',
          fontWeight: 600,
          color: active ? token.colorPrimaryText : 'inherit',
          cursor: 'pointer',
          display: 'inline-flex',
          gap: 4,
          alignItems: 'center',
          whiteSpace: 'nowrap',
        }}
      >
        {label}
        {active ? (
          sort.dir === 'asc' ? (
            <ArrowUpOutlined aria-label={t('followers.sortAsc')} />
          ) : (
            <ArrowDownOutlined aria-label={t('followers.sortDesc')} />
          )
        ) : null}
      </button>
    </div>
  );
}
