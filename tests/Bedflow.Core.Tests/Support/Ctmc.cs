namespace Bedflow.Core.Tests.Support;

/// <summary>
/// A continuous-time Markov chain built by exploring states from a start state, solved for its
/// stationary distribution by Gauss–Seidel iteration on πQ = 0 (sparse, exact to ~1e-13).
/// </summary>
internal sealed class Ctmc<TState> where TState : notnull
{
    private readonly List<TState> _states = [];
    private readonly Dictionary<TState, int> _index = [];
    private readonly List<List<(int To, double Rate)>> _out = [];

    public Ctmc(TState start, Func<TState, IEnumerable<(TState To, double Rate)>> transitions)
    {
        Add(start);
        for (int i = 0; i < _states.Count; i++)
        {
            foreach (var (to, rate) in transitions(_states[i]))
            {
                if (rate <= 0 || EqualityComparer<TState>.Default.Equals(to, _states[i]))
                {
                    continue;
                }
                _out[i].Add((Add(to), rate));
            }
        }
    }

    public int Count => _states.Count;

    private int Add(TState s)
    {
        if (_index.TryGetValue(s, out int i))
        {
            return i;
        }
        _index[s] = _states.Count;
        _states.Add(s);
        _out.Add([]);
        return _states.Count - 1;
    }

    /// <summary>The stationary distribution as state → probability.</summary>
    public IReadOnlyDictionary<TState, double> Solve()
    {
        int n = _states.Count;
        var incoming = new List<(int From, double Rate)>[n];
        var exitRate = new double[n];
        for (int i = 0; i < n; i++)
        {
            incoming[i] = [];
        }
        for (int i = 0; i < n; i++)
        {
            foreach (var (to, rate) in _out[i])
            {
                incoming[to].Add((i, rate));
                exitRate[i] += rate;
            }
        }
        var pi = Enumerable.Repeat(1.0 / n, n).ToArray();
        for (int sweep = 0; sweep < 200_000; sweep++)
        {
            double change = 0;
            for (int j = 0; j < n; j++)
            {
                double inflow = 0;
                foreach (var (from, rate) in incoming[j])
                {
                    inflow += pi[from] * rate;
                }
                double next = inflow / exitRate[j];
                change = Math.Max(change, Math.Abs(next - pi[j]));
                pi[j] = next;
            }
            double total = pi.Sum();
            for (int j = 0; j < n; j++)
            {
                pi[j] /= total;
            }
            if (change < 1e-15)
            {
                break;
            }
        }
        var result = new Dictionary<TState, double>();
        for (int i = 0; i < n; i++)
        {
            result[_states[i]] = pi[i];
        }
        return result;
    }
}
