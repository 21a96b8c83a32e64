import { Button, Flex, Segmented, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/format';
import { noFilters, type FollowerFilters } from './followerFilters';
import { useSceneName } from './useSceneName';

interface Chip {
  key: string;
  label: string;
  clear: (f: FollowerFilters) => FollowerFilters;
}

/** The filters in force, each removable, and one button to clear them all. */
export function FilterChips({
  filters,
  onChange,
  groupNames,
  legacy = false,
}: {
  filters: FollowerFilters;
  onChange: (filters: FollowerFilters) => void;
  groupNames: ReadonlyMap<number, string>;
  /** The account uses the 2014 groups API: the chip says 分组. */
  legacy?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const sceneName = useSceneName();
  const chips: Chip[] = [];
  if (filters.text.trim())
    chips.push({
      key: 'text',
      label: t('filters.chipText', { text: filters.text.trim() }),
      clear: (f) => ({ ...f, text: '' }),
    });
  if (filters.groupIds.length > 0) {
    const names = filters.groupIds.map((id) => groupNames.get(id) ?? `#${id}`).join(t('filters.separator'));
    chips.push({
      key: 'groups',
      label:
        filters.groupMode === 'all' && filters.groupIds.length > 1
          ? t('filters.chipGroupsAll', { names })
          : t(legacy ? 'filters.chipGroupsLegacy' : 'filters.chipGroups', { names }),
      clear: (f) => ({ ...f, groupIds: [], groupMode: 'any' }),
    });
  }
  if (filters.ungrouped)
    chips.push({
      key: 'ungrouped',
      label: t('filters.chipUngrouped'),
      clear: (f) => ({ ...f, ungrouped: false }),
    });
  if (filters.blacklisted !== null)
    chips.push({
      key: 'blacklist',
      label: filters.blacklisted ? t('filters.chipBlacklistOnly') : t('filters.chipBlacklistExclude'),
      clear: (f) => ({ ...f, blacklisted: null }),
    });
  if (filters.from !== null || filters.to !== null)
    chips.push({
      key: 'date',
      label: t('filters.chipDate', {
        from: filters.from !== null ? format.dateFromSeconds(filters.from) : '…',
        to: filters.to !== null ? format.dateFromSeconds(filters.to) : '…',
      }),
      clear: (f) => ({ ...f, from: null, to: null }),
    });
  if (filters.qrScene.trim() !== '')
    chips.push({
      key: 'qrScene',
      label: t('filters.chipQrScene', { value: filters.qrScene.trim() }),
      clear: (f) => ({ ...f, qrScene: '' }),
    });
  if (filters.scenes.length > 0)
    chips.push({
      key: 'scenes',
      label: t('filters.chipScenes', { names: filters.scenes.map(sceneName).join(t('filters.separator')) }),
      clear: (f) => ({ ...f, scenes: [] }),
    });
  if (filters.unsubscribedOnly)
    chips.push({
      key: 'unsub',
      label: t('filters.chipUnsubscribed'),
      clear: (f) => ({ ...f, unsubscribedOnly: false }),
    });

  if (chips.length === 0) return null;
  return (
    <Flex gap={6} wrap align="center" role="group" aria-label={t('filters.active')}>
      <Typography.Text type="secondary">{t('filters.activeLabel')}</Typography.Text>
      {chips.map((chip) => (
        <Tag
          key={chip.key}
          closable={{ 'aria-label': t('filters.removeChip', { label: chip.label }) }}
          onClose={(e) => {
            e.preventDefault();
            onChange(chip.clear(filters));
          }}
          style={{ marginInlineEnd: 0 }}
        >
          {chip.label}
        </Tag>
      ))}
      {/* Beside the tags it applies to (in the toolbar it made the row wrap at 1 280 px). */}
      {filters.groupIds.length > 1 ? (
        <Segmented
          size="small"
          aria-label={t('filters.groupMode')}
          value={filters.groupMode}
          onChange={(mode) => onChange({ ...filters, groupMode: mode })}
          options={[
            { value: 'any' as const, label: t('filters.any') },
            { value: 'all' as const, label: t('filters.all') },
          ]}
        />
      ) : null}
      <Button size="small" type="link" onClick={() => onChange({ ...noFilters, sort: filters.sort })}>
        {t('filters.clear')}
      </Button>
    </Flex>
  );
}
