using Bedflow.Core.Randomness;

namespace Bedflow.Core.Tests.Randomness;

public class RandomnessTests
{
    [Fact]
    public void Xoshiro256StarStar_matches_the_reference_outputs_from_state_1_2_3_4()
    {
        // Outputs of Blackman and Vigna's xoshiro256starstar.c started from s = {1, 2, 3, 4}.
        var rng = Xoshiro256StarStar.FromState(1, 2, 3, 4);
        Assert.Equal(11520UL, rng.NextUInt64());
        Assert.Equal(0UL, rng.NextUInt64());
        Assert.Equal(1509978240UL, rng.NextUInt64());
        Assert.Equal(1215971899390074240UL, rng.NextUInt64());
    }

    [Fact]
    public void SplitMix64_matches_the_reference_outputs_for_seed_1234567()
    {
        ulong state = 1234567;
        Assert.Equal(6457827717110365317UL, SplitMix64.Next(ref state));
        Assert.Equal(3203168211198807973UL, SplitMix64.Next(ref state));
        Assert.Equal(9817491932198370423UL, SplitMix64.Next(ref state));
        Assert.Equal(4593380528125082431UL, SplitMix64.Next(ref state));
        Assert.Equal(16408922859458223821UL, SplitMix64.Next(ref state));
    }

    [Fact]
    public void Uniform_doubles_lie_in_the_unit_interval_and_have_mean_one_half()
    {
        var rng = new Xoshiro256StarStar(42);
        const int n = 1_000_000;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double u = rng.NextDouble();
            Assert.True(u is >= 0.0 and < 1.0, $"NextDouble gave {u:R}");
            double v = rng.NextDoubleNonZero();
            Assert.True(v is > 0.0 and <= 1.0, $"NextDoubleNonZero gave {v:R}");
            sum += u;
        }
        // sd of the mean = sqrt(1/12/n) ≈ 0.00029; allow 5 sd.
        Assert.InRange(sum / n, 0.5 - 0.0015, 0.5 + 0.0015);
    }

    [Fact]
    public void The_extreme_outputs_map_to_the_ends_of_the_unit_intervals()
    {
        // The reference state {1, 2, 3, 4} gives 0 on its second draw (test above).
        static Xoshiro256StarStar BeforeZero()
        {
            var rng = Xoshiro256StarStar.FromState(1, 2, 3, 4);
            rng.NextUInt64();
            return rng;
        }
        // A state whose next output is all ones: the output is rotl(s1 * 5, 7) * 9, so
        // s1 = rotr(-1 / 9, 7) / 5, dividing by odd numbers modulo 2^64.
        ulong s1 = ulong.RotateRight(ulong.MaxValue * InverseModulo2To64(9), 7) * InverseModulo2To64(5);
        Xoshiro256StarStar BeforeAllOnes() => Xoshiro256StarStar.FromState(0, s1, 0, 0);

        Assert.Equal(0UL, BeforeZero().NextUInt64());
        Assert.Equal(0.0, BeforeZero().NextDouble());
        Assert.Equal(Math.Pow(2, -53), BeforeZero().NextDoubleNonZero());

        Assert.Equal(ulong.MaxValue, BeforeAllOnes().NextUInt64());
        double largest = BeforeAllOnes().NextDouble();
        Assert.Equal(1.0 - Math.Pow(2, -53), largest); // exactly representable: 53 ones
        Assert.Equal(Math.BitDecrement(1.0), largest); // the largest double below 1
        Assert.True(largest < 1.0);
        Assert.Equal(1.0, BeforeAllOnes().NextDoubleNonZero());
    }

    /// <summary>x with a·x = 1 modulo 2^64, for odd a (Newton's iteration doubles the correct bits).</summary>
    private static ulong InverseModulo2To64(ulong a)
    {
        ulong x = a; // correct to 3 bits for odd a
        for (int i = 0; i < 5; i++)
        {
            x *= 2 - (a * x);
        }
        Assert.Equal(1UL, a * x);
        return x;
    }

    [Fact]
    public void NextInt_is_unbiased_over_a_small_range()
    {
        var rng = new Xoshiro256StarStar(7);
        var counts = new int[7];
        const int n = 700_000;
        for (int i = 0; i < n; i++)
        {
            counts[rng.NextInt(7)]++;
        }
        // Each count ~ Binomial(n, 1/7): sd ≈ 292; allow 5 sd.
        Assert.All(counts, c => Assert.InRange(c, 100_000 - 1500, 100_000 + 1500));
    }

    [Fact]
    public void Patient_streams_depend_on_every_part_of_the_key()
    {
        ulong Draw(ulong seed, int rep, int stream, long patient, int visit) =>
            RandomStreams.ForPatientVisit(seed, rep, stream, patient, visit).NextUInt64();

        ulong baseline = Draw(1, 0, 0, 0, 0);
        Assert.Equal(baseline, Draw(1, 0, 0, 0, 0));
        Assert.NotEqual(baseline, Draw(2, 0, 0, 0, 0));
        Assert.NotEqual(baseline, Draw(1, 1, 0, 0, 0));
        Assert.NotEqual(baseline, Draw(1, 0, 1, 0, 0));
        Assert.NotEqual(baseline, Draw(1, 0, 0, 1, 0));
        Assert.NotEqual(baseline, Draw(1, 0, 0, 0, 1));
        Assert.NotEqual(RandomStreams.ForArrivals(1, 0, 0).NextUInt64(), baseline);
    }

    [Fact]
    public void Resampling_streams_depend_on_every_part_of_the_key_and_are_apart_from_the_model_streams()
    {
        ulong Draw(ulong seed, int replicate, int purpose) => RandomStreams.ForResampling(seed, replicate, purpose).NextUInt64();

        ulong baseline = Draw(1, 0, 0);
        Assert.Equal(baseline, Draw(1, 0, 0));
        Assert.NotEqual(baseline, Draw(2, 0, 0));
        Assert.NotEqual(baseline, Draw(1, 1, 0));
        Assert.NotEqual(baseline, Draw(1, 0, 1));
        Assert.NotEqual(RandomStreams.ForModel(1, 0, 0).NextUInt64(), baseline);
    }

    [Fact]
    public void Neighbouring_patient_streams_are_uncorrelated()
    {
        // Correlation between the first draw of patient i and of patient i + 1 in the same stream.
        const int n = 200_000;
        double sx = 0, sy = 0, sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double x = RandomStreams.ForPatientVisit(9, 0, 0, i, 0).NextDouble();
            double y = RandomStreams.ForPatientVisit(9, 0, 0, i + 1, 0).NextDouble();
            sx += x; sy += y; sxy += x * y; sxx += x * x; syy += y * y;
        }
        double cov = (sxy / n) - (sx / n * (sy / n));
        double r = cov / Math.Sqrt(((sxx / n) - (sx / n * (sx / n))) * ((syy / n) - (sy / n * (sy / n))));
        // sd of r ≈ 1/sqrt(n) ≈ 0.0022; allow 5 sd.
        Assert.InRange(r, -0.011, 0.011);
    }
}
