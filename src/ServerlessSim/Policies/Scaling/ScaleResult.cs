namespace ServerlessSim.Policies.Scaling;

/// <summary>An autoscaler's decision.</summary>
/// <param name="DesiredInstances">Instances wanted (ready or initialising), bounds applied.</param>
/// <param name="Panicking">Whether the autoscaler is in a panic (burst) mode, where it only scales up (Knative).</param>
public readonly record struct ScaleResult(int DesiredInstances, bool Panicking = false);
