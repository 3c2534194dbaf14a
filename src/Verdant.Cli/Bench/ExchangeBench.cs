using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Verdant.Cluster.Contracts;
using Verdant.Cluster.Hosting;
using Verdant.Cluster.Options;

namespace Verdant.Cli.Bench;

/// <summary>Wall and processor seconds of one transfer (processor time of the whole process: both ends of it).</summary>
internal sealed record ExchangeTiming(double WallS, double CpuS);

/// <summary>
/// One exchange measurement: payload, messages, window, and for each repetition the Orleans and raw TCP timings taken
/// back to back; throughput is the best repetition's.
/// </summary>
internal sealed record ExchangeResult(int Floats, int Messages, int Window, IReadOnlyList<ExchangeTiming> Orleans,
    IReadOnlyList<ExchangeTiming> Tcp)
{
    public double Megabytes => (double)Floats * sizeof(float) * Messages / 1e6;

    public double OrleansMBps => Megabytes / Orleans.Min(t => t.WallS);

    public double TcpMBps => Megabytes / Tcp.Min(t => t.WallS);

    public double Ratio => OrleansMBps / TcpMBps;

    /// <summary>Processor milliseconds per message, best repetition: a measure the other loads of the machine disturb less than wall time.</summary>
    public double OrleansCpuMsPerMessage => Orleans.Min(t => t.CpuS) * 1e3 / Messages;

    /// <inheritdoc cref="OrleansCpuMsPerMessage"/>
    public double TcpCpuMsPerMessage => Tcp.Min(t => t.CpuS) * 1e3 / Messages;
}

/// <summary>
/// Parameter-exchange throughput between two silos on loopback (a probe grain on each, placed by site) against raw
/// loopback TCP moving the same payloads with the same window of acknowledged messages. Run it on an idle machine.
/// </summary>
internal static class ExchangeBench
{
    public static ExchangeResult Run(ClusterWorkload workload, int floats, int messages, int window, int repeats)
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
        int warmUp = Math.Max(1, messages / 10);
        sender.SendTo(target, warmUp, floats, window).GetAwaiter().GetResult();
        RawTcp(floats, warmUp, window);
        var orleans = new List<ExchangeTiming>();
        var tcp = new List<ExchangeTiming>();
        for (int r = 0; r < repeats; r++)
        {
            orleans.Add(Timed(() => sender.SendTo(target, messages, floats, window).GetAwaiter().GetResult()));
            tcp.Add(Timed(() => RawTcp(floats, messages, window)));
        }

        client.StopAsync().GetAwaiter().GetResult();
        second.StopAsync().GetAwaiter().GetResult();
        first.StopAsync().GetAwaiter().GetResult();
        return new ExchangeResult(floats, messages, window, orleans, tcp);
    }

    // The wall time is the one the sender measured around its sends; the processor time spans the whole call.
    private static ExchangeTiming Timed(Func<double> transfer)
    {
        using var process = Process.GetCurrentProcess();
        TimeSpan cpu = process.TotalProcessorTime;
        double wallS = transfer();
        process.Refresh();
        return new ExchangeTiming(wallS, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    // The same message as the grains exchange, framed by hand: a 12-byte header (length, round, sender) and the floats'
    // bytes written straight from the sender's array; the receiver reads each into a fresh array it keeps, as a grain
    // is handed one. One byte of acknowledgement per message, at most `window` unacknowledged: the same flow control
    // as `window` awaited grain calls, with nothing but the socket in between.
    private static double RawTcp(int floats, int messages, int window)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var receiver = Task.Run(() => Receive(listener, messages));
        using var client = new TcpClient { NoDelay = true };
        client.Connect(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        using NetworkStream output = client.GetStream();
        var parameters = new float[floats];
        var header = new byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(header, floats * sizeof(float));
        long started = Stopwatch.GetTimestamp();
        int acknowledged = 0;
        for (int m = 0; m < messages; m++)
        {
            if (m - acknowledged == window)
            {
                _ = output.ReadByte();
                acknowledged++;
            }

            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), m);
            output.Write(header);
            output.Write(MemoryMarshal.AsBytes(parameters.AsSpan()));
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

    private static void Receive(TcpListener listener, int messages)
    {
        using TcpClient peer = listener.AcceptTcpClient();
        using NetworkStream stream = peer.GetStream();
        var header = new byte[12];
        for (int m = 0; m < messages; m++)
        {
            stream.ReadExactly(header);
            var parameters = new float[BinaryPrimitives.ReadInt32LittleEndian(header) / sizeof(float)];
            stream.ReadExactly(MemoryMarshal.AsBytes(parameters.AsSpan()));
            stream.WriteByte(1);
        }
    }
}
