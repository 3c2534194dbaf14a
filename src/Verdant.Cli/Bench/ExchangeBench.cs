using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Verdant.Cluster.Contracts;
using Verdant.Cluster.Hosting;
using Verdant.Cluster.Options;

namespace Verdant.Cli.Bench;

/// <summary>One exchange measurement: payload, messages, and throughput through Orleans and through raw loopback TCP.</summary>
internal sealed record ExchangeResult(int Floats, int Messages, int Window, double OrleansMBps, double TcpMBps)
{
    public double Ratio => OrleansMBps / TcpMBps;
}

/// <summary>
/// Parameter-exchange throughput between two silos on loopback (a probe grain on each, placed by site) against raw
/// loopback TCP moving the same payloads with the same window of acknowledged messages. Run it on an idle machine.
/// </summary>
internal static class ExchangeBench
{
    public static ExchangeResult Run(ClusterWorkload workload, int floats, int messages, int window)
    {
        string[] sites = [.. workload.Scenario.Sites.Take(2).Select(s => s.Name)];
        int[] ports = LoopbackPorts.Free(4);
        var membership = new ClusterMembership(MembershipKind.Localhost, null, ports[0], [ports[2], ports[3]]);
        using IHost first = VerdantHosts.Silo(workload, [sites[0]], membership, ports[0], ports[2]);
        using IHost second = VerdantHosts.Silo(workload, [sites[1]], membership, ports[1], ports[3]);
        first.StartAsync().GetAwaiter().GetResult();
        second.StartAsync().GetAwaiter().GetResult();
        using IHost client = VerdantHosts.Client(membership);
        client.StartAsync().GetAwaiter().GetResult();
        var grains = client.Services.GetRequiredService<IClusterClient>();
        IExchangeProbeGrain sender = grains.GetGrain<IExchangeProbeGrain>(NodeKey.Format("bench", 0, sites[0]));
        string target = NodeKey.Format("bench", 1, sites[1]);
        sender.SendTo(target, Math.Max(1, messages / 10), floats, window).GetAwaiter().GetResult();
        double orleansS = sender.SendTo(target, messages, floats, window).GetAwaiter().GetResult();
        double tcpS = RawTcp(floats * sizeof(float), messages, window);
        client.StopAsync().GetAwaiter().GetResult();
        second.StopAsync().GetAwaiter().GetResult();
        first.StopAsync().GetAwaiter().GetResult();
        double megabytes = (double)floats * sizeof(float) * messages / 1e6;
        return new ExchangeResult(floats, messages, window, megabytes / orleansS, megabytes / tcpS);
    }

    // Length-prefixed messages, one byte of acknowledgement each, at most `window` unacknowledged: a request/response
    // stream like the grain calls, with nothing but the socket in between.
    private static double RawTcp(int bytes, int messages, int window)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var receiver = Task.Run(() =>
        {
            using TcpClient peer = listener.AcceptTcpClient();
            using NetworkStream stream = peer.GetStream();
            var buffer = new byte[bytes + 4];
            for (int m = 0; m < messages; m++)
            {
                stream.ReadExactly(buffer.AsSpan(0, 4));
                stream.ReadExactly(buffer.AsSpan(0, BinaryPrimitives.ReadInt32LittleEndian(buffer)));
                stream.WriteByte(1);
            }
        });
        using var client = new TcpClient { NoDelay = true };
        client.Connect(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        using NetworkStream output = client.GetStream();
        var message = new byte[bytes + 4];
        BinaryPrimitives.WriteInt32LittleEndian(message, bytes);
        long started = Stopwatch.GetTimestamp();
        int acknowledged = 0;
        for (int m = 0; m < messages; m++)
        {
            if (m - acknowledged == window)
            {
                _ = output.ReadByte();
                acknowledged++;
            }

            output.Write(message);
        }

        while (acknowledged < messages)
        {
            _ = output.ReadByte();
            acknowledged++;
        }

        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        receiver.GetAwaiter().GetResult();
        return seconds;
    }
}
