using Bedflow.Core.Calibration;
using Bedflow.Core.Delays;
using Bedflow.Core.Model;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Forecasting;

/// <summary>
/// The census of a register's beds at one moment, as the engine starts from it
/// (<see cref="PatientSnapshot"/>), read with nothing the register learnt after that moment:
/// every stay admitted by then and not discharged by then, its time in bed, and — when it was
/// ready by then — its time ready and where it is on its way out (<see cref="StartingPatient.Steps"/>),
/// from the reasons recorded by then, and how long it has been there. Immutable.
/// </summary>
/// <remarks>
/// A stay's later ready time, discharge or reason is unknown at <see cref="AsOf"/> and is never
/// read ("no peeking"): a stay ready after it is not ready; one discharged after it is in its bed.
/// Register services are matched to the scenario's services by name, as <c>calibrate register</c>
/// matches them; the services the register does not hold keep the scenario's own starting state.
/// </remarks>
public sealed class RegisterSnapshot
{
    private RegisterSnapshot(DateTime asOf, PatientSnapshot snapshot, IReadOnlyList<string> registerServices, int delayedNow, IReadOnlyList<string> problems)
    {
        AsOf = asOf;
        Snapshot = snapshot;
        RegisterServices = registerServices;
        DelayedNow = delayedNow;
        Problems = problems;
    }

    /// <summary>The moment of the census (a local clock time).</summary>
    public DateTime AsOf { get; }

    /// <summary>The patients in the register's beds then, to start a run from (<see cref="Simulation.RunOptions.From"/>).</summary>
    public PatientSnapshot Snapshot { get; }

    /// <summary>The services the register holds stays of (up to <see cref="AsOf"/>), by name, in order: the census covers them (<see cref="PatientSnapshot.Services"/>), so they start from it alone, not from the scenario's <c>start:</c>.</summary>
    public IReadOnlyList<string> RegisterServices { get; }

    /// <summary>Adults ready for transfer and still in a SitRep bed at <see cref="AsOf"/>: the patients delayed now (the persistence forecast).</summary>
    public int DelayedNow { get; }

    /// <summary>Why no run can start from this census (a register service the scenario lacks, a moment before the scenario starts); empty when it can.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>
    /// The census of <paramref name="stays"/> at <paramref name="asOf"/> for <paramref name="network"/>.
    /// Patients are listed by service (in the network's order), then by admission time and register key,
    /// so the same register gives the same list (each patient's random draws are keyed by its place).
    /// </summary>
    public static RegisterSnapshot Of(Network network, IEnumerable<ObservedStay> stays, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stays);
        var known = stays.Where(s => s.Stay.Admitted <= asOf).ToList();
        var problems = new List<string>();
        var registerServices = known.Select(s => s.Stay.Service).Distinct(StringComparer.Ordinal).ToList();
        foreach (string name in registerServices.Order(StringComparer.Ordinal))
        {
            int j = network.ServiceIndex(name);
            if (j < 0)
            {
                problems.Add($"the register has stays in '{name}', which the scenario has no service of that name for (its services: {string.Join(", ", network.Services.Where(s => s.Role != ServiceRole.Resource).Select(s => s.Name))}).");
            }
            else if (network.Services[j].Role == ServiceRole.Resource)
            {
                problems.Add($"the register has stays in '{name}', which the scenario has as a resource (role: resource), not a service with beds.");
            }
        }
        double day = (asOf - network.StartDate.ToDateTime(TimeOnly.MinValue)).TotalDays;
        if (day < 0)
        {
            problems.Add($"the moment {asOf:yyyy-MM-dd HH:mm} is before the scenario's start date {network.StartDate:yyyy-MM-dd}: the scenario's calendar (seasons, changes) has no day for it.");
        }
        var steps = new StepTable(network);
        var inBed = known
            .Where(s => s.Stay.Exit is not { } x || x > asOf)
            .Where(s => network.ServiceIndex(s.Stay.Service) is >= 0 and var j && network.Services[j].Role != ServiceRole.Resource)
            .OrderBy(s => network.ServiceIndex(s.Stay.Service)).ThenBy(s => s.Stay.Admitted).ThenBy(s => s.Patient)
            .ToList();
        var patients = new List<StartingPatient>(inBed.Count);
        int delayed = 0;
        foreach (var (_, stay) in inBed)
        {
            double held = (asOf - stay.Admitted).TotalDays;
            if (stay.Ready is not { } ready || ready > asOf)
            {
                patients.Add(new StartingPatient { Service = stay.Service, InBed = held });
                continue;
            }
            // The reasons recorded by then, in order (later ones are unknown); the last is in force.
            var reasons = stay.Reasons.Where(r => r.From <= asOf).OrderBy(r => r.From).ToList();
            double readyFor = Math.Max(Math.Min((asOf - ready).TotalDays, held), 0);
            delayed += stay.Adult && stay.Beds != SitRepBeds.None ? 1 : 0;
            patients.Add(new StartingPatient
            {
                Service = stay.Service,
                InBed = held,
                ReadyFor = readyFor,
                Steps = steps.For(stay.Service, [.. reasons.Select(r => r.Reason)]),
                // At its step since its reason took effect (since it became ready, with no reason recorded).
                InStep = reasons.Count == 0 ? null : Math.Clamp((asOf - reasons[^1].From).TotalDays, 0, readyFor),
                Choice = reasons.Count > 0 && reasons[^1].Reason == DelayReason.G,
            });
        }
        var ordered = network.Services.Select(s => s.Name).Where(n => registerServices.Contains(n, StringComparer.Ordinal)).ToList();
        return new RegisterSnapshot(asOf, new PatientSnapshot(Math.Max(day, 0), patients, ordered), ordered, delayed, problems);
    }
}
