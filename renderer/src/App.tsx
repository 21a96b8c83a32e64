import { useState } from 'react';
import { hasBridge } from './api';
import { FullPageLoading } from './components/FullPageLoading';
import { FatalError } from './components/FatalError';
import { NoBridge } from './components/NoBridge';
import { currentAccount, useAccounts } from './features/accounts/useAccounts';
import { ConnectWizard } from './features/connect/ConnectWizard';
import { MainWindow } from './features/shell/MainWindow';
import { WelcomeScreen } from './features/welcome/WelcomeScreen';
import { useWxgEvents } from './query/useWxgEvents';
import { errorData } from './api';

/**
 * Which screen: welcome when there is no account, the connect wizard when asked for, the main
 * window otherwise. (Three screens need no router.)
 */
export function App() {
  if (!hasBridge) return <NoBridge />;
  return <Screens />;
}

function Screens() {
  useWxgEvents();
  const accounts = useAccounts();
  const [connecting, setConnecting] = useState(false);

  if (accounts.isPending) return <FullPageLoading />;
  if (accounts.isError)
    return <FatalError error={errorData(accounts.error)} onRetry={() => void accounts.refetch()} />;

  const account = currentAccount(accounts.data);
  if (connecting)
    return <ConnectWizard onDone={() => setConnecting(false)} onCancel={() => setConnecting(false)} />;
  if (!account) return <WelcomeScreen onConnect={() => setConnecting(true)} />;
  return (
    <MainWindow
      key={account.id}
      account={account}
      accounts={accounts.data.accounts}
      onAddAccount={() => setConnecting(true)}
    />
  );
}
