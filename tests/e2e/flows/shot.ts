/** Saves a screenshot under a name (each suite decides where, and with what prefix). */
export type Shot = (name: string) => Promise<void>;
