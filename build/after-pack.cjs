/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: electron-builder require()s its hooks */
/**
 * electron-builder `afterPack` hook: flips the Electron fuses of the packed
 * binary (see fuses.cjs) before it is signed and wrapped in an installer.
 *
 * electron-builder config:  afterPack: build/after-pack.cjs
 */
const path = require('node:path');
const { flipFuses } = require('@electron/fuses');
const { fuseConfig } = require('./fuses.cjs');

/** Where electron-builder put the Electron executable for this platform. */
function electronBinaryPath(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
}

/** The hook. `flip` is injectable for tests. */
async function afterPack(context, flip = flipFuses) {
  const binary = electronBinaryPath(context);
  await flip(binary, fuseConfig);
  return binary;
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.afterPack = afterPack;
module.exports.electronBinaryPath = electronBinaryPath;
