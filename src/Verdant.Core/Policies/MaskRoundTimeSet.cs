namespace Verdant.Core.Policies;

/// <summary>
/// The plain <see cref="IRoundTimeSet"/>: a membership mask handed to <see cref="IRoundTimeModel.RoundSeconds"/> at every
/// reading, so a reading costs what one round-time evaluation costs (for the simulation's model, building the topology
/// over the members: O(N + E log E)). The reference the faster sets are tested against.
/// </summary>
public sealed class MaskRoundTimeSet(IRoundTimeModel model, int unitCount) : IRoundTimeSet
{
    private readonly IRoundTimeModel _model = model ?? throw new ArgumentNullException(nameof(model));
    private readonly bool[] _active = new bool[unitCount];

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <inheritdoc />
    public void Add(int unit)
    {
        Count += _active[unit] ? 0 : 1;
        _active[unit] = true;
    }

    /// <inheritdoc />
    public void Remove(int unit)
    {
        Count -= _active[unit] ? 1 : 0;
        _active[unit] = false;
    }

    /// <inheritdoc />
    public double Seconds() => _model.RoundSeconds(_active);
}
