namespace Verdant.Core.Models;

/// <summary>The model families Verdant trains.</summary>
public enum ModelKind
{
    /// <summary>Multinomial logistic regression: one linear layer and softmax.</summary>
    LogisticRegression,

    /// <summary>Multi-layer perceptron with ReLU hidden layers and a softmax output.</summary>
    Mlp,
}
