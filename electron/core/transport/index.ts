// Host-agnostic request dispatch and event fan-out, shared by electron/main and electron/webhost.
export { dispatch, type DispatchOptions, type UnexpectedFailure } from './dispatch';
export { createEventHub, type EventHub, type EventListener } from './eventHub';
export { badInput, type InputIssue } from './badInput';
export { blankCredentials, describeError } from './describeError';
