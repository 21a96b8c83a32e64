// The one typed contract between the renderer and the main process (and the browser host).
export * from './errors';
export * from './result';
export * from './accounts';
export * from './settings';
export * from './channels';
export * from './events';
export * from './api';
export * from './followers';
export * from './dataChannels';
export * from './jobs';
export * from './updates';
export * from './wechatChannels';
