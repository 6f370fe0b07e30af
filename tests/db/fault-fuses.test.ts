/**
 * Packaging flips Electron fuses: the configuration, and
 * the afterPack hook applying it to a binary with a real fuse wire.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';

const require = createRequire(import.meta.url);
const fuses = require('@electron/fuses') as typeof import('@electron/fuses');
const { FuseV1Options, FuseVersion, getCurrentFuseWire } = fuses;
const { fuseConfig } = require('../../build/fuses.cjs') as { fuseConfig: Record<string, unknown> };
const afterPack = require('../../build/after-pack.cjs') as ((ctx: unknown, flip?: unknown) => Promise<string>) & {
  electronBinaryPath: (ctx: unknown) => string;
};

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 49;
const DISABLE = 48;

/** A stand-in binary: random bytes around Electron's fuse wire, every fuse initially enabled. */
function fakeElectron(file: string, wireLength = 8): void {
  const wire = Buffer.alloc(wireLength, ENABLE);
  fs.writeFileSync(file, Buffer.concat([Buffer.alloc(1000, 7), Buffer.from(SENTINEL), Buffer.from([1, wireLength]), wire, Buffer.alloc(1000, 9)]));
}

let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

const context = (platform: string, outDir: string) => ({
  appOutDir: outDir,
  electronPlatformName: platform,
  packager: { appInfo: { productFilename: 'DutyDesk 值守台' }, executableName: 'dutydesk' },
});

describe('Electron fuses', () => {
  it('turns off RunAsNode, NODE_OPTIONS, --inspect and file:// privileges, and loads only from asar', () => {
    expect(fuseConfig.version).toBe(FuseVersion.V1);
    expect(fuseConfig[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuseConfig[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuseConfig[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuseConfig[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuseConfig[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    // Every fuse the library knows is set explicitly (none left to Electron's default).
    const known = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    for (const f of known) expect(typeof fuseConfig[f as number], FuseV1Options[f as number]).toBe('boolean');
  });

  it('finds the binary per platform', () => {
    expect(afterPack.electronBinaryPath(context('win32', '/out'))).toBe(path.join('/out', 'DutyDesk 值守台.exe'));
    expect(afterPack.electronBinaryPath(context('darwin', '/out'))).toBe(path.join('/out', 'DutyDesk 值守台.app'));
    expect(afterPack.electronBinaryPath(context('linux', '/out'))).toBe(path.join('/out', 'dutydesk'));
  });

  it('flips the fuse wire of the packed binary in the afterPack hook', async () => {
    dir = tempDir('dutydesk-fuses-');
    const bin = path.join(dir, 'dutydesk');
    fakeElectron(bin);
    const flipped = await afterPack(context('linux', dir));
    expect(flipped).toBe(bin);
    const wire = (await getCurrentFuseWire(bin)) as unknown as Record<number, number>;
    expect(wire[FuseV1Options.RunAsNode]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ENABLE);
    // Nothing else in the file changed.
    const bytes = fs.readFileSync(bin);
    expect(bytes.subarray(0, 1000).every((b) => b === 7)).toBe(true);
    expect(bytes.subarray(bytes.length - 1000).every((b) => b === 9)).toBe(true);
  });

  it('fails the build when the binary has no fuse wire', async () => {
    dir = tempDir('dutydesk-fuses-');
    fs.writeFileSync(path.join(dir, 'dutydesk'), Buffer.alloc(100));
    await expect(afterPack(context('linux', dir))).rejects.toThrow(/sentinel/u);
  });
});
