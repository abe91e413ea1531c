/** A small seeded generator (mulberry32): the same seed gives the same run, so a failure can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const NASTY_TEXT = [
  '',
  ' ',
  'ready',
  'READY',
  'ready ',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '[click](command:workbench.action.openSettings)',
  '\u0000\u0001\u001b[31m',
  'line\nbreak',
  '\u202eevil',
  '🧘‍♀️',
  '__proto__',
  'constructor',
  'toString',
  '../../../etc/passwd',
  '%s%s%s%n',
];

/** Any JSON value a hostile or broken page could send: wrong types, odd text, deep and huge shapes. */
export function garbage(random: () => number, depth = 0): unknown {
  // Deep and huge shapes only at the top, and rarely: they are slow to build and compare.
  const roll = Math.floor(random() * (depth > 0 ? 11 : 40));
  switch (roll) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return pick(random, [0, -1, 1.5, -0, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 2 ** 31, Number.NaN, Number.POSITIVE_INFINITY]);
    case 3:
      return Math.floor(random() * 1000) - 500;
    case 4:
      return pick(random, NASTY_TEXT);
    case 5:
      return 'x'.repeat(Math.floor(random() * 300));
    case 6:
      return String.fromCharCode(...Array.from({ length: 1 + Math.floor(random() * 20) }, () => Math.floor(random() * 0xffff)));
    case 7:
      return undefined;
    case 8:
      return pick(random, NASTY_TEXT) + String(Math.floor(random() * 10));
    case 9:
      if (depth > 3) return null;
      return Array.from({ length: Math.floor(random() * 5) }, () => garbage(random, depth + 1));
    case 10: {
      if (depth > 3) return 'deep';
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(random() * 5); i > 0; i--)
        o[pick(random, ['type', 'action', 'exerciseId', 'data', ...NASTY_TEXT])] = garbage(random, depth + 1);
      return o;
    }
    case 11: {
      // Deeply nested: a page could send a structure that overflows a careless recursive walk.
      let v: unknown = 'bottom';
      for (let i = 0; i < 500; i++) v = random() < 0.5 ? [v] : { type: v };
      return v;
    }
    case 12:
      return Array.from({ length: 5_000 }, (_, i) => i);
    default:
      return garbage(random, depth + 1);
  }
}

/** A known-good object with one field changed to garbage, added, or removed. */
export function mutate(random: () => number, good: Record<string, unknown>): unknown {
  const copy: Record<string, unknown> = { ...good };
  const keys = Object.keys(copy);
  const roll = random();
  if (roll < 0.4 && keys.length > 0) copy[pick(random, keys)] = garbage(random);
  else if (roll < 0.7) copy[pick(random, ['extra', 'type2', 'data', '__proto__', 'action', 'exerciseId'])] = garbage(random);
  else if (keys.length > 0) delete copy[pick(random, keys)];
  return copy;
}
