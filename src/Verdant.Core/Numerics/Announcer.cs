namespace Verdant.Core.Numerics;

/// <summary>Hands a sink the next block's range in equal pieces, one per call of <see cref="Next"/>.</summary>
internal struct Announcer(int offset, int count, int pieces)
{
    private readonly int _piece = (((count + pieces - 1) / pieces) + 15) & ~15;
    private int _done;

    public void Next<TSink>(ref TSink sink)
        where TSink : IHalfGradientSink, allows ref struct
    {
        if (_done < count)
        {
            int length = Math.Min(_piece, count - _done);
            sink.Upcoming(offset + _done, length);
            _done += length;
        }
    }
}
