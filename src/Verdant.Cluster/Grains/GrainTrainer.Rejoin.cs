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
    private float[][]?[] CatchUpRows(int[] units, MixingMatrix mixing)
    {
        var rows = new float[][]?[units.Length];
        for (int a = 0; a < units.Length; a++)
        {
            if (!_lost[units[a]])
            {
                continue;
            }

            int[] sources = [.. Sources(mixing, units[a]).Where(j => !_lost[j])];
            try
            {
                rows[a] = Task.WhenAll(sources.Select(j => _node(j).GetParameters())).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A source failed on the way: no catch-up this time; the unit trains on from its own state.
                rows[a] = [];
            }
        }

        return rows;
    }

    // The catch-up and the training go to the lost unit in one chain: a site still down costs one placement wait, not two.
    private async Task<TrainReply> TrainOrRejoin(int unit, RoundPlan plan, float[][]? catchUp)
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

    private void MarkLost(int[] units, bool[] survivors)
    {
        foreach (int i in units)
        {
            _lost[i] = !survivors[i];
        }
    }
}
