using System.Diagnostics;
using Verdant.Cluster.Contracts;
using Verdant.Cluster.Hosting;

namespace Verdant.Cluster.Grains;

/// <summary>The two ends of the exchange benchmark; the receiver never awaits anyone, so no cycle of waits can form.</summary>
[SitePlacement]
internal sealed class ExchangeProbeGrain : Grain, IExchangeProbeGrain
{
    public Task Receive(float[] payload) => Task.CompletedTask;

    public async Task<double> SendTo(string target, int messages, int floats, int window)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        IExchangeProbeGrain receiver = GrainFactory.GetGrain<IExchangeProbeGrain>(target);
        var payload = new float[floats];
        await receiver.Receive(payload);
        long started = Stopwatch.GetTimestamp();
        var inFlight = new Queue<Task>(window);
        for (int m = 0; m < messages; m++)
        {
            if (inFlight.Count == window)
            {
                await inFlight.Dequeue();
            }

            // A fresh array per message, as a unit sends a fresh copy of its row each round.
            inFlight.Enqueue(receiver.Receive((float[])payload.Clone()));
        }

        await Task.WhenAll(inFlight);
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
