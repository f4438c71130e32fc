namespace ServerlessSim.Configuration;

/// <summary>One problem with an input: where (a JSON path, or file:line), the offending value, and the rule it breaks.</summary>
/// <param name="Path">Where, e.g. <c>policies[1].maxConcurrentPerInstance</c> or <c>trace.csv:12</c>.</param>
/// <param name="Value">The offending value as written (or <c>(missing)</c>).</param>
/// <param name="Rule">The rule, e.g. <c>must be an integer from 1 to 10000</c>.</param>
public sealed record ValidationError(string Path, string Value, string Rule)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Value} {Rule}";
}
