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
/// loss is not flagged for noise. A blow-up is a node whose loss stays above <see cref="Factor"/> times that reference
/// (23 nats for the 10-class cross-entropy, whose reference is about ln 10 = 2.3) in <see cref="Patience"/> rounds in a
/// row that it trains, or passes <see cref="ImmediateFactor"/> times the reference once. A single spike is not enough:
/// with label skew a unit that rejoins after a long pause (carbonscaler on the compute-heavy suite scenario) can reach
/// 39 nats for a round and then recover, which an earlier one-round rule stopped as divergence.
/// </remarks>
public sealed class BlowUpDetector
{
    /// <summary>How many times the first round's loss a node's loss may stay at before it counts towards a blow-up.</summary>
    public const double Factor = 10;

    /// <summary>Rounds in a row (those the node trains in) above <see cref="Factor"/> that stop the run.</summary>
    public const int Patience = 5;

    /// <summary>How many times the first round's loss stops the run at once: no training recovers from there.</summary>
    public const double ImmediateFactor = 1000;

    private double _reference = double.NaN;
    private int[] _above = [];

    /// <summary>The first round's mean loss (floored at 1), or NaN before the first observation.</summary>
    public double Reference => _reference;

    /// <summary>
    /// Checks the losses of the nodes that trained in round <paramref name="round"/> (0-based).
    /// </summary>
    /// <exception cref="DivergenceException">A node's loss stayed above <see cref="Factor"/> times the reference for
    /// <see cref="Patience"/> of its rounds, or passed <see cref="ImmediateFactor"/> times it; names the worst such node.</exception>
    public void Observe(int round, ReadOnlySpan<float> nodeLosses, ReadOnlySpan<bool> trained)
    {
        if (nodeLosses.Length != trained.Length)
        {
            throw new ArgumentException("one trained flag per node loss is needed", nameof(trained));
        }

        if (double.IsNaN(_reference))
        {
            SetReference(nodeLosses, trained);
            return;
        }

        int worst = -1;
        for (int i = 0; i < nodeLosses.Length; i++)
        {
            if (!trained[i])
            {
                continue;
            }

            _above[i] = nodeLosses[i] > Factor * _reference ? _above[i] + 1 : 0;
            bool blownUp = _above[i] >= Patience || nodeLosses[i] > ImmediateFactor * _reference;
            worst = blownUp && (worst < 0 || nodeLosses[i] > nodeLosses[worst]) ? i : worst;
        }

        if (worst >= 0)
        {
            string span = _above[worst] >= Patience ? string.Create(CultureInfo.InvariantCulture, $" for {_above[worst]} rounds in a row") : string.Empty;
            double factor = _above[worst] >= Patience ? Factor : ImmediateFactor;
            throw new DivergenceException(round, worst, string.Create(CultureInfo.InvariantCulture,
                $"training loss {nodeLosses[worst]:G4} is more than {factor:0}x the first round's {_reference:0.###}{span}"));
        }
    }

    private void SetReference(ReadOnlySpan<float> nodeLosses, ReadOnlySpan<bool> trained)
    {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < nodeLosses.Length; i++)
        {
            if (trained[i])
            {
                sum += nodeLosses[i];
                count++;
            }
        }

        if (count > 0)
        {
            _reference = Math.Max(1, sum / count);
            _above = new int[nodeLosses.Length];
        }
    }
}
