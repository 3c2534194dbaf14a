namespace Verdant.Core.Models;

/// <summary>
/// A model's architecture and its flat parameter layout: for each layer l (inputs n_l, outputs n_{l+1}), a weight block
/// n_{l+1} x n_l (row-major) followed by a bias block n_{l+1}. Logistic regression is an MLP with no hidden layer.
/// </summary>
public sealed record ModelSpec
{
    /// <summary>Creates a spec; throws when a width is not positive or a logistic regression has hidden layers.</summary>
    public ModelSpec(ModelKind kind, int inputs, IReadOnlyList<int> hidden, int classes) => throw new NotImplementedException();

    /// <summary>Logistic regression on <paramref name="inputs"/> features.</summary>
    public static ModelSpec LogisticRegression(int inputs, int classes) => throw new NotImplementedException();

    /// <summary>An MLP with the given hidden widths.</summary>
    public static ModelSpec Mlp(int inputs, IReadOnlyList<int> hidden, int classes) => throw new NotImplementedException();

    /// <summary>The family.</summary>
    public ModelKind Kind { get; }

    /// <summary>Input features.</summary>
    public int Inputs { get; }

    /// <summary>Hidden widths (empty for logistic regression).</summary>
    public IReadOnlyList<int> Hidden { get; }

    /// <summary>Output classes.</summary>
    public int Classes { get; }

    /// <summary>Total parameters P (the width of a row of the stack).</summary>
    public int ParameterCount => throw new NotImplementedException();

    /// <summary>Exact FLOPs of a forward pass for one example (multiply and add count 2; activations and softmax counted).</summary>
    public long ForwardFlopsPerExample => throw new NotImplementedException();

    /// <summary>Exact FLOPs of forward + backward + gradient for one example.</summary>
    public long TrainFlopsPerExample => throw new NotImplementedException();
}
