import { shownGroupIds } from '../groups/shownGroups';
import { App, Descriptions, Divider, Drawer, Flex, Skeleton, Tag, Typography, theme } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '#contract/accounts';
import { REMARKS_RECHECK_MS } from '#contract/followers';
import { errorData } from '../../api';
import { CopyButton } from '../../components/CopyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormatters } from '../../i18n/format';
import { BulkActions } from '../jobs/BulkActions';
import { selectionOf } from './selection';
import { termKey } from '../groups/useGroups';
import { languageName } from './languageName';
import { NoteEditor } from './NoteEditor';
import { RemarkEditor } from './RemarkEditor';
import { useFollower, useFollowerEdits } from './useFollower';
import { useSceneName } from './useSceneName';
import { useNow } from '../shell/useNow';
import { RESERVED_GROUP } from '#contract/reservedGroups';

interface Props {
  account: AccountSummary;
  openid: string | null;
  groupNames: ReadonlyMap<number, string>;
  /** Why WeChat actions are unavailable (offline), or null. */
  blockedReason: string | null;
  onClose: () => void;
}

/** One follower: remark (saved on WeChat), local note, groups, and the openid to copy. Esc closes. */
export function FollowerDrawer({ account, openid, groupNames, blockedReason, onClose }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const follower = useFollower(account.id, openid);
  const row = follower.data;
  // A remark goes to WeChat, so it is never saved behind the user's back: ask before dropping it.
  const unsavedRemark = useRef(false);
  const close = () => {
    if (!unsavedRemark.current) return onClose();
    modal.confirm({
      title: t('drawer.unsavedRemarkTitle'),
      content: t('drawer.unsavedRemarkBody'),
      okText: t('drawer.discardRemark'),
      cancelText: t('drawer.keepEditing'),
      // Enter keeps the edit: throwing it away takes a deliberate click.
      autoFocusButton: 'cancel',
      okButtonProps: { danger: true },
      onOk: () => {
        unsavedRemark.current = false;
        onClose();
      },
    });
  };
  return (
    <Drawer
      open={openid !== null}
      onClose={close}
      size={460}
      title={row ? row.remark || t('followers.noRemark') : t('drawer.title')}
      closable={{ 'aria-label': t('common.close') }}
      destroyOnHidden
    >
      {follower.isPending ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
      {follower.isError ? (
        <ErrorAlert error={errorData(follower.error)} onRetry={() => void follower.refetch()} />
      ) : null}
      {row && openid ? (
        <DrawerBody
          key={openid}
          account={account}
          openid={openid}
          groupNames={groupNames}
          blockedReason={blockedReason}
          onRemarkDirty={(dirty) => {
            unsavedRemark.current = dirty;
          }}
        />
      ) : null}
    </Drawer>
  );
}

function DrawerBody({
  account,
  openid,
  groupNames,
  blockedReason,
  onRemarkDirty,
}: Omit<Props, 'onClose' | 'openid'> & { openid: string; onRemarkDirty: (dirty: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const format = useFormatters();
  const sceneName = useSceneName();
  const follower = useFollower(account.id, openid);
  const edits = useFollowerEdits(account.id, openid);
  const [recheck, setRecheck] = useState(false);
  const now = useNow(60_000);
  const row = follower.data;
  if (!row) return null;
  // A 48001 is believed for a while (the core says so without asking WeChat), unless the owner
  // asks to try again: the account may have been verified since.
  const refusedAt = account.capabilities.remarks === 'no' ? account.capabilities.checkedAt : null;
  const refusedLately = refusedAt !== null && now - refusedAt < REMARKS_RECHECK_MS && !recheck;
  const remarkBlocked = refusedLately
    ? t('drawer.remarkNotAllowed', { time: format.dateTime(refusedAt) })
    : blockedReason;
  const saveRemark = {
    ...edits.remark,
    mutateAsync: (remark: string) => edits.remark.mutateAsync({ remark, recheck }),
  };
  const legacy = account.groupApi === 'groups';
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Text type="secondary">{t('drawer.openid')}</Typography.Text>
        <Flex align="center" gap={8}>
          <Typography.Text style={{ fontFamily: token.fontFamilyCode, wordBreak: 'break-all' }}>
            {row.openid}
          </Typography.Text>
          <CopyButton text={row.openid} label={t('drawer.copyOpenid')} iconOnly size="small" />
        </Flex>
      </div>
      <RemarkEditor
        key={`r-${row.openid}-${row.remark}`}
        initial={row.remark}
        blockedReason={remarkBlocked}
        offline={blockedReason !== null}
        onRecheck={refusedLately && blockedReason === null ? () => setRecheck(true) : undefined}
        save={saveRemark}
        onDirtyChange={onRemarkDirty}
        isDemo={account.isDemo}
      />
      <NoteEditor key={`n-${row.openid}-${row.note}`} initial={row.note} save={edits.note} />
      <Divider style={{ margin: 0 }} />
      <div>
        <Typography.Text strong>{t(legacy ? 'drawer.groupsLegacy' : 'drawer.groups')}</Typography.Text>
        <div style={{ marginTop: 6 }}>
          {shownGroupIds(row.groupIds).length === 0 ? (
            <Typography.Text type="secondary">
              {t(legacy ? 'drawer.noGroupsLegacy' : 'drawer.noGroups')}
            </Typography.Text>
          ) : (
            shownGroupIds(row.groupIds).map((id) => (
              <Tag key={id} color="green">
                {groupNames.get(id) ?? `#${id}`}
              </Tag>
            ))
          )}
        </div>
        {/* One follower, as the console's user panel does: the same dialog and job as a bulk action. */}
        <Flex align="center" gap={8} wrap style={{ marginTop: 8 }}>
          <BulkActions
            accountId={account.id}
            selection={selectionOf([row.openid])}
            count={1}
            term={t(termKey(account.groupApi))}
            groupOptions={[...groupNames]
              .filter(
                ([id]) =>
                  id !== RESERVED_GROUP.ungrouped &&
                  id !== RESERVED_GROUP.blacklist &&
                  (id !== RESERVED_GROUP.starred || !legacy),
              )
              .map(([value, label]) => ({ value, label }))}
            blockedReason={blockedReason}
            currentGroup={legacy ? shownGroupIds(row.groupIds)[0] : undefined}
            onStarted={() => undefined}
            label={t(legacy ? 'drawer.changeGroupLegacy' : 'drawer.changeGroup')}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(legacy ? 'drawer.groupsHintLegacy' : 'drawer.groupsHint')}
          </Typography.Text>
        </Flex>
      </div>
      <Descriptions
        title={t('drawer.details')}
        column={1}
        size="small"
        items={[
          {
            key: 'subscribed',
            label: t('drawer.subscribeTime'),
            children: row.subscribeTime ? format.dateTimeFromSeconds(row.subscribeTime) : t('common.dash'),
          },
          {
            key: 'scene',
            label: t('drawer.scene'),
            children: (
              <>
                {sceneName(row.scene)}
                {row.qrSceneStr || row.qrScene ? (
                  <Typography.Text type="secondary">
                    {' '}
                    ({t('scenes.qrScene', { value: String(row.qrSceneStr || row.qrScene) })})
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
          {
            key: 'blacklist',
            label: t('drawer.blacklistState'),
            children: row.blacklisted ? (
              <Typography.Text type="danger">{t('drawer.inBlacklist')}</Typography.Text>
            ) : (
              t('drawer.notInBlacklist')
            ),
          },
          // WeChat stopped sending the language ("该字段不再提供"): shown only where it still came.
          ...(row.language
            ? [
                {
                  key: 'language',
                  label: t('drawer.language'),
                  children: languageName(row.language, i18n.language),
                },
              ]
            : []),
          ...(row.unionid ? [{ key: 'unionid', label: t('drawer.unionid'), children: row.unionid }] : []),
          { key: 'firstSeen', label: t('drawer.firstSeen'), children: format.dateTime(row.firstSeen) },
        ]}
      />
    </Flex>
  );
}
