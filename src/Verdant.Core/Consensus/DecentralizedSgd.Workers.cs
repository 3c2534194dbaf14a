namespace Verdant.Core.Consensus;

public sealed partial class DecentralizedSgd
{
    private void RunLocalSteps(int worker)
    {
        int item;
        while ((item = Interlocked.Increment(ref _nextItem)) < _activeCount)
        {
            int node = _activeList[item];
            _losses[node] = LocalSteps(node, _round, _workspaces[worker], _batches[worker], _halfGradients[worker],
                _firstHalves[worker]);
        }
    }

    private void RunMix(int worker)
    {
        // Column blocks mix independently, so workers claim them with no barrier and no commit copy (docs/performance.md);
        // the gradients' mean is column-separable too and rides along, instead of one serial pass on the calling thread.
        int cols = Parameters.Cols;
        int width = MixBlockColumns;
        int blocks = (cols + width - 1) / width;
        int item;
        while ((item = Interlocked.Increment(ref _nextItem)) < blocks)
        {
            int from = item * width;
            int to = Math.Min(cols, from + width);
            Gossip.MixColumns(_mixing!, Parameters, _activeMask, from, to, _mixBuffers[worker]);
            MeanGradientColumns(from, to);
        }
    }
}
