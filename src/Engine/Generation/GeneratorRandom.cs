namespace Monitoring.Engine.Generation;

/// <summary>Small helpers over <see cref="Random"/> for the generator, and the deterministic seed mix.</summary>
internal static class GeneratorRandom
{
    /// <summary>
    /// A 31-bit seed from (seed, index, salt), stable across processes and runtimes (SplitMix64 finaliser;
    /// <see cref="HashCode"/> is randomised per process and must not be used here).
    /// </summary>
    public static int Mix(int seed, long index, uint salt)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed << 32 | salt) * 0x9E3779B97F4A7C15UL;
            z ^= z >> 29;
            z += (ulong)index * 0xD1B54A32D192ED03UL + 0x632BE59BD9B4E019UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & 0x7FFF_FFFF);
        }
    }

    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    /// <summary>A uniform integer in [min, maxInclusive].</summary>
    public static int Between(this Random rng, int min, int maxInclusive) => rng.Next(min, maxInclusive + 1);

    /// <summary>A uniform real in [min, max).</summary>
    public static double Uniform(this Random rng, double min, double max) => min + (rng.NextDouble() * (max - min));

    /// <summary>A standard normal deviate (Box–Muller).</summary>
    public static double Normal(this Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static T Pick<T>(this Random rng, T[] items) => items[rng.Next(items.Length)];

    /// <summary>A random day in [from, to] (both inclusive); <paramref name="from"/> when the range is empty.</summary>
    public static DateOnly DayBetween(this Random rng, DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(rng.Next(to.DayNumber - from.DayNumber + 1));

    /// <summary>
    /// A SplitMix64 stream: much cheaper to start than a seeded <see cref="Random"/> (about 1 µs each), used for the
    /// per-block helper plan that every household of the block recomputes.
    /// </summary>
    public struct SplitMix(ulong state)
    {
        private ulong _state = state;

        public ulong NextUInt64()
        {
            unchecked
            {
                var z = _state += 0x9E3779B97F4A7C15UL;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }

        /// <summary>A uniform real in [0, 1).</summary>
        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        /// <summary>A uniform integer in [min, maxInclusive].</summary>
        public int Between(int min, int maxInclusive) => min + (int)(NextUInt64() % (ulong)(maxInclusive - min + 1));
    }
}
