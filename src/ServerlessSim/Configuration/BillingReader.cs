using System.Text.Json;
using ServerlessSim.Cost;

namespace ServerlessSim.Configuration;

/// <summary>Reads a policy's <c>billing</c>: a model name, or an object with the model and its options.</summary>
/// <remarks>
/// <c>"billing": "cloudRunRequestBased"</c> is short for <c>"billing": { "model": "cloudRunRequestBased" }</c>;
/// the object form adds <c>arm</c> (Lambda only) and <c>freeTier</c>.
/// </remarks>
internal static class BillingReader
{
    /// <summary>The fields of the object form.</summary>
    public static readonly string[] Fields = ["model", "arm", "freeTier"];

    /// <summary>The model names; <c>instanceTime</c> is the earlier name of Cloud Run's instance-based billing.</summary>
    public static readonly (string Name, BillingModel Value)[] Models =
    [
        ("lambdaPerRequest", BillingModel.LambdaPerRequest),
        ("cloudRunRequestBased", BillingModel.CloudRunRequestBased),
        ("cloudRunInstanceBased", BillingModel.CloudRunInstanceBased),
        ("lambdaManagedInstances", BillingModel.LambdaManagedInstances),
        ("azureFlexConsumption", BillingModel.AzureFlexConsumption),
        ("instanceTime", BillingModel.CloudRunInstanceBased),
    ];

    /// <summary>The billing options at <paramref name="path"/>, or null (with errors) if invalid.</summary>
    /// <param name="element">A model name or an object.</param>
    /// <param name="path">Its JSON path, e.g. <c>policies[1].billing</c>.</param>
    /// <param name="defaultModel">The model when the object names none (the policy's default).</param>
    /// <param name="errors">Where problems go.</param>
    public static BillingOptions? Read(JsonElement element, string path, BillingModel defaultModel, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return JsonValueReader.Choice(element, path, Models, errors) is { } model ? new BillingOptions(model) : null;
        }

        if (JsonObjectReader.Open(element, path, Fields, errors, "must be a billing model name or an object") is not { } reader)
        {
            return null;
        }

        var before = errors.All.Count;
        var chosen = reader.Choice("model", Models) ?? defaultModel;
        var arm = reader.Flag("arm") ?? false;
        var freeTier = reader.Flag("freeTier") ?? false;
        if (arm && chosen != BillingModel.LambdaPerRequest)
        {
            errors.AddShown(reader.PathOf("arm"), "true", ArmRule);
        }

        return errors.All.Count == before ? new BillingOptions(chosen, arm, freeTier) : null;
    }

    /// <summary>The rule for <c>arm</c>, shared with <see cref="ScenarioValidator"/>.</summary>
    public const string ArmRule = "is only allowed with \"model\": \"lambdaPerRequest\" (the other models have no Arm price)";
}
