using Bedflow.Core.Distributions;

namespace Bedflow.Core.Simulation;

/// <summary>
/// The routing and length-of-stay tables in force as a replication's time moves on: the compiled
/// network's epoch (an interval between the boundaries of timed changes) of the current time.
/// Every look-up takes the time and moves to its epoch first, so none can use a stale table.
/// Time only moves forward. Single-threaded; allocates nothing.
/// </summary>
internal sealed class EpochTables
{
    private readonly CompiledNetwork _net;
    private readonly int _groupCount;
    private int _epoch;
    private Distribution[] _lengthOfStay = null!;
    private int[] _routeOffset = null!;
    private double[] _routeCumulative = null!;
    private int[] _routeDestination = null!;

    /// <summary>The tables of <paramref name="net"/>, from its first epoch.</summary>
    public EpochTables(CompiledNetwork net)
    {
        _net = net;
        _groupCount = net.GroupCount;
        Load();
    }

    /// <summary>The length of stay of <paramref name="group"/> at <paramref name="service"/> for a patient asking for its place at <paramref name="now"/>.</summary>
    public Distribution LengthOfStay(int service, int group, double now)
    {
        MoveTo(now);
        return _lengthOfStay[(service * _groupCount) + group];
    }

    /// <summary>
    /// Where a patient of <paramref name="group"/> ready at <paramref name="service"/> at
    /// <paramref name="now"/> goes, by its routing draw <paramref name="draw"/>: ≥ 0 a service,
    /// &lt; 0 exit number −(code + 1).
    /// </summary>
    public int Route(int service, int group, double draw, double now)
    {
        MoveTo(now);
        int row = (service * _groupCount) + group;
        int offset = _routeOffset[row];
        return _routeDestination[offset + Cumulative.Pick(_routeCumulative, offset, _routeOffset[row + 1] - offset, draw)];
    }

    /// <summary>Moves to the epoch of <paramref name="now"/> (time only moves forward) and loads its tables.</summary>
    public void MoveTo(double now)
    {
        if (_epoch + 1 < _net.EpochStart.Length && now >= _net.EpochStart[_epoch + 1])
        {
            do
            {
                _epoch++;
            }
            while (_epoch + 1 < _net.EpochStart.Length && now >= _net.EpochStart[_epoch + 1]);
            Load();
        }
    }

    private void Load()
    {
        _lengthOfStay = _net.EpochLengthOfStay[_epoch];
        _routeOffset = _net.EpochRouteOffset[_epoch];
        _routeCumulative = _net.EpochRouteCumulative[_epoch];
        _routeDestination = _net.EpochRouteDestination[_epoch];
    }
}
