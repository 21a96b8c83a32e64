import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props extends Omit<ButtonProps, 'onClick'> {
  text: string;
  /** The button's accessible name and label; defaults to "复制". */
  label?: string;
  /** Show only the icon (the label stays the accessible name). */
  iconOnly?: boolean;
}

/** Copies `text` to the clipboard and says so. */
export function CopyButton({ text, label, iconOnly, ...rest }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [copied, setCopied] = useState(false);
  const name = label ?? t('common.copy');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      void message.success(t('common.copied'));
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      void message.error(t('common.copyFailed'));
    }
  };
  return (
    <Button
      {...rest}
      aria-label={name}
      title={iconOnly ? name : undefined}
      icon={copied ? <CheckOutlined aria-hidden /> : <CopyOutlined aria-hidden />}
      onClick={() => void copy()}
    >
      {iconOnly ? null : copied ? t('common.copied') : name}
    </Button>
  );
}
