using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Model;

/// <summary>One organisation's share of a service's delays (0 to 1).</summary>
public readonly record struct ResponsibilityShare(Responsibility Who, double Share);

/// <summary>
/// Who the SitRep holds responsible for patients waiting for a service: one organisation, or
/// shares of them — as when a council and its NHS partners attribute a care-package delay to
/// "both" for some patients and to one of them for others. Each delayed patient's wait for the
/// service is attributed to one organisation by a draw of its own (keyed to the patient and the
/// visit, <see cref="Randomness.RandomStreams.ForAttribution"/>), so a patient's delay has one
/// organisation throughout — across its stages too, where their shares agree — the same in every
/// option compared, and the shares hold on average. Immutable.
/// </summary>
public sealed class ResponsibilityMix : IEquatable<ResponsibilityMix>
{
    private readonly ResponsibilityShare[] _shares;
    private readonly double[] _cumulative;

    private ResponsibilityMix(ResponsibilityShare[] shares)
    {
        _shares = shares;
        _cumulative = new double[shares.Length];
        double total = shares.Sum(s => s.Share);
        double running = 0;
        for (int i = 0; i < shares.Length; i++)
        {
            running += shares[i].Share;
            _cumulative[i] = total > 0 ? running / total : (i + 1.0) / shares.Length;
        }
        _cumulative[^1] = 1;
    }

    /// <summary>The organisations and their shares, in the order given (SitRep column order when read from a scenario).</summary>
    public IReadOnlyList<ResponsibilityShare> Shares => _shares;

    /// <summary>Whether one organisation is responsible for every delay.</summary>
    public bool IsSingle => _shares.Length == 1;

    /// <summary>The organisation with the largest share (the first of equals): the one named where a single organisation is shown.</summary>
    public Responsibility Main
    {
        get
        {
            var best = _shares[0];
            foreach (var s in _shares)
            {
                if (s.Share > best.Share)
                {
                    best = s;
                }
            }
            return best.Who;
        }
    }

    /// <summary>One organisation responsible for every delay.</summary>
    public static ResponsibilityMix Of(Responsibility who) => new([new ResponsibilityShare(who, 1)]);

    /// <summary>Shares of organisations, as given (the validator checks they are finite, 0 to 1, sum to 1 and name each organisation once).</summary>
    /// <exception cref="ArgumentException">No shares.</exception>
    public static ResponsibilityMix Of(IEnumerable<ResponsibilityShare> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        var list = shares.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("a responsibility mix needs at least one organisation.", nameof(shares));
        }
        return new ResponsibilityMix(list);
    }

    /// <summary>One organisation responsible for every delay.</summary>
    public static implicit operator ResponsibilityMix(Responsibility who) => Of(who);

    /// <summary>The organisation a delay falls to, for a uniform draw <paramref name="u"/> in [0, 1): by the cumulative shares.</summary>
    public Responsibility Pick(double u)
    {
        for (int i = 0; i < _cumulative.Length - 1; i++)
        {
            if (u < _cumulative[i])
            {
                return _shares[i].Who;
            }
        }
        return _shares[^1].Who;
    }

    /// <inheritdoc/>
    public bool Equals(ResponsibilityMix? other) => other is not null && _shares.AsSpan().SequenceEqual(other._shares);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ResponsibilityMix);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var s in _shares)
        {
            hash.Add(s);
        }
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => IsSingle ? ResponsibilityWords.Code(_shares[0].Who) : string.Join(", ", _shares.Select(s => $"{ResponsibilityWords.Code(s.Who)} {s.Share:P0}"));
}
