namespace Workflow.Core.Expressions;

/// <summary>How user code is wrapped before it is compiled.</summary>
internal enum ScriptKind
{
    /// <summary>A single JavaScript expression; its value is the result.</summary>
    Expression,

    /// <summary>A function body; its <c>return</c> value is the result.</summary>
    FunctionBody,
}
