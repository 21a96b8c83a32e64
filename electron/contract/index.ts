// The one typed contract between the renderer and the main process (and the browser host).
// Channels, their zod schemas and the Result envelope are added here issue by issue.
export const APP_ID = 'com.followergroups.app';
