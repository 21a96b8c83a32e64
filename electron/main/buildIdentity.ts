/**
 * A development run (`npm start`, not packaged) calls itself "<name> Dev": its data folder, and
 * the keychain entry safeStorage names after the app ("<name> Safe Storage" on macOS, the
 * keyring's key on Linux), are then its own, so trying things out never touches the owner's real
 * accounts and secrets. Set before 'ready' (Electron reads the name for the keychain then).
 */
export function appNameFor(productName: string, isPackaged: boolean): string {
  return isPackaged ? productName : `${productName} Dev`;
}
