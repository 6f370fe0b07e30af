/**
 * The Mantine theme: calm government blue; red is kept for alarms and overdue.
 *
 * Official incident-level colours (Ⅰ red, Ⅱ orange, Ⅲ yellow, Ⅳ blue) are in
 * `levelColors`; they are always shown with the level's word, never alone.
 */
import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** A dark palette that does not glare at 3 a.m. but keeps secondary text above 4.5:1 contrast. */
const dark: MantineColorsTuple = ['#d5d7da', '#c1c4c8', '#a9adb3', '#6b7078', '#454a52', '#363b42', '#2b2f35', '#212428', '#1b1d21', '#141518'];

const govBlue: MantineColorsTuple = ['#e8f1fb', '#d0e0f3', '#a1c0e8', '#6e9edc', '#4482d2', '#2a70cc', '#1b66ca', '#0d56b3', '#004ca1', '#00418e'];

export const theme = createTheme({
  primaryColor: 'govBlue',
  colors: { govBlue, dark },
  fontFamily:
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif',
  headings: { fontFamily: '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", system-ui, sans-serif' },
  defaultRadius: 'sm',
  fontSizes: { xs: '13px', sm: '14px', md: '16px', lg: '18px', xl: '22px' },
});

/** Ⅰ特别重大 red · Ⅱ重大 orange · Ⅲ较大 yellow · Ⅳ一般 blue (UX.md). */
export const levelColors = { 1: 'red', 2: 'orange', 3: 'yellow', 4: 'blue' } as const;

/**
 * The official level colours as badge shades whose automatic text colour passes WCAG AA (with `autoContrast`):
 * white on red.9 5.5:1 and on blue.8 5.0:1, black on orange.6 8.2:1 and on yellow.6 11.3:1 — Mantine's default red
 * and blue carry white text at 3.4:1 and 3.6:1.
 */
export const levelBadgeColor = { 1: 'red.9', 2: 'orange.6', 3: 'yellow.6', 4: 'blue.8' } as const;

/** Dark from 19:00 to 07:00 when the theme setting is `auto`. */
export const isNightHour = (hour: number): boolean => hour >= 19 || hour < 7;

/**
 * Secondary ("dimmed") text, links, the leaders' instructions (批示, in orange), accent outlines and the primary
 * outline/light buttons with WCAG AA contrast on both schemes. Mantine's orange.8 is 3.6:1 on white and darker
 * still at night (instruction: 5.5:1 light, 8.9:1 dark); blue.8 outlines are 3.1:1 on the night theme (accent:
 * 6.1:1 and 7.9:1); the primary outline buttons' govBlue.4 is 4.0:1 on the night theme (#8ab4f0: 7.3:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636a', '--mantine-color-anchor': '#0d56b3', '--dd-color-instruction': '#b8420c', '--dd-color-accent': '#1864ab', '--dd-color-done': '#087f5b' },
  dark: {
    '--mantine-color-dimmed': '#a9adb3',
    '--mantine-color-anchor': '#8ab4f0',
    '--dd-color-instruction': '#ffa94d',
    '--dd-color-accent': '#74c0fc',
    '--dd-color-done': '#63e6be',
    '--mantine-color-govBlue-outline': '#8ab4f0',
    '--mantine-color-govBlue-light-color': '#8ab4f0',
  },
});

/** Text colour of a leader's instruction (批示), readable on both schemes. */
export const instructionColor = 'var(--dd-color-instruction)';
/** An accent (blue) for outline badges and labels, readable on both schemes. */
export const accentColor = 'var(--dd-color-accent)';
/** Overdue, late and error text: a red that reads in both themes, also on an overdue row's red tint (global.css). */
export const overdueColor = 'var(--dd-overdue)';
/** A neutral outline badge (gray), readable on both schemes. */
export const neutralColor = 'var(--mantine-color-dimmed)';
