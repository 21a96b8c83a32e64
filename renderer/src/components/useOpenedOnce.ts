import { useState } from 'react';

/**
 * Whether `open` has ever been true: a lazily loaded drawer is mounted from its first opening on
 * (and stays mounted, so that closing it still animates).
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}
