/**
 * The console alarm: a short two-tone beep repeated while any unsilenced
 * event needs attention, plus one desktop notification per event.
 *
 * Silencing is per event (a deadline, or one step of one escalation round),
 * so the next step of an escalation sounds again. Silenced ids are kept in
 * localStorage so a reload does not bring back a silenced alarm — nor drop
 * one that was never silenced.
 */
const silencedKey = 'dutydesk.silencedAlarms';
const notifiedKey = 'dutydesk.notifiedAlarms';

const readSet = (key: string): Set<string> => {
  try {
    return new Set(JSON.parse(localStorage.getItem(key) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
};
const writeSet = (key: string, s: Set<string>): void => localStorage.setItem(key, JSON.stringify([...s].slice(-500)));

export const silenced = (): Set<string> => readSet(silencedKey);
const silenceListeners = new Set<() => void>();
/** Called whenever an event is silenced (so every view of the alarm agrees). */
export function onSilencedChange(fn: () => void): () => void {
  silenceListeners.add(fn);
  return () => silenceListeners.delete(fn);
}
export function silence(id: string): void {
  const s = readSet(silencedKey);
  s.add(id);
  writeSet(silencedKey, s);
  for (const fn of silenceListeners) fn();
}

let ctx: AudioContext | null = null;
function beep(): void {
  try {
    ctx ??= new AudioContext();
    const ac = ctx;
    [880, 660].forEach((freq, i) => {
      const o = ac.createOscillator();
      const g = ac.createGain();
      o.frequency.value = freq;
      g.gain.value = 0.15;
      o.connect(g).connect(ac.destination);
      const t0 = ac.currentTime + i * 0.25;
      o.start(t0);
      o.stop(t0 + 0.2);
    });
  } catch {
    // No audio device: the red, listed item remains the alarm.
  }
}

let timer: ReturnType<typeof setInterval> | null = null;
/** Who wants the beep now: the due list, the hub's presence check … — it stops only when none does. */
const sources = new Set<string>();
/** Starts or stops the repeating beep for one source. */
export function setAlarm(on: boolean, source = 'due'): void {
  if (on) sources.add(source);
  else sources.delete(source);
  if (sources.size > 0 && !timer) {
    beep();
    timer = setInterval(beep, 3000);
  } else if (sources.size === 0 && timer) {
    clearInterval(timer);
    timer = null;
  }
}

/** One desktop notification per event id (when the user allowed them). */
export function notifyOnce(id: string, title: string, body: string): void {
  if (typeof Notification === 'undefined') return;
  const done = readSet(notifiedKey);
  if (done.has(id)) return;
  const show = () => {
    try {
      new Notification(title, { body, tag: id });
    } catch {
      // Some hosts refuse notifications from a page; the console still shows the item.
    }
    done.add(id);
    writeSet(notifiedKey, done);
  };
  if (Notification.permission === 'granted') show();
  else if (Notification.permission === 'default') void Notification.requestPermission().then((p) => p === 'granted' && show());
}
