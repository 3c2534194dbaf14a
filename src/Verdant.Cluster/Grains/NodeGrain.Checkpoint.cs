using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Verdant.Cluster.Contracts;

namespace Verdant.Cluster.Grains;

internal sealed partial class NodeGrain
{
    private int _checkpointRound = -1;
    private int _checkpointWrites;
    private long _checkpointBytes;
    private double _checkpointSeconds;

    /// <inheritdoc />
    public Task<CheckpointInfo> GetCheckpointInfo() =>
        Task.FromResult(new CheckpointInfo(_checkpointRound, _checkpointWrites, _checkpointBytes, _checkpointSeconds));

    // Orleans has read the state before activation; a unit with a checkpoint continues from it, bit for bit.
    private void RestoreCheckpoint()
    {
        if (!checkpoint.RecordExists)
        {
            return;
        }

        NodeCheckpoint state = checkpoint.State;
        NodeCheckpoint.CopyTo(state.Parameters, _sgd.Parameters.Row(0));
        NodeCheckpoint.CopyTo(state.Momentum, _sgd.Momentum.Row(0));
        _sgd.RestoreSampler(0, state.SamplerEpochs, state.SamplerPosition);
        (_mixedRound, _checkpointRound, _late, _duplicate) = (state.Round, state.Round, state.Late, state.Duplicate);
        LogRestored(logger, _unit, state.Round);
    }

    // After a mix, so a checkpoint never holds parameters between a unit's local steps and its mix. The call that mixed
    // waits for the write: the next round cannot change the state while it is being stored.
    private async Task<int[]> CheckpointIfDue(int[] result)
    {
        int every = options.Value.CheckpointEveryRounds;
        if (every > 0 && _mixedRound - _checkpointRound >= every)
        {
            (long epochs, int position) = _sgd.SamplerState(0);
            checkpoint.State = new NodeCheckpoint
            {
                Round = _mixedRound,
                Parameters = NodeCheckpoint.ToBytes(_sgd.Parameters.ReadRow(0)),
                Momentum = NodeCheckpoint.ToBytes(_sgd.Momentum.ReadRow(0)),
                SamplerEpochs = epochs,
                SamplerPosition = position,
                Late = _late,
                Duplicate = _duplicate,
            };
            long started = Stopwatch.GetTimestamp();
            try
            {
                await checkpoint.WriteStateAsync();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The mix is done and stands; a store that fails costs recoverability, not the round. Tried again next mix.
                LogCheckpointFailed(logger, ex, _unit, _mixedRound);
                return result;
            }

            _checkpointSeconds += Stopwatch.GetElapsedTime(started).TotalSeconds;
            _checkpointBytes += checkpoint.State.Parameters.Length + checkpoint.State.Momentum.Length;
            _checkpointWrites++;
            _checkpointRound = _mixedRound;
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "unit {Unit} could not write its checkpoint of round {Round}")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception, int unit, int round);

    [LoggerMessage(Level = LogLevel.Information, Message = "unit {Unit} restored from its checkpoint of round {Round}")]
    private static partial void LogRestored(ILogger logger, int unit, int round);
}
