using Acornima.Ast;

namespace Workflow.Core.Expressions;

/// <summary>Walks an AST iteratively: it can be deeper than a thread-pool thread's stack.</summary>
internal static class ScriptAnalyzer
{
    private const string NodesName = "nodes";

    public static ScriptAnalysis Analyze(Node root, string[] roots)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var nodesIdentifiers = 0;
        var resolvedMembers = 0;
        var idsKnown = true;
        var mayQueueJobs = Array.IndexOf(roots, "Promise") >= 0 || Array.IndexOf(roots, "globalThis") >= 0;

        var pending = new Stack<Node>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            switch (node)
            {
                case Identifier { Name: NodesName }:
                    nodesIdentifiers++;
                    break;
                case MemberExpression { Object: Identifier { Name: NodesName } } member:
                    if (NodeId(member) is { } id)
                    {
                        ids.Add(id);
                        resolvedMembers++;
                    }
                    else
                    {
                        idsKnown = false;
                    }

                    break;
                case IFunction { Async: true } or AwaitExpression or ForOfStatement { Await: true } or ImportExpression:
                    mayQueueJobs = true;
                    break;
            }

            foreach (var child in node.ChildNodes)
            {
                pending.Push(child);
            }
        }

        var nodeIds = idsKnown && nodesIdentifiers == resolvedMembers ? ids.ToArray() : null;
        return new ScriptAnalysis(nodeIds, mayQueueJobs);
    }

    private static string? NodeId(MemberExpression member) => member switch
    {
        { Computed: false, Property: Identifier property } => property.Name,
        { Computed: true, Property: StringLiteral literal } => literal.Value,
        _ => null,
    };
}
