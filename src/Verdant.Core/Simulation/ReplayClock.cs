namespace Verdant.Core.Simulation;

/// <summary>
/// The scenario's clock replayed against a wall clock: <see cref="TimeScale"/> simulated seconds pass per wall second
/// from <see cref="StartUtc"/> on, counted from the moment the clock is made. The wall clock is a
/// <see cref="TimeProvider"/> passed in (the system's in a real run, a fake one in tests), so nothing here reads the time.
/// </summary>
public sealed class ReplayClock
{
    private readonly TimeProvider _wall;
    private long _startTimestamp;

    /// <summary>Starts replaying at <paramref name="startUtc"/> now, <paramref name="timeScale"/> simulated seconds per wall second.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeScale"/> is not a positive finite number.</exception>
    public ReplayClock(TimeProvider wall, DateTimeOffset startUtc, double timeScale)
    {
        ArgumentNullException.ThrowIfNull(wall);
        if (!(timeScale > 0 && double.IsFinite(timeScale)))
        {
            throw new ArgumentOutOfRangeException(nameof(timeScale), timeScale, "The time scale must be a positive finite number.");
        }

        _wall = wall;
        StartUtc = startUtc;
        TimeScale = timeScale;
        _startTimestamp = wall.GetTimestamp();
    }

    /// <summary>The simulated instant the replay started at.</summary>
    public DateTimeOffset StartUtc { get; }

    /// <summary>Simulated seconds per wall second.</summary>
    public double TimeScale { get; }

    /// <summary>Starts the replay over from <see cref="StartUtc"/> now (a run calls it once set up, just before its first round).</summary>
    public void Restart() => _startTimestamp = _wall.GetTimestamp();

    /// <summary>Wall seconds since the replay started.</summary>
    public double WallSeconds => _wall.GetElapsedTime(_startTimestamp).TotalSeconds;

    /// <summary>The simulated instant now: start + wall seconds elapsed x time scale.</summary>
    /// <remarks>Held below the last representable instant, so an absurd scale saturates instead of throwing.</remarks>
    public DateTimeOffset Now => StartUtc + TimeSpan.FromSeconds(Math.Min(WallSeconds * TimeScale, (DateTimeOffset.MaxValue - StartUtc).TotalSeconds / 2));

    /// <summary>Blocks until the simulated clock reaches <paramref name="targetUtc"/> (see <see cref="WaitUntilAsync"/>).</summary>
    public void WaitUntil(DateTimeOffset targetUtc, CancellationToken cancellationToken = default)
        => WaitUntilAsync(targetUtc, cancellationToken).GetAwaiter().GetResult();

    /// <summary>
    /// Completes when the simulated clock reaches <paramref name="targetUtc"/> (at once when it has), waiting on the wall
    /// clock's timers: with a fake clock it completes when the test advances it that far. The first timer is set before
    /// this returns.
    /// </summary>
    public async Task WaitUntilAsync(DateTimeOffset targetUtc, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            double wallS = (targetUtc - Now).TotalSeconds / TimeScale;
            if (wallS <= 0)
            {
                return;
            }

            // Rounded up to a whole tick so that a wait never ends a tick short of the target and spins.
            var span = TimeSpan.FromTicks(Math.Max(1, (long)Math.Ceiling(wallS * TimeSpan.TicksPerSecond)));
            await Task.Delay(span, _wall, cancellationToken).ConfigureAwait(false);
        }
    }
}
