namespace Verdant.Core.Policies;

/// <summary>
/// Decides, at every decision epoch, how many compute units train and where: the question Verdant answers.
/// One implementation per file, registered in <see cref="PolicyCatalog"/>.
/// </summary>
public interface IAllocationPolicy
{
    /// <summary>The catalogue name (kebab-case).</summary>
    string Name { get; }

    /// <summary>Chooses the active units for the epoch starting at <see cref="PolicyContext.NowUtc"/>.</summary>
    Allocation Decide(PolicyContext context);
}
