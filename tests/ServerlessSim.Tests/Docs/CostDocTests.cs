using System.Globalization;
using ServerlessSim.Cost;
using ServerlessSim.Tests.Configuration;

namespace ServerlessSim.Tests.Docs;

/// <summary>docs/cost.md's price table is the shipped one, and its worked example is what the billing models compute.</summary>
public class CostDocTests
{
    private static string[] Lines => File.ReadAllLines(Path.Combine(ExampleFiles.Directory, "..", "cost.md"));

    [Test]
    public void The_price_table_in_the_docs_is_the_shipped_one_row_for_row()
    {
        var lines = Lines;
        var table = lines.SkipWhile(l => !l.StartsWith("<!-- price rows", StringComparison.Ordinal)).Skip(3).TakeWhile(l => l.StartsWith('|')).ToArray();

        table.Select(l => l.Split('`')[1]).Should().Equal(PriceTable.Default.Rows.Select(r => r.Key));
        foreach (var row in PriceTable.Default.Rows)
        {
            table.Should().Contain(l => l.StartsWith($"| `{row.Key}` | {row.Value.ToString(CultureInfo.InvariantCulture)} |", StringComparison.Ordinal), row.Key);
        }
    }

    /// <remarks>One million 100 ms requests at 1 GB, 1,000 a second: one per instance, or all on one instance never idle for 1,000 s.</remarks>
    [Test]
    public void The_worked_example_is_what_the_billing_models_bill()
    {
        var onePerInstance = Usage.Empty(1024, 1) with
        {
            CompletedRequests = 1_000_000,
            Executions = MeteredTime.Repeat(0.1, 1_000_000),
            ActivePeriods = MeteredTime.Repeat(0.1, 1_000_000),
            ExecutingPeriods = MeteredTime.Repeat(0.1, 1_000_000),
        };
        var sharing = Usage.Empty(1024, 1) with
        {
            CompletedRequests = 1_000_000,
            ActivePeriods = MeteredTime.Of(1000),
            ExecutingPeriods = MeteredTime.Of(1000),
            Lifetimes = MeteredTime.Of(1000),
            BusyInstanceSeconds = 1000,
        };
        (string Row, BillingOptions Billing, Usage Usage)[] rows =
        [
            ("| `lambdaPerRequest` x86 | one request each |", new(BillingModel.LambdaPerRequest), onePerInstance),
            ("| `lambdaPerRequest` Arm | one request each |", new(BillingModel.LambdaPerRequest, Arm: true), onePerInstance),
            ("| `cloudRunRequestBased` | one request each |", new(BillingModel.CloudRunRequestBased), onePerInstance),
            ("| `cloudRunRequestBased` | sharing one |", new(BillingModel.CloudRunRequestBased), sharing),
            ("| `cloudRunInstanceBased` | sharing one |", new(BillingModel.CloudRunInstanceBased), sharing),
            ("| `azureFlexConsumption` | one request each |", new(BillingModel.AzureFlexConsumption), onePerInstance),
            ("| `azureFlexConsumption` | sharing one |", new(BillingModel.AzureFlexConsumption), sharing),
            ("| `lambdaManagedInstances` | sharing one |", new(BillingModel.LambdaManagedInstances), sharing),
        ];
        var lines = Lines;

        foreach (var (row, billing, usage) in rows)
        {
            var bill = BillingPolicies.Create(billing, PriceTable.Default).Bill(usage).TotalUsd;
            lines.Should().ContainSingle(l => l.StartsWith(row, StringComparison.Ordinal) && l.EndsWith($"| {bill.ToString("0.#####", CultureInfo.InvariantCulture)} |", StringComparison.Ordinal), row);
        }
    }
}
