/** A small seeded generator, so every run of the benchmark builds the same data set. */
export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks a key with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  digits(length: number): string;
};

export function createRandom(seed: number): Random {
  // mulberry32: fast, 32-bit state, good enough spread for test data.
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const weightedCache = new WeakMap<object, { keys: string[]; cumulative: number[]; total: number }>();
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
      let table = weightedCache.get(weights);
      if (!table) {
        const keys = Object.keys(weights);
        const cumulative: number[] = [];
        let total = 0;
        for (const key of keys) {
          total += weights[key as K];
          cumulative.push(total);
        }
        table = { keys, cumulative, total };
        weightedCache.set(weights, table);
      }
      const target = next() * table.total;
      const index = table.cumulative.findIndex((limit) => target < limit);
      return table.keys[index === -1 ? table.keys.length - 1 : index] as K;
    },
    digits(length) {
      let out = "";
      for (let i = 0; i < length; i++) out += String(int(0, 9));
      return out;
    },
  };
}
