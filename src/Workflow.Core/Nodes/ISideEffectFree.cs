namespace Workflow.Core.Nodes;

/// <summary>
/// Marks a node type whose run has no effect outside the execution state: it only computes its output from its
/// inputs, config and expression scope (no I/O, no messages, no parking). Running it again after a crash gives an
/// equivalent result and nobody outside can tell, so the driver may pipeline its checkpoint: the state after such a
/// node is written together with the next checkpoint that must be durable (before a node with side effects
/// starts, before parking, and when the execution settles).
/// </summary>
public interface ISideEffectFree;
