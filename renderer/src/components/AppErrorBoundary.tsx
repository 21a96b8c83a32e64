import { Component, type ReactNode } from 'react';
import { errorData } from '../api';
import { FatalError } from './FatalError';

/**
 * Whatever a screen throws while rendering (a lazy part whose chunk cannot load, a bug) ends
 * here instead of a blank window: what happened in words, and a reload.
 */
export class AppErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return <FatalError error={errorData(this.state.error)} onRetry={() => window.location.reload()} />;
  }
}
