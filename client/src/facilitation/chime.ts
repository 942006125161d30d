/**
 * The soft sound when the shared timer reaches zero: two quiet sine tones made
 * with Web Audio, so there is no sound file to load. Browsers only let a page
 * play sound after the person has interacted with it, so the audio context is
 * created (or resumed) on the first click or key press.
 */
const MUTE_KEY = 'samle.timerMuted';

let context: AudioContext | undefined;

function audioContext(): AudioContext | undefined {
  if (typeof window === 'undefined' || typeof window.AudioContext !== 'function') return undefined;
  context ??= new window.AudioContext();
  return context;
}

/** Call once: unlocks audio on the first interaction with the page. */
export function unlockAudioOnInteraction(): () => void {
  const unlock = () => {
    const ctx = audioContext();
    if (ctx?.state === 'suspended') {
      ctx.resume().catch((error: unknown) => console.warn('Could not enable the timer sound', error));
    }
    window.removeEventListener('pointerdown', unlock);
    window.removeEventListener('keydown', unlock);
  };
  window.addEventListener('pointerdown', unlock);
  window.addEventListener('keydown', unlock);
  return () => {
    window.removeEventListener('pointerdown', unlock);
    window.removeEventListener('keydown', unlock);
  };
}

export function playChime(): void {
  const ctx = audioContext();
  if (ctx?.state !== 'running') return; // Nobody has interacted yet: the flash says it instead.
  const start = ctx.currentTime + 0.02;
  for (const [offset, frequency] of [
    [0, 660],
    [0.28, 880],
  ] as const) {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    const t = start + offset;
    gain.gain.setValueAtTime(0, t);
    gain.gain.linearRampToValueAtTime(0.12, t + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.9);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(t);
    oscillator.stop(t + 1);
  }
}

// ---- mute toggle (remembered in this browser) ---------------------------------

const listeners = new Set<() => void>();

function readMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    // Storage can be disabled (private mode, policies): sound stays on, which is the default.
    return false;
  }
}

let muted = readMuted();

export const timerSound = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  isMuted: (): boolean => muted,
  setMuted(next: boolean): void {
    muted = next;
    try {
      localStorage.setItem(MUTE_KEY, next ? '1' : '0');
    } catch (error) {
      console.warn('Could not remember the timer sound choice', error);
    }
    for (const listener of listeners) listener();
  },
};
