using ServerlessSim.Configuration;
using ServerlessSim.Cost;

namespace ServerlessSim.Tests.Cost;

/// <summary>Loading a user's price file: rows override the shipped ones; every problem is reported with file, path, value and rule.</summary>
public class PriceTableFileTests
{
    private static IReadOnlyList<string> Errors(string json, string source = "my-prices.json")
    {
        var act = () => PriceTableFile.Parse(json, source);
        return act.Should().Throw<ScenarioValidationException>().Which.Errors.Select(e => e.ToString()).ToArray();
    }

    [Test]
    public void A_file_overrides_only_the_rows_it_gives()
    {
        var table = PriceTableFile.Parse("""
            // negotiated prices
            { "lambda": { "x86UsdPerGbSecond": { "value": 0.000015, "source": "contract 42", "date": "2026-10-01", "note": "EDP" } },
              "sqs": { "requestUsdPerMillion": { "value": 0.5, "source": "https://aws.amazon.com/sqs/pricing/", "date": "2026-11-26", "note": "FIFO" }, } }
            """, "my-prices.json");

        table[PriceKeys.LambdaX86UsdPerGbSecond].Should().Be(new PriceRow(PriceKeys.LambdaX86UsdPerGbSecond, 0.000015m, "contract 42", "2026-10-01", [], "EDP"));
        table[PriceKeys.SqsRequestUsdPerMillion].Value.Should().Be(0.5m);
        table[PriceKeys.LambdaArmUsdPerGbSecond].Should().Be(PriceTable.Default[PriceKeys.LambdaArmUsdPerGbSecond]);
        table.Source.Should().Be("built-in prices.json; 2 rows from my-prices.json");
    }

    [Test]
    public void Values_are_read_exactly_as_written()
    {
        var table = PriceTableFile.Parse("""
            { "lambda": { "armUsdPerGbSecond": { "value": 1.33334e-5, "tiers": [ { "above": 7.5e9, "value": 0.0000120001 } ], "source": "s", "date": "2026-11-26" } } }
            """);

        table[PriceKeys.LambdaArmUsdPerGbSecond].Value.Should().Be(0.0000133334m);
        table[PriceKeys.LambdaArmUsdPerGbSecond].Tiers.Should().Equal(new PriceTier(7_500_000_000, 0.0000120001m));
    }

    [Test]
    public void A_file_can_override_a_table_other_than_the_shipped_one()
    {
        var base1 = PriceTableFile.Parse("""{ "sqs": { "freeTierRequests": { "value": 0, "source": "s", "date": "2026-11-26" } } }""", "a.json");

        var table = PriceTableFile.Parse("""{ "sqs": { "requestUsdPerMillion": { "value": 1, "source": "s", "date": "2026-11-26" } } }""", "b.json", base1);

        (table[PriceKeys.SqsFreeTierRequests].Value, table[PriceKeys.SqsRequestUsdPerMillion].Value).Should().Be((0m, 1m));
        table.Source.Should().Be("built-in prices.json; 1 row from a.json; 1 row from b.json");
    }

    [Test]
    public void Malformed_JSON_names_the_file_and_line()
    {
        Errors("{\n  \"lambda\": { ]\n}").Should().ContainSingle().Which.Should().StartWith("my-prices.json:2: \"lambda\": { ] is not valid JSON at column");
    }

    [Test]
    public void Missing_fields_of_a_row_are_each_reported()
    {
        Errors("""{ "cloudRun": { "requestUsdPerMillion": { "note": "x" } } }""").Should().BeEquivalentTo(
            "my-prices.json:cloudRun.requestUsdPerMillion.value: (missing) is required; must be a number from 0 to 1000000 (USD per million requests)",
            "my-prices.json:cloudRun.requestUsdPerMillion.source: (missing) is required; must be a non-empty string",
            "my-prices.json:cloudRun.requestUsdPerMillion.date: (missing) is required; must be a non-empty string");
    }

