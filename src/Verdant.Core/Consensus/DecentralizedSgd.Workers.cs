namespace Verdant.Core.Consensus;

public sealed partial class DecentralizedSgd
{
    private void RunLocalSteps(int worker)
    {
        // Workers claim whole GradientMean groups: a group's gradients are added to its partial in order by one worker.
        int groups = GradientMean.GroupCount(_activeCount);
        int item;
        while ((item = Interlocked.Increment(ref _nextItem)) < groups)
        {
            Span<float> partial = _gradientMean.Partial(item);
            int start = GradientMean.GroupStart(_activeCount, item), end = GradientMean.GroupStart(_activeCount, item + 1);
            for (int a = start; a < end; a++)
            {
                int node = _activeList[a];
                _losses[node] = LocalSteps(node, _round, _workspaces[worker], _batches[worker], _halfGradients[worker],
                    partial, accumulate: a > start, _gradientScratch[worker]);
            }
        }
    }

    private void RunMix(int worker)
    {
        // Column blocks mix independently, so workers claim them with no barrier and no commit copy (docs/performance.md),
        // from opposite ends of the stack (BlockClaims); the gradients' mean (the sum of the groups' partials) is
        // column-separable too and rides along, instead of one serial pass on the calling thread.
        int cols = Parameters.Cols;
        int width = MixBlockColumns;
        while (_mixClaims.TryClaim(worker, out int item))
        {
            int from = item * width;
            int to = Math.Min(cols, from + width);
            Gossip.MixColumns(_mixing!, Parameters, _activeMask, from, to, _mixBuffers[worker]);
            _gradientMean.Columns(_activeCount, from, to, _meanGradient.AsSpan(from, to - from));
        }
    }
}
