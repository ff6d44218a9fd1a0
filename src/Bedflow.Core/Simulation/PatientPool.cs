using Bedflow.Core.Randomness;

namespace Bedflow.Core.Simulation;

/// <summary>
/// The patients of one replication: slots of <see cref="PatientState"/> in a growable array,
/// reused through a stack of free slots, and each stream's numbering of its patients with the key
/// of their random streams. Patients are reached by slot, by reference (<see cref="this[int]"/>);
/// a reference is valid until the next <see cref="New"/>, which may grow the array.
/// Single-threaded; allocates only when the number of patients in the system reaches a new high.
/// </summary>
internal sealed class PatientPool
{
    private PatientState[] _patients = new PatientState[256];
    private readonly Stack<int> _freeSlots = new();
    private readonly ulong[] _streamPrefix; // per stream, the key of its patients' random streams
    private readonly long[] _created;       // per stream, patients created so far (the next patient's index)
    private readonly int _groupCount;

    /// <summary>A pool for <paramref name="streams"/> streams of replication <paramref name="replication"/> of a run with <paramref name="seed"/>.</summary>
    public PatientPool(ulong seed, int replication, int streams, int groupCount)
    {
        _streamPrefix = new ulong[streams];
        _created = new long[streams];
        _groupCount = groupCount;
        for (int k = 0; k < streams; k++)
        {
            _streamPrefix[k] = RandomStreams.PatientPrefix(seed, replication, k);
        }
    }

    /// <summary>Slots used so far: every patient ever in the system is in a slot below this.</summary>
    public int SlotsUsed { get; private set; }

    /// <summary>The patient in <paramref name="slot"/>, by reference.</summary>
    public ref PatientState this[int slot] => ref _patients[slot];

    /// <summary>Patients created so far in <paramref name="stream"/> (the next patient's number in it).</summary>
    public long Created(int stream) => _created[stream];

    /// <summary>
    /// A new patient of <paramref name="stream"/>, asking for a place at <paramref name="now"/>: its
    /// group is the first draw of its visit-0 stream, from the cumulative shares at
    /// <paramref name="offset"/> in <paramref name="groupCumulative"/>. Returns its slot.
    /// </summary>
    public int New(int stream, double[] groupCumulative, int offset, double now)
    {
        int p;
        if (_freeSlots.Count > 0)
        {
            p = _freeSlots.Pop();
        }
        else
        {
            if (SlotsUsed == _patients.Length)
            {
                Array.Resize(ref _patients, _patients.Length * 2);
            }
            p = SlotsUsed++;
        }
        long index = _created[stream]++;
        var rng = RandomStreams.ForPatientVisit(_streamPrefix[stream], index, 0);
        int group = Cumulative.Pick(groupCumulative, offset, _groupCount, rng.NextDouble());
        _patients[p] = new PatientState
        {
            Stream = stream,
            Index = index,
            Group = group,
            Visit = 0,
            Target = -1,
            Requested = now,
            Active = true,
            WaitIndex = -1,
            Place = new Stay { Service = -1 },
            Resource = new Stay { Service = -1 },
        };
        return p;
    }

    /// <summary>The random stream of the patient's current visit (keyed by stream, patient and visit: common random numbers).</summary>
    public Xoshiro256StarStar VisitStream(in PatientState patient) =>
        RandomStreams.ForPatientVisit(_streamPrefix[patient.Stream], patient.Index, patient.Visit);

    /// <summary>The random stream of the patient's visit number <paramref name="visit"/> (a key apart from its visits for a draw that belongs to none).</summary>
    public Xoshiro256StarStar StreamOf(in PatientState patient, int visit) =>
        RandomStreams.ForPatientVisit(_streamPrefix[patient.Stream], patient.Index, visit);

    /// <summary>The patient in <paramref name="slot"/> has left the system; the slot is reused.</summary>
    public void Free(int slot)
    {
        _patients[slot].Active = false;
        _freeSlots.Push(slot);
    }
}
