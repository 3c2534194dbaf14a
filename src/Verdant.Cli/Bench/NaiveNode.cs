using Verdant.Core.Data;

namespace Verdant.Cli.Bench;

/// <summary>
/// The baseline the stacked layout is measured against: one model object per node with its own jagged arrays, plain scalar
/// loops, fresh arrays per example, per-example backpropagation, as a first version would be written. Same math as
/// <see cref="Verdant.Core.Models.Network"/> (ReLU MLP, mean softmax cross-entropy) and heavy-ball SGD.
/// </summary>
internal sealed class NaiveNode
{
    private readonly int[] _widths;

    public NaiveNode(int[] widths, float[] initial)
    {
        _widths = widths;
        int layers = widths.Length - 1;
        Weights = new float[layers][][];
        Biases = new float[layers][];
        MomentumW = new float[layers][][];
        MomentumB = new float[layers][];
        int offset = 0;
        for (int l = 0; l < layers; l++)
        {
            Weights[l] = new float[widths[l + 1]][];
            MomentumW[l] = new float[widths[l + 1]][];
            for (int j = 0; j < widths[l + 1]; j++)
            {
                Weights[l][j] = initial.AsSpan(offset, widths[l]).ToArray();
                MomentumW[l][j] = new float[widths[l]];
                offset += widths[l];
            }

            Biases[l] = initial.AsSpan(offset, widths[l + 1]).ToArray();
            MomentumB[l] = new float[widths[l + 1]];
            offset += widths[l + 1];
        }
    }

    public float[][][] Weights { get; private set; }

    public float[][] Biases { get; private set; }

    public float[][][] MomentumW { get; }

    public float[][] MomentumB { get; }

    /// <summary>One SGD step on <paramref name="batch"/>: m = mu m + g, w = w - eta m. Returns the mean loss.</summary>
    public float Step(Dataset data, int[] batch, float eta, float mu)
    {
        int layers = _widths.Length - 1;
        var gradW = new float[layers][][];
        var gradB = new float[layers][];
        for (int l = 0; l < layers; l++)
        {
            gradW[l] = new float[_widths[l + 1]][];
            for (int j = 0; j < _widths[l + 1]; j++)
            {
                gradW[l][j] = new float[_widths[l]];
            }

            gradB[l] = new float[_widths[l + 1]];
        }

        float loss = 0;
        foreach (int example in batch)
        {
            loss += Backpropagate(data.Example(example).ToArray(), data.Labels[example], gradW, gradB, 1f / batch.Length);
        }

        for (int l = 0; l < layers; l++)
        {
            for (int j = 0; j < _widths[l + 1]; j++)
            {
                for (int i = 0; i < _widths[l]; i++)
                {
                    MomentumW[l][j][i] = (mu * MomentumW[l][j][i]) + gradW[l][j][i];
                    Weights[l][j][i] -= eta * MomentumW[l][j][i];
                }

                MomentumB[l][j] = (mu * MomentumB[l][j]) + gradB[l][j];
                Biases[l][j] -= eta * MomentumB[l][j];
            }
        }

        return loss / batch.Length;
    }

    /// <summary>Replaces this node's parameters by the weighted sum of <paramref name="neighbours"/>' (itself included).</summary>
    public static (float[][][] W, float[][] B) Mix(IReadOnlyList<NaiveNode> neighbours, IReadOnlyList<float> weights)
    {
        NaiveNode first = neighbours[0];
        var w = first.Weights.Select(layer => layer.Select(row => new float[row.Length]).ToArray()).ToArray();
        var b = first.Biases.Select(layer => new float[layer.Length]).ToArray();
        for (int k = 0; k < neighbours.Count; k++)
        {
            for (int l = 0; l < w.Length; l++)
            {
                for (int j = 0; j < w[l].Length; j++)
                {
                    for (int i = 0; i < w[l][j].Length; i++)
                    {
                        w[l][j][i] += weights[k] * neighbours[k].Weights[l][j][i];
                    }

                    b[l][j] += weights[k] * neighbours[k].Biases[l][j];
                }
            }
        }

        return (w, b);
    }

    public void Assign((float[][][] W, float[][] B) mixed) => (Weights, Biases) = mixed;

    private float Backpropagate(float[] x, int label, float[][][] gradW, float[][] gradB, float scale)
    {
        int layers = _widths.Length - 1;
        var activations = new float[layers + 1][];
        activations[0] = x;
        for (int l = 0; l < layers; l++)
        {
            activations[l + 1] = new float[_widths[l + 1]];
            for (int j = 0; j < _widths[l + 1]; j++)
            {
                float z = Biases[l][j];
                for (int i = 0; i < _widths[l]; i++)
                {
                    z += Weights[l][j][i] * activations[l][i];
                }

                activations[l + 1][j] = l < layers - 1 ? Math.Max(z, 0f) : z;
            }
        }

        float[] logits = activations[layers];
        float max = logits.Max();
        float sum = logits.Sum(z => MathF.Exp(z - max));
        var delta = logits.Select(z => MathF.Exp(z - max) / sum * scale).ToArray();
        delta[label] -= scale;
        for (int l = layers - 1; l >= 0; l--)
        {
            // The input layer's delta is not needed, as in the stacked code.
            float[]? previous = l > 0 ? new float[_widths[l]] : null;
            for (int j = 0; j < _widths[l + 1]; j++)
            {
                gradB[l][j] += delta[j];
                for (int i = 0; i < _widths[l]; i++)
                {
                    gradW[l][j][i] += delta[j] * activations[l][i];
                    if (previous is not null)
                    {
                        previous[i] += delta[j] * Weights[l][j][i];
                    }
                }
            }

            if (previous is null)
            {
                break;
            }

            delta = previous.Select((d, i) => activations[l][i] > 0 ? d : 0f).ToArray();
        }

        return MathF.Log(sum) - (logits[label] - max);
    }
}
