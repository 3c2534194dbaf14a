namespace Verdant.Core.Simulation;

/// <summary>One evaluation of the deployed (participants' average) model: accuracy and mean loss on the validation and test sets.</summary>
public sealed record EvaluationScores(double ValidationAccuracy, double ValidationLoss, double TestAccuracy, double TestLoss);
