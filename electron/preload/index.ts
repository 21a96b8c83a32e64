import { contextBridge } from 'electron';

// Filled with one method per contract channel by the shell issue; nothing else is ever exposed.
contextBridge.exposeInMainWorld('wxg', Object.freeze({}));
