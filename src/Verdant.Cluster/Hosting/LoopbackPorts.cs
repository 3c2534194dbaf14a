using System.Net;
using System.Net.Sockets;

namespace Verdant.Cluster.Hosting;

/// <summary>Free TCP ports on loopback for silos, gateways and test servers started on one machine.</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// <paramref name="count"/> distinct ports that were free a moment ago: every listener is held open until all are
    /// chosen, so no two of them are the same port.
    /// </summary>
    public static int[] Free(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        TcpListener[] listeners = [.. Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0))];
        Array.ForEach(listeners, l => l.Start());
        int[] ports = [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        Array.ForEach(listeners, l => l.Stop());
        return ports;
    }
}
