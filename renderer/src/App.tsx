import { Suspense, useState } from 'react';
import { errorData, hasBridge } from './api';
import { FatalError } from './components/FatalError';
import { FullPageLoading } from './components/FullPageLoading';
import { lazyPart } from './components/lazyPart';
import { NoBridge } from './components/NoBridge';
import { currentAccount } from './features/accounts/accountsQuery';
import { useAccounts } from './features/accounts/useAccounts';
import { MainWindow } from './features/shell/MainWindow';
import { StartupNotices } from './features/shell/StartupNotices';

// Screens a start with an account never shows: they load when needed (the page stays blank meanwhile).
const ConnectWizard = lazyPart(() => import('./features/connect/ConnectWizard').then((m) => m.ConnectWizard));
const WelcomeScreen = lazyPart(() => import('./features/welcome/WelcomeScreen').then((m) => m.WelcomeScreen));

/**
 * Which screen: welcome when there is no account, the connect wizard when asked for, the main
 * window otherwise. (Three screens need no router.)
 */
export function App() {
  if (!hasBridge) return <NoBridge />;
  return (
    <>
      <Screens />
      <StartupNotices />
    </>
  );
}

function Screens() {
  const accounts = useAccounts();
  const [connecting, setConnecting] = useState(false);

  if (accounts.isPending) return <FullPageLoading />;
  if (accounts.isError)
    return <FatalError error={errorData(accounts.error)} onRetry={() => void accounts.refetch()} />;

  const account = currentAccount(accounts.data);
  if (connecting)
    return (
      <Suspense fallback={null}>
        <ConnectWizard onDone={() => setConnecting(false)} onCancel={() => setConnecting(false)} />
      </Suspense>
    );
  if (!account)
    return (
      <Suspense fallback={null}>
        <WelcomeScreen onConnect={() => setConnecting(true)} />
      </Suspense>
    );
  return (
    <MainWindow
      key={account.id}
      account={account}
      accounts={accounts.data.accounts}
      onAddAccount={() => setConnecting(true)}
    />
  );
}
