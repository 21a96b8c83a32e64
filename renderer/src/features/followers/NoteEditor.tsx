import { App, Button, Flex, Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorData } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';

const NOTE_MAX = 2000;

/** The local note: kept only on this computer, so it works offline. Ctrl/⌘+Enter saves. */
export function NoteEditor({
  initial,
  save,
}: {
  initial: string;
  save: { mutateAsync: (note: string) => Promise<unknown>; isPending: boolean; error: unknown };
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [value, setValue] = useState(initial);
  const unchanged = value === initial;

  // Closing the drawer must not throw a typed note away: it is local only, so save it then.
  const pending = useRef({ value, initial, save });
  useEffect(() => {
    pending.current = { value, initial, save };
  });
  useEffect(
    () => () => {
      const { value: typed, initial: saved, save: saveNote } = pending.current;
      if (typed !== saved) void saveNote.mutateAsync(typed).catch(() => undefined);
    },
    [],
  );

  const submit = async () => {
    if (unchanged || save.isPending) return;
    try {
      await save.mutateAsync(value);
      void message.success(t('drawer.noteSaved'));
    } catch {
      // Shown below the field.
    }
  };

  return (
    <Flex vertical gap={6}>
      <Typography.Text strong id="note-label">
        {t('drawer.note')}
      </Typography.Text>
      <Typography.Text id="note-help" type="secondary" style={{ fontSize: 12 }}>
        {t('drawer.noteHelp')}
      </Typography.Text>
      <Input.TextArea
        aria-labelledby="note-label"
        aria-describedby="note-help"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
        }}
        placeholder={t('drawer.notePlaceholder')}
        autoSize={{ minRows: 3, maxRows: 8 }}
        maxLength={NOTE_MAX}
        showCount
        style={{ marginBottom: 16 }}
      />
      <div>
        <Button disabled={unchanged} loading={save.isPending} onClick={() => void submit()}>
          {t('drawer.noteSave')}
        </Button>
      </div>
      {save.error ? <ErrorAlert error={errorData(save.error)} /> : null}
    </Flex>
  );
}
