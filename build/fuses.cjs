/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: electron-builder require()s its hooks */
/**
 * Electron fuses for the packaged DutyDesk binary (issue 5, part 5).
 *
 * Fuses are bits in the Electron binary itself, flipped at package time by
 * `after-pack.cjs`; they cannot be changed by the app or its environment
 * afterwards. Ours close the ways to run the binary as something else:
 *
 * - RunAsNode off: `ELECTRON_RUN_AS_NODE=1 DutyDesk.exe evil.js` no longer
 *   gives a Node.js with the app's trust.
 * - NODE_OPTIONS off and --inspect off: no code injection through the
 *   environment or a debugger port.
 * - OnlyLoadAppFromAsar on: the app code comes only from app.asar, not from
 *   an `app/` folder dropped next to it.
 * - GrantFileProtocolExtraPrivileges off: file:// pages get no special
 *   powers (we load from app:// anyway).
 * - Cookie encryption on (no cost for us); the browser-process V8 snapshot
 *   is left off. Embedded asar integrity validation stays off until the
 *   build embeds integrity data for every target (otherwise the app would
 *   refuse to start on Windows/macOS).
 */
const { FuseVersion, FuseV1Options } = require('@electron/fuses');

/** The fuse configuration passed to `flipFuses`: every fuse the library knows is set explicitly. */
const fuseConfig = {
  version: FuseVersion.V1,
  // Apple Silicon: flipping invalidates the ad-hoc signature; re-sign so the app still launches unsigned in tests.
  resetAdHocDarwinSignature: process.platform === 'darwin' && process.arch === 'arm64',
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

module.exports = { fuseConfig };
