using BenchmarkDotNet.Attributes;

namespace ServerlessSim.Benchmarks;

/// <summary>Adds the <see cref="RequestsPerSecondColumn"/> to a benchmark class's summary.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequestsPerSecondColumnAttribute() : ColumnConfigBaseAttribute(new RequestsPerSecondColumn());
