using Verdant.Cluster.Contracts;
using Verdant.Core.Consensus;

namespace Verdant.Cluster.Grains;

// A unit that failed a round (its silo died, or its site had no silo) is "lost": its state is the checkpoint it will be
// reactivated from, or its parameters from before the failure, stale either way. When it answers again it is treated as
// the simulator treats a unit that rejoins after being off (Simulation.CatchUpRejoining): before its first round back
// it takes the mean of its neighbours in the round's graph that kept training, and its momentum is cleared.
internal sealed partial class GrainTrainer
{
    private readonly bool[] _lost;

    /// <summary>Units that rejoined after being lost: (round, unit, neighbours caught up from), in order.</summary>
    public List<(int Round, int Unit, int Sources)> Rejoins { get; } = [];

    // The rows each lost unit of this round will catch up from, read before anyone trains this round, as the simulator
    // catches up at the decision, from its neighbours' parameters of the previous round. Null for the others.
    private FloatBlock[]?[] CatchUpRows(int[] units, MixingMatrix mixing)
    {
        var rows = new FloatBlock[]?[units.Length];
        for (int a = 0; a < units.Length; a++)
        {
            if (!_lost[units[a]])
            {
                continue;
            }

            Task<FloatBlock>[] reads = [.. Sources(mixing, units[a]).Where(j => !_lost[j]).Select(j => _node(j).GetParameters())];
            rows[a] = [.. reads.Select(Answered).OfType<FloatBlock>()];
        }

        return rows;
    }

    // The catch-up and the training go to the lost unit in one chain: a site still down costs one placement wait, not two.
    private async Task<TrainReply> TrainOrRejoin(int unit, RoundPlan plan, FloatBlock[]? catchUp)
    {
        if (catchUp is null)
        {
            return await _node(unit).Train(plan).ConfigureAwait(false);
        }

        if (catchUp.Length > 0)
        {
            await _node(unit).CatchUp(catchUp).ConfigureAwait(false);
        }

        TrainReply reply = await _node(unit).Train(plan).ConfigureAwait(false);
        lock (Rejoins)
        {
            Rejoins.Add((plan.Round, unit, catchUp.Length));
        }

        return reply;
    }

    // A source that fails on the way is left out of the mean, as a neighbour that did not keep training would be.
    private static FloatBlock? Answered(Task<FloatBlock> read)
    {
        try
        {
            return read.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>Treats <paramref name="unit"/> as lost (a resumed coordinator found its state behind the log): it rejoins by catch-up.</summary>
    public void MarkLost(int unit) => _lost[unit] = true;

    private void MarkLost(int[] units, bool[] survivors)
    {
        foreach (int i in units)
        {
            _lost[i] = !survivors[i];
        }
    }
}
