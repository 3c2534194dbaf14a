using System.Globalization;
using Verdant.Core.Consensus;

namespace Verdant.Core.Simulation;

/// <summary>
/// Detects a finite blow-up of training: a node whose training loss rises far above the loss the fleet started from
/// (a learning rate of 100 with momentum 0.99 reaches 6e9 while every number stays finite). Non-finite losses and
/// parameters are caught where they are computed (<see cref="DecentralizedSgd"/>); this catches what stays finite.
/// </summary>
/// <remarks>
/// The reference is the mean training loss of the first round, floored at 1 nat so that a problem starting near zero
/// loss is not flagged for noise. A blow-up is a node's loss above <see cref="Factor"/> times that reference: for the
/// 10-class cross-entropy (reference about ln 10 = 2.3) that is 23 nats, a probability of e^-23 on the true class,
/// which no training that recovers passes through.
/// </remarks>
public sealed class BlowUpDetector
{
    /// <summary>How many times the first round's loss a node's loss may reach before the run is stopped.</summary>
    public const double Factor = 10;

    private double _reference = double.NaN;

    /// <summary>The first round's mean loss (floored at 1), or NaN before the first observation.</summary>
    public double Reference => _reference;

    /// <summary>
    /// Checks the losses of the nodes that trained in round <paramref name="round"/> (0-based).
    /// </summary>
    /// <exception cref="DivergenceException">A node's loss exceeds <see cref="Factor"/> times the reference; names the node with the largest loss.</exception>
    public void Observe(int round, ReadOnlySpan<float> nodeLosses, ReadOnlySpan<bool> trained)
    {
        if (nodeLosses.Length != trained.Length)
        {
            throw new ArgumentException("one trained flag per node loss is needed", nameof(trained));
        }

        int worst = -1;
        double sum = 0;
        int count = 0;
        for (int i = 0; i < nodeLosses.Length; i++)
        {
            if (trained[i])
            {
                sum += nodeLosses[i];
                count++;
                worst = worst < 0 || nodeLosses[i] > nodeLosses[worst] ? i : worst;
            }
        }

        if (count == 0)
        {
            return;
        }

        if (double.IsNaN(_reference))
        {
            _reference = Math.Max(1, sum / count);
            return;
        }

        if (nodeLosses[worst] > Factor * _reference)
        {
            throw new DivergenceException(round, worst, string.Create(CultureInfo.InvariantCulture,
                $"training loss {nodeLosses[worst]:G4} is more than {Factor:0}x the first round's {_reference:0.###}"));
        }
    }
}
