import type { zhCN } from './zh-CN';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language must fill: the Chinese file is the source of truth. */
export type Messages = Widen<typeof zhCN>;
