// The installer configuration owners depend on: names, NSIS choices, macOS minimum, fuses, feed.
import { describe, expect, it } from 'vitest';
import config, { electronFuses, updateFeed } from '../../../electron-builder';

const ascii = /^[\x20-\x7e]+$/;

describe('electron-builder configuration', () => {
  it('uses ASCII ids, executable and artifact names, and shows the Chinese product name', () => {
    expect(config.appId).toMatch(ascii);
    expect(config.executableName).toMatch(ascii);
    expect(config.artifactName).toMatch(ascii);
    expect(config.productName).toBe('粉丝分组助手');
  });

  it('builds an assisted, per-user NSIS installer in Chinese and English that keeps data on uninstall', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN', 'en_US'],
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
      include: 'resources/build/installer.nsh',
    });
  });

  it('builds dmgs (and the zips updates install) for both Mac architectures, macOS 13 and later, hardened runtime', () => {
    expect(config.mac).toMatchObject({
      minimumSystemVersion: '13.0',
      hardenedRuntime: true,
      target: [
        { target: 'dmg', arch: ['arm64', 'x64'] },
        { target: 'zip', arch: ['arm64', 'x64'] },
      ],
    });
  });

  it('turns off RunAsNode, NODE_OPTIONS and --inspect, and turns on cookie encryption and asar integrity', () => {
    expect(electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.electronFuses).toBe(electronFuses);
  });

  it('takes the update feed from UPDATE_BASE_URL, https only', () => {
    expect(updateFeed({})).toBeNull();
    expect(updateFeed({ UPDATE_BASE_URL: 'https://fg.oss-cn-hangzhou.aliyuncs.com/releases' })).toBe(
      'https://fg.oss-cn-hangzhou.aliyuncs.com/releases/',
    );
    expect(() => updateFeed({ UPDATE_BASE_URL: 'http://example.com/' })).toThrow(/https/);
  });
});
