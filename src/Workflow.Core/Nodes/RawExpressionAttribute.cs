namespace Workflow.Core.Nodes;

/// <summary>
/// Marks a config property whose expression the executor evaluates itself (per item, per iteration, as a condition),
/// so it is not resolved before the executor runs.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RawExpressionAttribute : Attribute;
