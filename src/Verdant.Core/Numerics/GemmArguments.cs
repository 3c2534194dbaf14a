namespace Verdant.Core.Numerics;

/// <summary>Shared argument checks of <see cref="IGemm.Sgemm"/>, so both implementations reject the same inputs.</summary>
internal static class GemmArguments
{
    /// <summary>Throws when a dimension is negative, a leading dimension is too small or a buffer too short.</summary>
    internal static void Validate(bool transposeA, bool transposeB, int m, int n, int k,
        int aLength, int lda, int bLength, int ldb, int cLength, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        // Stored shapes: A is m x k (k x m when transposed), B is k x n (n x k when transposed), C is m x n.
        CheckOperand("a", transposeA ? k : m, transposeA ? m : k, aLength, lda);
        CheckOperand("b", transposeB ? n : k, transposeB ? k : n, bLength, ldb);
        CheckOperand("c", m, n, cLength, ldc);
    }

    private static void CheckOperand(string name, int rows, int cols, int length, int ld)
    {
        if (ld < Math.Max(1, cols))
        {
            throw new ArgumentException(
                $"Leading dimension {ld} of {name} is smaller than its {cols} columns.", "ld" + name);
        }

        long required = rows == 0 || cols == 0 ? 0 : ((long)(rows - 1) * ld) + cols;
        if (length < required)
        {
            throw new ArgumentException(
                $"Buffer {name} holds {length} floats; a {rows} x {cols} matrix with leading dimension {ld} needs {required}.",
                name);
        }
    }
}
