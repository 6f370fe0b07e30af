/**
 * Benchmark helpers: medians, p95, ratios against a baseline measured in the
 * same run, and `bench/results.json` (ids are a stable contract).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Figure {
  value: number;
  unit: string;
  baseline?: number;
}

export const resultsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');
export const workDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '.work');

export interface Stats {
  median: number;
  p95: number;
  runs: number;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p95: at(0.95), runs: s.length };
}

/** Times `fn` `runs` times (after `warmup` untimed runs); milliseconds. */
export async function time(fn: () => unknown, runs: number, warmup = Math.min(3, runs)): Promise<Stats> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

export class Bench {
  readonly figures: Record<string, Figure> = {};
  /** Parts asked for with `--only module:part` (null: every part). */
  parts: Set<string> | null = null;
  /** Whether a module should run this part of itself. */
  wants(part: string): boolean {
    return this.parts === null || this.parts.has(part);
  }
  record(id: string, value: number, unit: string, baseline?: number, note?: string): void {
    const rounded = Math.round(value * 1000) / 1000;
    this.figures[id] = baseline === undefined ? { value: rounded, unit } : { value: rounded, unit, baseline: Math.round(baseline * 1000) / 1000 };
    const base = baseline === undefined ? '' : `  (baseline ${baseline.toFixed(3)})`;
    console.log(`  ${id.padEnd(34)} ${String(rounded).padStart(12)} ${unit}${base}${note ? `  — ${note}` : ''}`);
  }
  /** Prints a stats line without recording it. */
  show(label: string, s: Stats, unit = 'ms'): void {
    console.log(`    ${label.padEnd(40)} median ${s.median.toFixed(3)} ${unit}  p95 ${s.p95.toFixed(3)} ${unit}  (n=${s.runs})`);
  }
  save(): void {
    const old = fs.existsSync(resultsFile) ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Record<string, Figure>) : {};
    const merged = { ...old, ...this.figures };
    const sorted = Object.fromEntries(Object.keys(merged).sort().map((k) => [k, merged[k]]));
    fs.writeFileSync(resultsFile, `${JSON.stringify(sorted, null, 2)}\n`);
  }
}

export type BenchModule = { name: string; run: (b: Bench) => Promise<void> };
