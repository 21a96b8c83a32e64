import './app.css';
import { hasBridge } from './api';
import { applyContentSecurityPolicy } from './contentSecurityPolicy';
import { connectWxgEvents } from './query/connectWxgEvents';
import { createQueryClient } from './query/queryClient';
import { prefetchStartup } from './query/prefetchStartup';

applyContentSecurityPolicy();

// The entry holds only what the first requests need: they go out at once, and React, antd and the
// screens (./boot) load and compile while the core answers.
const queryClient = createQueryClient();
if (hasBridge) {
  connectWxgEvents(queryClient);
  prefetchStartup(queryClient);
}
void import('./boot').then(({ boot }) => boot(queryClient));
