namespace Workflow.Core.Graph;

/// <summary>Type ids of the node types whose control flow the planner itself understands.</summary>
public static class NodeTypes
{
    public const string Trigger = "trigger";
    public const string Loop = "loop";
    public const string Merge = "merge";
    public const string Parallel = "parallel";
    public const string Respond = "respond";

    /// <summary>The default output handle of most nodes.</summary>
    public const string Out = "out";
    public const string ErrorHandle = "error";
    public const string LoopBody = "body";
    public const string LoopDone = "done";
}
