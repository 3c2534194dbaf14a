namespace Verdant.Cluster.Contracts;

/// <summary>
/// Measures parameter exchange between two silos (key: a <see cref="NodeKey"/>, so it is placed on its site's silo like
/// a unit): the cost of shipping parameter messages through Orleans, without any training.
/// </summary>
public interface IExchangeProbeGrain : IGrainWithStringKey
{
    /// <summary>Takes one parameter message (the type units exchange, with its codec) and drops it.</summary>
    Task Receive(ParameterMessage message);

    /// <summary>Sends <paramref name="messages"/> payloads of <paramref name="floats"/> floats to probe <paramref name="target"/>, at most <paramref name="window"/> in flight; returns the seconds taken.</summary>
    Task<double> SendTo(string target, int messages, int floats, int window);
}
