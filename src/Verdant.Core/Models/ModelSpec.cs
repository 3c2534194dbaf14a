namespace Verdant.Core.Models;

/// <summary>
/// A model's architecture and its flat parameter layout: for each layer l (inputs n_l, outputs n_{l+1}), a weight block
/// n_{l+1} x n_l (row-major) followed by a bias block n_{l+1}. Logistic regression is an MLP with no hidden layer.
/// </summary>
/// <remarks>FLOP formulas and the operations they count are in docs/models.md. Equality compares the widths.</remarks>
public sealed record ModelSpec
{
    private readonly int[] _widths;
    private readonly int[] _offsets;

    /// <summary>Creates a spec; throws when a width is not positive or a logistic regression has hidden layers.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A width is not positive.</exception>
    /// <exception cref="ArgumentException">A logistic regression has hidden layers, or the parameter count overflows int.</exception>
    public ModelSpec(ModelKind kind, int inputs, IReadOnlyList<int> hidden, int classes)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        if (kind == ModelKind.LogisticRegression && hidden.Count > 0)
        {
            throw new ArgumentException("A logistic regression has no hidden layers.", nameof(hidden));
        }

        _widths = [inputs, .. hidden, classes];
        foreach (int width in _widths)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width, nameof(hidden));
        }

        _offsets = LayoutOffsets(_widths);
        Kind = kind;
        Inputs = inputs;
        Hidden = _widths[1..^1].AsReadOnly();
        Classes = classes;
    }

    /// <summary>Logistic regression on <paramref name="inputs"/> features.</summary>
    public static ModelSpec LogisticRegression(int inputs, int classes) => new(ModelKind.LogisticRegression, inputs, [], classes);

    /// <summary>An MLP with the given hidden widths.</summary>
    public static ModelSpec Mlp(int inputs, IReadOnlyList<int> hidden, int classes) => new(ModelKind.Mlp, inputs, hidden, classes);

    /// <summary>The family.</summary>
    public ModelKind Kind { get; }

    /// <summary>Input features.</summary>
    public int Inputs { get; }

    /// <summary>Hidden widths (empty for logistic regression).</summary>
    public IReadOnlyList<int> Hidden { get; }

    /// <summary>Output classes.</summary>
    public int Classes { get; }

    /// <summary>Number of linear layers (hidden layers + 1).</summary>
    public int LayerCount => _widths.Length - 1;

    /// <summary>Total parameters P (the width of a row of the stack).</summary>
    public int ParameterCount => _offsets[^1];

    /// <summary>Exact FLOPs of a forward pass for one example (multiply and add count 2; activations and softmax counted).</summary>
    /// <remarks>
    /// Per layer 2 n m (GEMM) + m (bias); per hidden unit 1 (ReLU); softmax cross-entropy 4C + 2 (max C-1, shift C,
    /// exp C, sum C-1, loss 3, accumulate 1). Excludes O(1)-per-batch scalar work (the final mean).
    /// </remarks>
    public long ForwardFlopsPerExample
    {
        get
        {
            long flops = (4L * Classes) + 2;
            for (int l = 0; l < LayerCount; l++)
            {
                flops += (2L * LayerInputs(l) * LayerOutputs(l)) + LayerOutputs(l);
                flops += l < LayerCount - 1 ? LayerOutputs(l) : 0;
            }

            return flops;
        }
    }

    /// <summary>Exact FLOPs of forward + backward + gradient for one example.</summary>
    /// <remarks>
    /// Forward, plus the softmax delta C + 3, plus per layer 2 n m (weight gradient) + m (bias gradient), plus for every
    /// layer but the first 2 n m (input delta) + n (ReLU mask). See docs/models.md.
    /// </remarks>
    public long TrainFlopsPerExample
    {
        get
        {
            long flops = ForwardFlopsPerExample + Classes + 3;
            for (int l = 0; l < LayerCount; l++)
            {
                long n = LayerInputs(l);
                long m = LayerOutputs(l);
                flops += (2 * n * m) + m;
                flops += l > 0 ? (2 * n * m) + n : 0;
            }

            return flops;
        }
    }

    /// <summary>Inputs n_l of layer <paramref name="layer"/> (0-based).</summary>
    public int LayerInputs(int layer) => _widths[layer];

    /// <summary>Outputs n_{l+1} of layer <paramref name="layer"/> (0-based).</summary>
    public int LayerOutputs(int layer) => _widths[layer + 1];

    /// <summary>The most inputs of any layer: the size a buffer of one row of any layer's input must have.</summary>
    public int WidestInput => Enumerable.Range(0, LayerCount).Max(LayerInputs);

    /// <summary>The most outputs of any layer.</summary>
    public int WidestOutput => Enumerable.Range(0, LayerCount).Max(LayerOutputs);

    /// <summary>Offset of layer <paramref name="layer"/>'s weight block (outputs x inputs, row-major) in a parameter row.</summary>
    public int WeightOffset(int layer) => _offsets[layer];

    /// <summary>Offset of layer <paramref name="layer"/>'s bias block (outputs) in a parameter row.</summary>
    public int BiasOffset(int layer) => _offsets[layer] + (LayerInputs(layer) * LayerOutputs(layer));

    /// <summary>The family and the widths, e.g. "Mlp 784-256-128-10".</summary>
    public override string ToString() => $"{Kind} {string.Join('-', _widths)}";

    /// <inheritdoc />
    public bool Equals(ModelSpec? other)
        => other is not null && Kind == other.Kind && _widths.AsSpan().SequenceEqual(other._widths);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        foreach (int width in _widths)
        {
            hash.Add(width);
        }

        return hash.ToHashCode();
    }

    private static int[] LayoutOffsets(int[] widths)
    {
        var offsets = new int[widths.Length];
        try
        {
            for (int l = 0; l + 1 < widths.Length; l++)
            {
                offsets[l + 1] = checked(offsets[l] + (widths[l] * widths[l + 1]) + widths[l + 1]);
            }
        }
        catch (OverflowException e)
        {
            throw new ArgumentException("The model has more parameters than a row can hold.", nameof(widths), e);
        }

        return offsets;
    }
}
