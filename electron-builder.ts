// Packaging with electron-builder 26. Read by `npm run dist:win`, `dist:mac` and `pack:check`.
// File and artifact names stay ASCII (non-ASCII names break uploads to object storage and some
// CI runners); owners see the product name 粉丝分组助手 in the installer, Start menu and Dock.
import type { Configuration } from 'electron-builder';

type FuseOptions = NonNullable<Configuration['electronFuses']>;

/** Switches compiled into the Electron binary, flipped at packaging time (electronjs.org/docs/latest/tutorial/fuses). */
export const electronFuses: FuseOptions = {
  // The packaged app must not double as a general Node.js runtime (ELECTRON_RUN_AS_NODE).
  runAsNode: false,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS and --inspect would let anyone who can start the process
  // inject code or attach a debugger next to the owner's AppSecret.
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  // Checks app.asar against the hash stored in the binary: enforced on macOS and Windows.
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  // The renderer is served from app://renderer (electron/main/appProtocol.ts), not file://: file://
  // pages get none of the extra privileges script injected into one could use to read local files.
  grantFileProtocolExtraPrivileges: false,
};

/**
 * Where a packaged app looks for updates: a plain HTTPS folder holding latest.yml, latest-mac.yml
 * and the installers, e.g. a bucket on a domestic object-storage host (not GitHub, which owners
 * in China often cannot reach). Set at build time with UPDATE_BASE_URL; a build without it has no
 * update feed, and About says so.
 */
export function updateFeed(env: Record<string, string | undefined>): string | null {
  const raw = env['UPDATE_BASE_URL']?.trim();
  if (!raw) return null;
  const url = new URL(raw);
  if (url.protocol !== 'https:') throw new Error(`UPDATE_BASE_URL must be an https:// URL, not ${raw}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

const env = process.env;
// Signing and notarization run only where their secrets are present (the release workflow sets
// them from repository secrets); everywhere else the build is unsigned rather than failing.
const macSigning = Boolean(env['CSC_LINK'] || env['CSC_NAME']);
const macNotarizing =
  macSigning &&
  Boolean(
    (env['APPLE_ID'] && env['APPLE_APP_SPECIFIC_PASSWORD'] && env['APPLE_TEAM_ID']) ||
    (env['APPLE_API_KEY'] && env['APPLE_API_KEY_ID'] && env['APPLE_API_ISSUER']),
  );
const feed = updateFeed(env);

const config: Configuration = {
  appId: 'com.followergroups.desktop',
  productName: '粉丝分组助手',
  executableName: 'follower-groups',
  artifactName: 'FollowerGroups-${version}-${os}-${arch}.${ext}',
  copyright: 'Copyright © 2026 Follower Groups',
  directories: { output: 'release', buildResources: 'resources/build' },
  // Only what the main process loads at run time: the built bundles and package.json. Production
  // dependencies are added by electron-builder; everything the renderer uses is bundled by Vite
  // and listed under devDependencies, so it stays out.
  files: [
    'out/**',
    'package.json',
    '!**/*.map',
    '!**/*.{md,markdown}',
    '!**/{test,tests,__tests__}/**',
    // Type declarations and TypeScript sources that packages ship are never loaded at run time
    // (zod alone carries 5 MB of them).
    '!**/node_modules/**/*.{ts,mts,cts}',
  ],
  // Read at run time by electron/main/updaterSetup.ts: macOS installs only signed updates.
  extraMetadata: { macSigned: macSigning },
  asar: true,
  // No native modules: nothing to rebuild for Electron's ABI (node:sqlite is built in).
  npmRebuild: false,
  electronFuses,
  publish: feed ? [{ provider: 'generic', url: feed, channel: 'latest' }] : null,
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'resources/build/icon.ico',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    multiLanguageInstaller: true,
    installerLanguages: ['zh_CN', 'en_US'],
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: '粉丝分组助手',
    uninstallDisplayName: '粉丝分组助手',
    // The owner's cache and settings survive an uninstall unless they tick the box that
    // resources/build/installer.nsh adds to the uninstaller.
    deleteAppDataOnUninstall: false,
    include: 'resources/build/installer.nsh',
    installerIcon: 'resources/build/icon.ico',
    uninstallerIcon: 'resources/build/icon.ico',
  },
  mac: {
    // The dmg is what owners download; the zip is what electron-updater installs on macOS.
    target: [
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
    ],
    icon: 'resources/build/icon.icns',
    category: 'public.app-category.business',
    minimumSystemVersion: '13.0',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'resources/build/entitlements.mac.plist',
    entitlementsInherit: 'resources/build/entitlements.mac.plist',
    // null = do not sign (and do not look for a certificate in the keychain).
    ...(macSigning ? {} : { identity: null }),
    notarize: macNotarizing,
  },
  dmg: { title: '粉丝分组助手 ${version}' },
  linux: {
    // Only for `npm run pack:check` on the CI machine; no Linux release is published.
    target: 'dir',
    executableName: 'follower-groups',
    icon: 'resources/build/icons',
  },
};

export default config;