    [Test]
    public void Negative_prices_and_bad_values_are_reported_together_with_their_rule()
    {
        var errors = Errors("""
            { "lambda": { "requestUsdPerMillion": { "value": -0.2, "source": "s", "date": "2026-11-26" },
                          "x86UsdPerGbSecond": { "value": "0.0000166667", "source": "s", "date": "2026-11-31" } },
              "lambdaManagedInstances": { "instanceVCpus": { "value": 0, "source": "s", "date": "2026-11-26" } } }
            """);

        errors.Should().BeEquivalentTo(
            "my-prices.json:lambda.requestUsdPerMillion.value: -0.2 must be a number from 0 to 1000000 (USD per million requests)",
            "my-prices.json:lambda.x86UsdPerGbSecond.value: \"0.0000166667\" must be a number from 0 to 1000000 (USD per GB-second)",
            "my-prices.json:lambda.x86UsdPerGbSecond.date: \"2026-11-31\" must be a date written yyyy-mm-dd: when the value was read",
            "my-prices.json:lambdaManagedInstances.instanceVCpus.value: 0 must be a number greater than 0 and at most 1000000000000000 (vCPUs)");
    }

    [Test]
    public void Unknown_sections_rows_and_fields_get_a_suggestion()
    {
        var errors = Errors("""
            { "lamda": {},
              "cloudRun": { "requestBasedUsdPerVcpuSecond": { "value": 1, "source": "s", "date": "2026-11-26" },
                            "requestUsdPerMillion": { "vaule": 1, "value": 1, "source": "s", "date": "2026-11-26" } } }
            """);

        errors.Should().BeEquivalentTo(
            "my-prices.json:lamda: \"lamda\" is not a known field; did you mean \"lambda\"?",
            "my-prices.json:cloudRun.requestBasedUsdPerVcpuSecond: \"requestBasedUsdPerVcpuSecond\" is not a known field; did you mean \"requestBasedUsdPerVCpuSecond\"?",
            "my-prices.json:cloudRun.requestUsdPerMillion.vaule: \"vaule\" is not a known field; did you mean \"value\"?");
    }

    [Test]
    public void Tiers_must_rise_and_only_Lambdas_GB_second_prices_have_them()
    {
        var errors = Errors("""
            { "lambda": { "x86UsdPerGbSecond": { "value": 1, "source": "s", "date": "2026-11-26",
                                                  "tiers": [ { "above": 6e9, "value": 0.5 }, { "above": 6e9, "value": -1 } ] } },
              "sqs": { "requestUsdPerMillion": { "value": 1, "source": "s", "date": "2026-11-26", "tiers": [ { "above": 1, "value": 1 } ] } } }
            """);

        errors.Should().BeEquivalentTo(
            "my-prices.json:lambda.x86UsdPerGbSecond.tiers[1].above: 6000000000 must be greater than the previous tier's (6000000000); thresholds must strictly increase",
            "my-prices.json:lambda.x86UsdPerGbSecond.tiers[1].value: -1 must be a number from 0 to 1000000 (USD per GB-second)",
            "my-prices.json:sqs.requestUsdPerMillion.tiers: 1 tier(s) are not allowed here: only Lambda's GB-second prices have volume tiers");
    }

    [Test]
    public void A_document_that_is_not_an_object_is_reported_against_the_file()
    {
        Errors("[1, 2]").Should().ContainSingle().Which.Should().StartWith("my-prices.json: [1, 2] must be a price table: an object with fields: lambda, lambdaManagedInstances, cloudRun, azureFlexConsumption, sqs");
    }

    [Test]
    public void A_missing_file_is_reported_with_its_path()
    {
        var act = () => PriceTableFile.Load("no-such-prices.json");

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle()
            .Which.ToString().Should().Be("no-such-prices.json: \"no-such-prices.json\" file not found");
    }
}
