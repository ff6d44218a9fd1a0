namespace Bedflow.Core.Simulation;

/// <summary>
/// A binary min-heap of events ordered by (time, insertion sequence): events at the same instant
/// run in the order they were scheduled, so runs are deterministic. Entries are structs; the
/// array grows by doubling and is never shrunk, so steady state allocates nothing.
/// </summary>
internal sealed class EventQueue
{
    private Entry[] _heap = new Entry[64];
    private long _sequence;

    public int Count { get; private set; }

    public void Push(double time, EventKind kind, int id)
    {
        if (Count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }
        var entry = new Entry(time, _sequence++, kind, id);
        int i = Count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Less(entry, _heap[parent]))
            {
                break;
            }
            _heap[i] = _heap[parent];
            i = parent;
        }
        _heap[i] = entry;
    }

    public ref readonly Entry Peek() => ref _heap[0];

    public Entry Pop()
    {
        var top = _heap[0];
        var last = _heap[--Count];
        int i = 0;
        int half = Count >> 1;
        while (i < half)
        {
            int child = (2 * i) + 1;
            if (child + 1 < Count && Less(_heap[child + 1], _heap[child]))
            {
                child++;
            }
            if (!Less(_heap[child], last))
            {
                break;
            }
            _heap[i] = _heap[child];
            i = child;
        }
        if (Count > 0)
        {
            _heap[i] = last;
        }
        return top;
    }

    private static bool Less(in Entry a, in Entry b) => a.Time < b.Time || (a.Time == b.Time && a.Sequence < b.Sequence);

    internal readonly record struct Entry(double Time, long Sequence, EventKind Kind, int Id);
}

/// <summary>What an event does.</summary>
internal enum EventKind : byte
{
    /// <summary>The next candidate arrival of a stream (id = stream).</summary>
    Arrival,
    /// <summary>A patient's length of stay ends (id = patient slot).</summary>
    ServiceEnd,
    /// <summary>A scheduled capacity change (id = index into the change list).</summary>
    CapacityChange,
    /// <summary>A service's acceptance window opens while patients wait for it (id = service).</summary>
    Opening,
    /// <summary>A patient waiting in its bed for its choice of provider has chosen (id = patient slot).</summary>
    ChoiceEnd,
}
