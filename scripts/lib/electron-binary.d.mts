/** Path of the Electron executable, or null when it is not installed. */
export function findElectronBinary(env?: NodeJS.ProcessEnv): string | null;
