using Verdant.Cluster.Contracts;

namespace Verdant.Cluster.Checkpoints;

/// <summary>What checkpoints cost a run: writes over all units, mean bytes and milliseconds per write (each unit's own write, on its silo).</summary>
public sealed record CheckpointTotals(int Writes, double BytesPerWrite, double MillisecondsPerWrite)
{
    /// <summary>
    /// Sums <see cref="INodeGrain.GetCheckpointInfo"/> over the units of a run; a unit that cannot be reached (its site is
    /// down) is left out. Counts start at each unit's latest activation.
    /// </summary>
    public static CheckpointTotals Collect(IReadOnlyList<INodeGrain> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var infos = new List<CheckpointInfo>(units.Count);
        foreach (INodeGrain unit in units)
        {
            try
            {
                infos.Add(unit.GetCheckpointInfo().WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult());
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException or Hosting.SiteUnavailableException)
            {
                // Its site is gone: its costs are unknown.
            }
        }

        int writes = infos.Sum(i => i.Writes);
        return writes == 0 ? new CheckpointTotals(0, 0, 0)
            : new CheckpointTotals(writes, (double)infos.Sum(i => i.Bytes) / writes, 1e3 * infos.Sum(i => i.WriteSeconds) / writes);
    }
}
