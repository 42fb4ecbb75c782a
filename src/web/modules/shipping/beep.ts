// Sounds for scans, made with the Web Audio API (no audio files): a low double buzz when a scan is
// refused, a short high tick when it is taken. Warehouses are loud and eyes are on the shelf.

let ctx: AudioContext | null = null;

function audio(): AudioContext | null {
  try {
    ctx ??= new AudioContext();
    // Browsers start the context suspended until a user gesture; a scan (a key press) is one.
    if (ctx.state === 'suspended') void ctx.resume();
    return ctx;
  } catch {
    return null;
  }
}

function tone(c: AudioContext, freq: number, start: number, seconds: number, type: OscillatorType, volume: number) {
  const osc = c.createOscillator();
  const gain = c.createGain();
  osc.type = type;
  osc.frequency.value = freq;
  gain.gain.setValueAtTime(volume, c.currentTime + start);
  gain.gain.exponentialRampToValueAtTime(0.0001, c.currentTime + start + seconds);
  osc.connect(gain).connect(c.destination);
  osc.start(c.currentTime + start);
  osc.stop(c.currentTime + start + seconds + 0.02);
}

/** A refused scan: two low square-wave buzzes, and a vibration where the phone has one. */
export function beepError(): void {
  const c = audio();
  if (c) {
    tone(c, 220, 0, 0.18, 'square', 0.3);
    tone(c, 180, 0.24, 0.3, 'square', 0.3);
  }
  navigator.vibrate?.([120, 80, 200]);
  (window as unknown as { jxcBeeps?: string[] }).jxcBeeps?.push('error');
}

/** A scan taken: one short high tick. */
export function beepOk(): void {
  const c = audio();
  if (c) tone(c, 1320, 0, 0.07, 'sine', 0.15);
  (window as unknown as { jxcBeeps?: string[] }).jxcBeeps?.push('ok');
}
