import { App, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupSummary } from '#contract/followers';
import { errorData } from '../../api';
import { useErrorText } from '../../i18n/useErrorText';
import { checkName, GROUP_NAME_MAX, nameLength, type NameProblem } from './groupNameRules';

interface Props {
  /** The group being renamed; absent when creating. */
  renaming?: GroupSummary;
  groups: readonly GroupSummary[];
  term: string;
  onSubmit: (name: string) => Promise<unknown>;
  onClose: () => void;
}

/**
 * Create or rename: the name is checked as the user types (counter, too long, duplicate), and
 * WeChat's own refusal, if any, appears under the field in words.
 */
export function GroupNameDialog({ renaming, groups, term, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [name, setName] = useState(renaming?.name ?? '');
  const [touched, setTouched] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const problem = checkName(name, groups, renaming);
  const count = nameLength(name.trim());
  const problemText = (p: NameProblem): string => {
    switch (p.kind) {
      case 'empty':
        return t('groups.ruleEmpty');
      case 'tooLong':
        return t('groups.ruleTooLong', { max: GROUP_NAME_MAX, count: p.count });
      case 'duplicate':
        return t('groups.ruleDuplicate', { name: p.name, term });
      case 'same':
        return t('groups.ruleSame');
    }
  };
  const shown =
    serverError ?? (problem && (touched || problem.kind !== 'empty') ? problemText(problem) : null);

  const submit = async () => {
    setTouched(true);
    if (problem || saving) return;
    setSaving(true);
    setServerError(null);
    try {
      await onSubmit(name.trim());
      void message.success(
        renaming ? t('groups.renamed', { name: name.trim() }) : t('groups.created', { name: name.trim() }),
      );
      onClose();
    } catch (error) {
      setServerError(errorText(errorData(error)));
    } finally {
      setSaving(false);
    }
  };

  const title = renaming ? t('groups.renameTitle', { term }) : t('groups.createTitle', { term });
  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ disabled: problem !== null, loading: saving }}
      destroyOnHidden
    >
      <Form layout="vertical" requiredMark={false}>
        <Form.Item
          label={t('groups.nameLabel', { term })}
          htmlFor="group-name"
          validateStatus={shown && problem?.kind !== 'same' ? 'error' : undefined}
          help={
            <Flex justify="space-between" gap={12}>
              <span role={shown ? 'alert' : undefined}>{shown}</span>
              <Typography.Text
                type={count > GROUP_NAME_MAX ? 'danger' : 'secondary'}
                aria-live="polite"
                style={{ whiteSpace: 'nowrap' }}
              >
                {t('groups.counter', { count, max: GROUP_NAME_MAX })}
              </Typography.Text>
            </Flex>
          }
        >
          <Input
            id="group-name"
            autoFocus
            value={name}
            placeholder={t('groups.namePlaceholder')}
            onChange={(e) => {
              setName(e.target.value);
              setTouched(true);
              setServerError(null);
            }}
            onPressEnter={(e) => {
              e.preventDefault();
              void submit();
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
