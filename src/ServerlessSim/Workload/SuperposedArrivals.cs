using ServerlessSim.Randomness;

namespace ServerlessSim.Workload;

/// <summary>The superposition of independent arrival processes: every arrival of every component, merged in time order.</summary>
/// <remarks>
/// E.g. steady Poisson background traffic plus an on/off burst source; or several trace functions replayed as one.
/// The merged rate is the sum of the components' rates, and so are the expected arrivals. Components share the
/// run's arrival substream, each drawing as it is advanced; every draw is a fresh uniform, so they stay
/// independent. Immutable and thread-safe.
/// </remarks>
public sealed record SuperposedArrivals : ArrivalProcess
{
    /// <summary>The merge of <paramref name="components"/>; see <see cref="ArrivalProcess.Superpose"/>.</summary>
    /// <exception cref="ArgumentException">No components, or a null one.</exception>
    public SuperposedArrivals(IReadOnlyList<ArrivalProcess> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        if (components.Count == 0 || components.Any(c => c is null))
        {
            throw new ArgumentException("A superposition needs at least one component, and none may be null.", nameof(components));
        }

        Components = components.ToArray();
    }

    /// <summary>The merged processes.</summary>
    public IReadOnlyList<ArrivalProcess> Components { get; }

    /// <inheritdoc />
    public override string ProcessName => "superposition";

    /// <inheritdoc />
    public override double ExpectedArrivals(double fromSeconds, double toSeconds) => Components.Sum(c => c.ExpectedArrivals(fromSeconds, toSeconds));

    /// <inheritdoc />
    public override string Describe() => $"superposition of {Components.Count}: " + string.Join(" + ", Components.Select(c => c.Describe()));

    /// <inheritdoc />
    public override IArrivalStream CreateStream(RandomStream random) =>
        new SuperposedStream(Components.Select(c => c.CreateStream(random)).ToArray());
}
