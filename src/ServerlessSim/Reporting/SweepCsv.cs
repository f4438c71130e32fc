using System.Globalization;
using System.Text;
using ServerlessSim.Experiments.Sweeps;

namespace ServerlessSim.Reporting;

/// <summary>Writes a sweep's results as one tidy CSV: one row per point x policy x metric.</summary>
public static class SweepCsv
{
    /// <summary>
    /// The CSV: <c>point</c>, one column per parameter (named by its path; strings without quotes), then
    /// <c>policy,metric,mean,ci95HalfWidth,replications</c>. RFC 4180, invariant culture, "\n" line ends.
    /// </summary>
    public static string ToCsv(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder("point");
        foreach (var parameter in result.Header.Parameters)
        {
            csv.Append(',').Append(CsvWriters.Quote(parameter));
        }

        csv.Append(",policy,metric,mean,ci95HalfWidth,replications\n");
        foreach (var point in result.Points)
        {
            var prefix = new StringBuilder(point.Index.ToString(CultureInfo.InvariantCulture));
            foreach (var value in point.Values)
            {
                prefix.Append(',').Append(CsvWriters.Quote(SweepParameter.Display(value)));
            }

            foreach (var row in point.Rows)
            {
                csv.Append(prefix).Append(',').Append(CsvWriters.Quote(row.Policy)).Append(',').Append(row.Metric).Append(',')
                   .Append(CsvWriters.Number(row.Mean)).Append(',')
                   .Append(row.HalfWidth95 is { } h ? CsvWriters.Number(h) : string.Empty).Append(',')
                   .Append(row.Replications.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return csv.ToString();
    }
}
