/**
 * The building block of the typed API contract.
 *
 * Every method is request/response: an input schema (zod), an output type
 * (compile-time only), who may call it, and whether it writes. Both
 * transports (Electron IPC and the loopback browser host) and the renderer's
 * client are derived from the contract; nobody writes a channel name by hand.
 */
import type { z } from 'zod';
import type { UserRole } from '../roles';

/**
 * Who may call a method.
 *
 * - `public`: anyone holding the transport's token (setup status, login).
 * - `session`: any logged-in, unlocked user.
 * - a list of roles: a logged-in user holding at least one of them.
 */
export type Access = 'public' | 'session' | readonly UserRole[];

export type MethodKind = 'query' | 'mutation';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown, K extends MethodKind = MethodKind> {
  input: I;
  access: Access;
  /** Mutations run in one transaction and must append at least one audit row. */
  kind: K;
  /**
   * `allow`: still callable when the store is read-only (damaged file, newer
   * schema): logging in, locking and restoring a backup must work exactly then.
   * Such handlers write nothing while the store is read-only.
   */
  readOnly?: 'allow';
  /** Phantom field carrying the output type; never set at run time. */
  readonly __output?: O;
}

/**
 * Declares a method: `method<Output>()({ input, access, kind })`.
 *
 * The curried form lets TypeScript infer the input schema while the output
 * type is given explicitly.
 */
export const method =
  <O>() =>
  <I extends z.ZodType, K extends MethodKind>(spec: { input: I; access: Access; kind: K; readOnly?: 'allow' }): MethodSpec<I, O, K> =>
    spec;

export type MethodMap = Record<string, MethodSpec>;
export type InputOf<M extends MethodSpec> = z.input<M['input']>;
export type ParsedInputOf<M extends MethodSpec> = z.output<M['input']>;
export type OutputOf<M extends MethodSpec> = M extends MethodSpec<z.ZodType, infer O, MethodKind> ? O : never;

/**
 * Merges the domains' method maps into one, refusing a name declared twice.
 *
 * An object spread would let the later map silently win; this throws at
 * import time instead, naming the method.
 */
export function mergeMethodMaps(maps: readonly MethodMap[]): MethodMap {
  const out: MethodMap = {};
  for (const map of maps) {
    for (const [name, spec] of Object.entries(map)) {
      if (Object.hasOwn(out, name)) throw new Error(`contract: method ${name} is declared twice`);
      out[name] = spec;
    }
  }
  return out;
}
