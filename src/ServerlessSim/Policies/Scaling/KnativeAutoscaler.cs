namespace ServerlessSim.Policies.Scaling;

/// <summary>The Knative Pod Autoscaler's decision (autoscaler.go) followed by its scaler's bounds and scale to zero (scaler.go).</summary>
/// <remarks>
/// Each tick: desired pods = ceil(observed concurrency / (target x utilisation)) over the stable window, and over
/// the panic window; both kept within [ready / max-scale-down-rate, ready x max-scale-up-rate]. E.g. target 100 x 0.7
/// = 70, 150 requests on average over 60 s, 2 ready pods: ceil(150 / 70) = 3, within [floor(2 / 2), ceil(1000 x 2)]
/// = [1, 2000]: 3 pods. Panic starts when the panic window wants at least 200% of the ready pods (E.g. 2 ready pods,
/// 6 s average 290: ceil(290 / 70) = 5, 5 / 2 = 2.5 >= 2: panic), lasts until the panic window has stayed below the
/// threshold for a whole stable window, and never scales down meanwhile. The last pod goes once the decision has
/// been zero for the scale-to-zero grace period.
/// </remarks>
internal sealed class KnativeAutoscaler : IAutoscaler
{
    private readonly KnativeScalingOptions _options;
    private readonly HoldWindow _delay;
    private double? _panicSince;
    private int _maxPanicPods;
    private double? _zeroSince;

    public KnativeAutoscaler(KnativeScalingOptions options)
    {
        _options = options;
        _delay = new HoldWindow(options.ScaleDownDelay.Seconds);
    }

    public int InitialInstances => Math.Max(_options.InitialScale, _options.MinInstances);

    public ScaleResult Scale(double nowSeconds, in AutoscalerContext context)
    {
        var spec = _options;

        // With no ready pod the rates are taken from one, so that a revision at zero can start scaling.
        double ready = Math.Max(1, context.ReadyInstances);
        var stable = context.AverageConcurrency(spec.StableWindow.Seconds);
        var panic = context.AverageConcurrency(spec.PanicWindow.Seconds);

        // Make sure the rates never hold the count still: ceil lets it grow by at least one pod. E.g. rate 1.1,
        // 2 ready pods, 3 wanted: ceil(1.1 x 2) = 3 rather than 2.2 -> 2.
        var maxScaleUp = Math.Ceiling(spec.MaxScaleUpRate * ready);
        var maxScaleDown = Math.Floor(ready / spec.MaxScaleDownRate);
        var stablePods = Math.Ceiling(stable / spec.TargetValue);
        var panicPods = Math.Ceiling(panic / spec.TargetValue);
        if (context.CurrentConcurrency > 0)
        {
            // The activator's poke: a request waiting now wants a pod even before any window has seen it (it
            // arrived this instant), as Knative's activation scale of 1 does.
            stablePods = Math.Max(stablePods, 1);
            panicPods = Math.Max(panicPods, 1);
        }

        var desiredStable = (int)Math.Min(Math.Max(stablePods, maxScaleDown), maxScaleUp);
        var desiredPanic = (int)Math.Min(Math.Max(panicPods, maxScaleDown), maxScaleUp);

        var overThreshold = panicPods / ready >= spec.PanicThresholdPercentage / 100;
        if (overThreshold)
        {
            // Enter panic, or extend it: it lasts a stable window past the last time over the threshold.
            _panicSince = nowSeconds;
        }
        else if (_panicSince is { } since && since + spec.StableWindow.Seconds < nowSeconds)
        {
            _panicSince = null;
            _maxPanicPods = 0;
        }

        var desired = desiredStable;
        var panicking = _panicSince is not null;
        if (panicking)
        {
            // Provision for the larger of the two windows, and never scale down while panicking.
            _maxPanicPods = Math.Max(_maxPanicPods, Math.Max(desiredStable, desiredPanic));
            desired = _maxPanicPods;
        }

        desired = _delay.Record(nowSeconds, desired);
        desired = Math.Clamp(desired, spec.MinInstances, Math.Max(spec.MinInstances, spec.EffectiveMaxInstances));
        return new ScaleResult(ToZeroAfterGrace(nowSeconds, desired, context.Instances), panicking);
    }

    // The last pod goes only after the decision has been zero for the grace period (the activator must have been in
    // the request path that long); until then one stays. A pool already at zero stays there.
    private int ToZeroAfterGrace(double nowSeconds, int desired, int instances)
    {
        if (desired > 0)
        {
            _zeroSince = null;
            return desired;
        }

        _zeroSince ??= nowSeconds;
        return instances == 0 || nowSeconds - _zeroSince.Value >= _options.ScaleToZeroGracePeriod.Seconds ? 0 : 1;
    }
}
