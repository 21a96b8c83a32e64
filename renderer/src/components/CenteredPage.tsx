import { theme } from 'antd';
import type { ReactNode } from 'react';

/** A full-window page with its content centred (welcome, wizard, errors). */
export function CenteredPage({ children, width = 720 }: { children: ReactNode; width?: number }) {
  const { token } = theme.useToken();
  return (
    <main
      style={{
        minHeight: '100vh',
        background: token.colorBgLayout,
        display: 'flex',
        justifyContent: 'center',
        alignItems: 'flex-start',
        padding: '48px 24px',
        boxSizing: 'border-box',
      }}
    >
      <div style={{ width: '100%', maxWidth: width }}>{children}</div>
    </main>
  );
}
