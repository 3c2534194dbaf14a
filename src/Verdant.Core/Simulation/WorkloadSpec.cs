namespace Verdant.Core.Simulation;

/// <summary>
/// The real job the simulated training stands for: the FLOPs one local step represents (sets how long a round lasts on
/// each unit's hardware) and the bytes of one model copy sent to one neighbour (sets communication time and energy).
/// Learning dynamics come from the model actually trained; time, energy and bytes from this job (docs/simulation.md).
/// </summary>
public sealed record WorkloadSpec
{
    /// <summary>Creates a validated workload.</summary>
    public WorkloadSpec(double flopsPerStep, double messageBytes)
    {
        if (!(flopsPerStep > 0 && double.IsFinite(flopsPerStep)))
        {
            throw new ArgumentOutOfRangeException(nameof(flopsPerStep), flopsPerStep, "FLOPs per step must be positive.");
        }

        if (!(messageBytes >= 0 && double.IsFinite(messageBytes)))
        {
            throw new ArgumentOutOfRangeException(nameof(messageBytes), messageBytes, "Message bytes must not be negative.");
        }

        FlopsPerStep = flopsPerStep;
        MessageBytes = messageBytes;
    }

    /// <summary>
    /// The trained model itself as the job: FLOPs per step = training FLOPs per example x batch (forward and backward,
    /// <see cref="Models.ModelSpec.TrainFlopsPerExample"/>), message = its parameters as float32. For edge-device scenarios
    /// where the trained model is the deployed one.
    /// </summary>
    public static WorkloadSpec FromModel(Models.ModelSpec model, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return new WorkloadSpec((double)model.TrainFlopsPerExample * batchSize, model.ParameterCount * (double)sizeof(float))
        {
            DerivedFromModel = true,
        };
    }

    /// <summary>True when the job is the trained model itself (<c>workload.from_model: true</c>).</summary>
    public bool DerivedFromModel { get; init; }

    /// <summary>FLOPs of one local step of the represented job.</summary>
    public double FlopsPerStep { get; }

    /// <summary>Bytes of one model copy on the wire.</summary>
    public double MessageBytes { get; }

    /// <summary>
    /// Spread of a unit's compute time from round to round: each round's time is the nominal one times a seeded log-normal
    /// factor of mean 1 and this log-standard-deviation (0: deterministic). Real clusters see such stragglers.
    /// </summary>
    public double StepTimeJitter { get; init; }
}
