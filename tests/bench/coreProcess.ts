// Child process for the memory benchmark: the core alone (what the Electron main process runs),
// opening an account with a full cache and answering a query; prints its RSS in bytes.
import { createServices } from '../../electron/core/services';
import { createNodePorts } from '../../electron/webhost/nodePorts';

const [dataDir, wechatBase] = process.argv.slice(2) as [string, string];
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const services = await createServices(
  await createNodePorts({ dataDir, log: quiet, wechat: { hosts: [wechatBase] } }),
);
const { accounts } = await services.handlers['accounts:list']({});
const accountId = accounts[0]?.id as string;
await services.handlers['groups:list']({ accountId });
for (const text of [undefined, '王', 'o']) {
  await services.handlers['followers:query']({
    accountId,
    query: {
      subscribed: true,
      sort: { by: 'subscribeTime', dir: 'desc' },
      offset: 0,
      limit: 100,
      ...(text ? { text } : {}),
    },
  });
}
global.gc?.();
console.log(process.memoryUsage().rss);
await services.close();
process.exit(0);
