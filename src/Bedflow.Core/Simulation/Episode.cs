namespace Bedflow.Core.Simulation;

/// <summary>
/// One patient's passage through one service (a Ciw-style record), written when the patient
/// leaves the service, or at the end of the run with <see cref="Exit"/> = NaN if still there.
/// Times are days from day 0.
/// </summary>
/// <param name="Stream">Arrival stream index.</param>
/// <param name="Patient">Patient index within the stream.</param>
/// <param name="Group">Patient group index.</param>
/// <param name="Visit">0 for the first service, 1 for the next…</param>
/// <param name="Service">Service index.</param>
/// <param name="Requested">When the patient asked for a place here (arrival, or ready time at the previous service).</param>
/// <param name="Start">When care here started.</param>
/// <param name="Ready">When the length of stay ended: ready for transfer.</param>
/// <param name="Exit">When the patient left the place (NaN = still there at the end).</param>
/// <param name="Next">Next service index (≥ 0), or an exit as −(exit index + 1); meaningless while open.</param>
public readonly record struct Episode(int Stream, long Patient, int Group, int Visit, int Service,
    double Requested, double Start, double Ready, double Exit, int Next)
{
    /// <summary>Time blocked: exit − ready (0 when not delayed).</summary>
    public double Blocked => Exit - Ready;

    /// <summary>True when the patient was still in the service at the end of the run.</summary>
    public bool IsOpen => double.IsNaN(Exit);
}
