using ServerlessSim.Cost;
using ServerlessSim.Engine;
using ServerlessSim.Platform;
using ServerlessSim.Policies;

namespace ServerlessSim.Experiments;

/// <summary>A complete experiment: the functions and their traffic, the policies to compare, the horizon and the seed.</summary>
/// <remarks>
/// The functions share the account and its concurrency limit, as on AWS Lambda, where every function of an account
/// in a region draws from one pool (1,000 by default). Each policy is applied to every function.
/// </remarks>
/// <param name="Name">A name for reports.</param>
/// <param name="Functions">The functions of the account, each with its own traffic (at least one, unique names).</param>
/// <param name="Policies">The execution models to compare on the same traffic (at least one, unique names).</param>
/// <param name="Horizon">How long arrivals last; in-flight requests are drained after it.</param>
/// <param name="WarmUp">The start of the run excluded from every statistic (it must end before the horizon).</param>
/// <param name="Seed">The seed from which every random substream is derived.</param>
/// <param name="Replications">Independent replications per policy (1..10,000); with two or more, results carry 95% confidence half-widths.</param>
/// <param name="Account">The account; null for the defaults (limit 1,000).</param>
/// <param name="TimeSeriesStep">The step of the time series; null for 1 s, or horizon / 2,000 past 2,000 s.</param>
/// <param name="Prices">Prices; null for <see cref="PriceTable.Default"/>.</param>
public sealed record Scenario(
    string Name,
    IReadOnlyList<FunctionDefinition> Functions,
    IReadOnlyList<PolicyOptions> Policies,
    SimDuration Horizon,
    SimDuration WarmUp,
    long Seed = 1,
    int Replications = 1,
    AccountOptions? Account = null,
    SimDuration? TimeSeriesStep = null,
    PriceTable? Prices = null)
{
    /// <summary>A scenario with one function (the common case); the other parameters as in the primary constructor.</summary>
    public Scenario(
        string Name,
        FunctionDefinition Function,
        IReadOnlyList<PolicyOptions> Policies,
        SimDuration Horizon,
        SimDuration WarmUp,
        long Seed = 1,
        int Replications = 1,
        AccountOptions? Account = null,
        SimDuration? TimeSeriesStep = null,
        PriceTable? Prices = null)
        : this(Name, [Function], Policies, Horizon, WarmUp, Seed, Replications, Account, TimeSeriesStep, Prices)
    {
    }

    /// <summary>The scenario's only function; setting it replaces the list with that one function.</summary>
    /// <exception cref="InvalidOperationException">The scenario has several functions: use <see cref="Functions"/>.</exception>
    public FunctionDefinition Function
    {
        get => Functions.Count == 1
            ? Functions[0]
            : throw new InvalidOperationException($"Scenario '{Name}' has {Functions.Count} functions; use Functions.");
        init => Functions = [value];
    }

    /// <summary>Prints the scenario's members for <see cref="object.ToString"/>, without <see cref="Function"/> (which throws with several functions).</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"Name = {Name}, Functions = [{string.Join(", ", Functions?.Select(f => f?.Name) ?? [])}], Policies = [{string.Join(", ", Policies?.Select(p => p?.Name) ?? [])}], ");
        builder.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"Horizon = {Horizon}, WarmUp = {WarmUp}, Seed = {Seed}, Replications = {Replications}, Account = {Account}, TimeSeriesStep = {TimeSeriesStep}");
        return true;
    }

    /// <summary>The most time-series points a run keeps by default.</summary>
    public const int DefaultMaxTimeSeriesPoints = 2000;

    /// <summary>The account, defaults applied.</summary>
    public AccountOptions EffectiveAccount => Account ?? new AccountOptions();

    /// <summary>The prices, defaults applied.</summary>
    public PriceTable EffectivePrices => Prices ?? PriceTable.Default;

    /// <summary>The time-series step, defaults applied.</summary>
    public SimDuration EffectiveTimeSeriesStep =>
        TimeSeriesStep ?? SimDuration.FromSeconds(Math.Max(1.0, Horizon.Seconds / DefaultMaxTimeSeriesPoints));
}
