import { CloseCircleFilled, FilterOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Badge,
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Input,
  Popover,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import type { InputRef } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowerFilters } from './followerFilters';
import { SCENES } from './sceneNames';
import { useSceneName } from './useSceneName';

interface Props {
  filters: FollowerFilters;
  onChange: (filters: FollowerFilters) => void;
  groupOptions: { value: number; label: string }[];
  searchRef: RefObject<InputRef | null>;
  /** The account uses the 2014 groups API: the filter says 分组. */
  legacy?: boolean;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Search (Ctrl/⌘+F), tag and source filters, subscribe dates, and the rarer filters in a popover. */
export function FollowersToolbar({ filters, onChange, groupOptions, searchRef, legacy = false }: Props) {
  const { t } = useTranslation();
  // rc-select names its clear button "Clear" in every language: give it the window's word.
  const clearable = { label: t('common.clear'), clearIcon: <CloseCircleFilled /> };
  const sceneName = useSceneName();
  const [text, setText] = useState(filters.text);
  const [shownText, setShownText] = useState(filters.text);

  // The box follows the filters when they are changed elsewhere (a chip removed, filters cleared).
  if (filters.text !== shownText) {
    setShownText(filters.text);
    setText(filters.text);
  }

  // Typing is applied a moment after the last key, so each keystroke does not query.
  useEffect(() => {
    if (text === filters.text) return;
    const timer = window.setTimeout(() => onChange({ ...filters, text }), 250);
    return () => window.clearTimeout(timer);
  }, [text, filters, onChange]);

  const moreCount =
    (filters.blacklisted !== null ? 1 : 0) +
    (filters.ungrouped ? 1 : 0) +
    (filters.unsubscribedOnly ? 1 : 0) +
    (filters.qrScene.trim() !== '' ? 1 : 0);
  const shortcut = isMac ? '⌘F' : 'Ctrl+F';

  const more = (
    <Flex vertical gap={12} style={{ width: 260 }}>
      <Flex vertical gap={6}>
        <Typography.Text strong id="filter-blacklist">
          {t('filters.blacklist')}
        </Typography.Text>
        <Radio.Group
          aria-labelledby="filter-blacklist"
          value={filters.blacklisted === null ? 'any' : filters.blacklisted ? 'only' : 'exclude'}
          onChange={(e) =>
            onChange({
              ...filters,
              blacklisted: e.target.value === 'any' ? null : e.target.value === 'only',
            })
          }
        >
          <Space orientation="vertical">
            <Radio value="any">{t('filters.blacklistAny')}</Radio>
            <Radio value="only">{t('filters.blacklistOnly')}</Radio>
            <Radio value="exclude">{t('filters.blacklistExclude')}</Radio>
          </Space>
        </Radio.Group>
      </Flex>
      <Checkbox
        checked={filters.ungrouped}
        onChange={(e) => onChange({ ...filters, ungrouped: e.target.checked, groupIds: [] })}
      >
        {t('filters.ungrouped')}
      </Checkbox>
      <Flex vertical gap={6}>
        <Typography.Text strong id="filter-qr-scene">
          {t('filters.qrScene')}
        </Typography.Text>
        {/* Applied on Enter or when leaving the box: each keystroke is not a query. */}
        <Input
          key={filters.qrScene}
          aria-labelledby="filter-qr-scene"
          defaultValue={filters.qrScene}
          allowClear
          maxLength={64}
          placeholder={t('filters.qrScenePlaceholder')}
          onPressEnter={(e) => onChange({ ...filters, qrScene: e.currentTarget.value })}
          onBlur={(e) => {
            if (e.target.value !== filters.qrScene) onChange({ ...filters, qrScene: e.target.value });
          }}
        />
      </Flex>
      <Checkbox
        checked={filters.unsubscribedOnly}
        onChange={(e) => onChange({ ...filters, unsubscribedOnly: e.target.checked })}
      >
        {t('filters.unsubscribed')}
      </Checkbox>
    </Flex>
  );

  return (
    <Flex gap={8} wrap align="center">
      <Input
        ref={searchRef}
        type="search"
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onChange({ ...filters, text });
        }}
        prefix={<SearchOutlined aria-hidden />}
        suffix={
          <Typography.Text type="secondary" style={{ fontSize: 12 }} aria-hidden>
            {shortcut}
          </Typography.Text>
        }
        placeholder={t('followers.searchPlaceholder')}
        aria-label={t('followers.searchLabel')}
        aria-keyshortcuts={isMac ? 'Meta+F' : 'Control+F'}
        style={{ flex: '1 1 220px', maxWidth: 340 }}
        maxLength={100}
      />
      <Select
        mode="multiple"
        allowClear={clearable}
        aria-label={t(legacy ? 'filters.groupsPlaceholderLegacy' : 'filters.groupsPlaceholder')}
        placeholder={t(legacy ? 'filters.groupsPlaceholderLegacy' : 'filters.groupsPlaceholder')}
        value={filters.groupIds}
        onChange={(ids: number[]) => onChange({ ...filters, groupIds: ids, ungrouped: false })}
        options={groupOptions}
        maxTagCount="responsive"
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 170 }}
      />
      <Select
        mode="multiple"
        allowClear={clearable}
        aria-label={t('filters.scenesPlaceholder')}
        placeholder={t('filters.scenesPlaceholder')}
        value={filters.scenes}
        onChange={(scenes: string[]) => onChange({ ...filters, scenes })}
        options={SCENES.map((s) => ({ value: s, label: sceneName(s) }))}
        maxTagCount="responsive"
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 170 }}
      />
      <DatePicker.RangePicker
        aria-label={t('filters.dateRange')}
        placeholder={[t('filters.dateStart'), t('filters.dateEnd')]}
        value={[
          filters.from !== null ? dayjs.unix(filters.from) : null,
          filters.to !== null ? dayjs.unix(filters.to) : null,
        ]}
        allowEmpty={[true, true]}
        // Follow dates are in the past: it opens on last month and this one, never on next month.
        defaultPickerValue={[dayjs().subtract(1, 'month'), dayjs()]}
        disabledDate={(day) => day.isAfter(dayjs(), 'day')}
        presets={[
          { label: t('filters.presets.last7'), value: [dayjs().subtract(6, 'day'), dayjs()] },
          { label: t('filters.presets.last30'), value: [dayjs().subtract(29, 'day'), dayjs()] },
          { label: t('filters.presets.thisMonth'), value: [dayjs().startOf('month'), dayjs()] },
          {
            label: t('filters.presets.lastMonth'),
            value: [
              dayjs().subtract(1, 'month').startOf('month'),
              dayjs().subtract(1, 'month').endOf('month'),
            ],
          },
        ]}
        onChange={(range) =>
          onChange({
            ...filters,
            from: range?.[0] ? range[0].startOf('day').unix() : null,
            to: range?.[1] ? range[1].endOf('day').unix() : null,
          })
        }
        style={{ width: 240 }}
      />
      <Popover content={more} trigger="click" placement="bottomLeft" title={t('filters.label')}>
        <Badge count={moreCount} size="small">
          <Button icon={<FilterOutlined aria-hidden />}>{t('filters.label')}</Button>
        </Badge>
      </Popover>
    </Flex>
  );
}
