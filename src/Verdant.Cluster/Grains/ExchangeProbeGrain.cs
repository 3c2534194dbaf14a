using System.Diagnostics;
using Verdant.Cluster.Contracts;
using Verdant.Cluster.Hosting;

namespace Verdant.Cluster.Grains;

/// <summary>The two ends of the exchange benchmark; the receiver never awaits anyone, so no cycle of waits can form.</summary>
[SitePlacement]
internal sealed class ExchangeProbeGrain : Grain, IExchangeProbeGrain
{
    public Task Receive(ParameterMessage message) => Task.CompletedTask;

    public async Task<double> SendTo(string target, int messages, int floats, int window)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        IExchangeProbeGrain receiver = GrainFactory.GetGrain<IExchangeProbeGrain>(target);
        var message = new ParameterMessage(0, 0, new float[floats]);
        await receiver.Receive(message);
        long started = Stopwatch.GetTimestamp();
        var inFlight = new Queue<Task>(window);
        for (int m = 0; m < messages; m++)
        {
            if (inFlight.Count == window)
            {
                await inFlight.Dequeue();
            }

            // The same immutable message each time: a unit copies its row once per round whatever the transport, so
            // that copy belongs to training, not to the exchange (the raw TCP side sends from one array too).
            inFlight.Enqueue(receiver.Receive(message));
        }

        await Task.WhenAll(inFlight);
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
