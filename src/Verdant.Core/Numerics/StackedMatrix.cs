namespace Verdant.Core.Numerics;

/// <summary>
/// A row-major float32 matrix whose rows are the nodes of a decentralized training run: row <c>i</c> holds
/// node <c>i</c>'s parameters (or gradient, or optimizer state), so one kernel call can work on every node.
/// </summary>
/// <remarks>
/// The buffer is allocated once and owned by the simulation state; kernels write into caller-owned rows, never allocate.
/// A stack of one row is a single node, which is how a distributed worker uses the same math.
/// </remarks>
public sealed class StackedMatrix
{
    /// <summary>Creates a zero-filled matrix of <paramref name="rows"/> x <paramref name="cols"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is not positive or the product overflows.</exception>
    public StackedMatrix(int rows, int cols)
        : this(rows, cols, apartFrom: null)
    {
    }

    /// <summary>
    /// A zero-filled matrix whose buffer does not start a multiple of <see cref="HugePages.ConflictStrideBytes"/> away
    /// from <paramref name="apartFrom"/>'s, for a stack walked in step with another (see <see cref="HugePages"/>).
    /// </summary>
    internal StackedMatrix(int rows, int cols, StackedMatrix? apartFrom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cols);
        long length = (long)rows * cols;
        if (length > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(cols), $"A {rows} x {cols} matrix exceeds the largest array.");
        }

        Rows = rows;
        Cols = cols;
        Data = HugePages.ZeroedFloats(length, apartFrom?.Data);
    }

    /// <summary>Number of rows (nodes).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (parameters per node).</summary>
    public int Cols { get; }

    /// <summary>The whole buffer, row after row.</summary>
    public float[] Data { get; }

    /// <summary>Row <paramref name="row"/> as a writable span.</summary>
    public Span<float> Row(int row) => Data.AsSpan(checked(row * Cols), Cols);

    /// <summary>Row <paramref name="row"/> as a read-only span.</summary>
    public ReadOnlySpan<float> ReadRow(int row) => Data.AsSpan(checked(row * Cols), Cols);

    /// <summary>Copies <paramref name="source"/> into every row.</summary>
    public void Broadcast(ReadOnlySpan<float> source)
    {
        if (source.Length != Cols)
        {
            throw new ArgumentException($"Expected {Cols} values, got {source.Length}.", nameof(source));
        }

        for (int r = 0; r < Rows; r++)
        {
            source.CopyTo(Row(r));
        }
    }

    /// <summary>Writes the mean of all rows into <paramref name="destination"/> (length <see cref="Cols"/>).</summary>
    public void MeanOfRows(Span<float> destination)
    {
        if (destination.Length != Cols)
        {
            throw new ArgumentException($"Expected {Cols} values, got {destination.Length}.", nameof(destination));
        }

        destination.Clear();
        for (int r = 0; r < Rows; r++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(destination, ReadRow(r), destination);
        }

        System.Numerics.Tensors.TensorPrimitives.Multiply(destination, 1f / Rows, destination);
    }
}
