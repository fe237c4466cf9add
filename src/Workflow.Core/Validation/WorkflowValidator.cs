using Workflow.Core.Graph;
using Workflow.Core.Nodes;

namespace Workflow.Core.Validation;

/// <summary>
/// Checks a deserialised <see cref="WorkflowDocument"/> before it is saved or run: limits, ids, node types and
/// configs, edges and handles, triggers, cycles (legal only through a <c>loop</c> body) and variables.
/// Every problem is reported with a stable code from <see cref="ValidationCodes"/>; warnings do not make the
/// document invalid. Thread-safe and cheap to share: compiled config schemas are cached per node type.
/// </summary>
public sealed class WorkflowValidator(NodeRegistry registry, WorkflowLimits limits)
{
    private readonly NodeRegistry registry = registry ?? throw new ArgumentNullException(nameof(registry));
    private readonly WorkflowLimits limits = limits ?? throw new ArgumentNullException(nameof(limits));

    /// <summary>The limits this validator (and <see cref="Validate(ReadOnlySpan{byte}, out WorkflowDocument?)"/>) enforces.</summary>
    public WorkflowLimits Limits => limits;

    /// <summary>
    /// Reads raw UTF-8 JSON with <see cref="WorkflowDocumentReader"/> and validates the result: a reading failure
    /// comes back as the single error of an invalid result (what <c>POST /api/workflows/validate</c> answers).
    /// </summary>
    public ValidationResult Validate(ReadOnlySpan<byte> utf8Json, out WorkflowDocument? document)
    {
        var read = WorkflowDocumentReader.Read(utf8Json, limits);
        document = read.Document;
        return read.Succeeded ? Validate(read.Document) : new ValidationResult([read.Error], []);
    }

    /// <summary>Validates <paramref name="document"/>; never throws for a malformed document.</summary>
    public ValidationResult Validate(WorkflowDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<ValidationError>();
        var warnings = new List<ValidationError>();
        var definition = document.Definition ?? new WorkflowDefinition();
        var nodes = definition.Nodes ?? [];
        var edges = definition.Edges ?? [];

        if (string.IsNullOrWhiteSpace(document.Name))
        {
            errors.Add(new(ValidationCodes.MissingName, "The workflow needs a name."));
        }
        if (nodes.Count > limits.MaxNodes)
        {
            errors.Add(new(ValidationCodes.TooManyNodes, $"The workflow has {nodes.Count} nodes; at most {limits.MaxNodes} are allowed."));
        }
        if (edges.Count > limits.MaxEdges)
        {
            errors.Add(new(ValidationCodes.TooManyEdges, $"The workflow has {edges.Count} edges; at most {limits.MaxEdges} are allowed."));
        }
        if (errors.Count > 0 && (nodes.Count > limits.MaxNodes || edges.Count > limits.MaxEdges))
        {
            // Over the limits: stop before the per-node work the limits exist to bound.
            return new ValidationResult(errors, warnings);
        }

        var byId = CheckNodes(nodes, errors);
        var validEdges = CheckEdges(edges, byId, errors);
        CheckVariables(definition.Variables ?? [], errors);

        var triggers = byId.Values.Where(n => n.Type == NodeTypes.Trigger).Select(n => n.Id).ToArray();
        if (triggers.Length == 0)
        {
            errors.Add(new(ValidationCodes.NoTrigger, $"The workflow needs at least one node of type '{NodeTypes.Trigger}'."));
        }

        var graph = new WorkflowGraph(new WorkflowDefinition { Nodes = byId.Values.ToArray(), Edges = validEdges });
        errors.AddRange(GraphRules.IllegalCycles(graph));
        if (triggers.Length > 0)
        {
            warnings.AddRange(GraphRules.Unreachable(graph, triggers));
        }
        return new ValidationResult(errors, warnings);
    }

    /// <summary>Checks ids, types and configs; returns the nodes with usable, unique ids (first occurrence wins).</summary>
    private Dictionary<string, NodeDefinition> CheckNodes(IReadOnlyList<NodeDefinition> nodes, List<ValidationError> errors)
    {
        var byId = new Dictionary<string, NodeDefinition>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node is null || string.IsNullOrWhiteSpace(node.Id))
            {
                errors.Add(new(ValidationCodes.MissingNodeId, $"Node #{i + 1} has no id."));
                continue;
            }
            if (!byId.TryAdd(node.Id, node))
            {
                errors.Add(new(ValidationCodes.DuplicateNodeId, $"Node id '{node.Id}' is used more than once.", NodeId: node.Id));
                continue;
            }
            if (!registry.TryGet(node.Type ?? "", out var executor))
            {
                errors.Add(new(ValidationCodes.UnknownNodeType, $"Node '{node.Id}' has unknown type '{node.Type}'.", NodeId: node.Id));
                continue;
            }
            errors.AddRange(NodeConfigValidator.Validate(node.Id, executor.Descriptor, node.Config));
        }
        return byId;
    }

    /// <summary>Checks edge ids, ends and handles; returns the edges whose both ends exist.</summary>
    private List<EdgeDefinition> CheckEdges(IReadOnlyList<EdgeDefinition> edges, Dictionary<string, NodeDefinition> byId, List<ValidationError> errors)
    {
        var valid = new List<EdgeDefinition>(edges.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var handleCache = new Dictionary<string, HandleSet>(StringComparer.Ordinal);
        for (var i = 0; i < edges.Count; i++)
        {
            var edge = edges[i];
            if (edge is null || string.IsNullOrWhiteSpace(edge.Id))
            {
                errors.Add(new(ValidationCodes.MissingEdgeId, $"Edge #{i + 1} has no id."));
                if (edge is null)
                {
                    continue;
                }
            }
            else if (!ids.Add(edge.Id))
            {
                errors.Add(new(ValidationCodes.DuplicateEdgeId, $"Edge id '{edge.Id}' is used more than once.", EdgeId: edge.Id));
            }

            var edgeId = string.IsNullOrWhiteSpace(edge.Id) ? null : edge.Id;
            var hasSource = byId.TryGetValue(edge.Source ?? "", out var source);
            var hasTarget = byId.TryGetValue(edge.Target ?? "", out var target);
            if (!hasSource || !hasTarget)
            {
                var missing = !hasSource ? $"source '{edge.Source}'" : $"target '{edge.Target}'";
                errors.Add(new(ValidationCodes.DanglingEdge, $"Edge '{edgeId ?? $"#{i + 1}"}' points to {missing}, which is not a node of this workflow.", EdgeId: edgeId));
                continue;
            }
            valid.Add(edge);

            if (target!.Type == NodeTypes.Trigger
                || (registry.TryGet(target.Type ?? "", out var targetExecutor) && targetExecutor.Descriptor.Inputs.Count == 0))
            {
                errors.Add(new(ValidationCodes.TriggerHasInput, $"Edge '{edgeId}' targets '{target.Id}', a {target.Type} node, which takes no input.", target.Id, edgeId));
            }
            if (!handleCache.TryGetValue(source!.Id, out var handles))
            {
                handleCache[source.Id] = handles = HandleSet.For(source, registry);
            }
            if (handles.Rejects(edge.SourceHandle) is { } problem)
            {
                errors.Add(new(ValidationCodes.UnknownHandle, $"Edge '{edgeId}' leaves node '{source.Id}' {problem}.", source.Id, edgeId));
            }
        }
        return valid;
    }

    private static void CheckVariables(IReadOnlyList<VariableDefinition> variables, List<ValidationError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < variables.Count; i++)
        {
            var name = variables[i]?.Name;
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add(new(ValidationCodes.MissingVariableName, $"Variable #{i + 1} has no name."));
            }
            else if (!names.Add(name))
            {
                errors.Add(new(ValidationCodes.DuplicateVariable, $"Variable '{name}' is declared more than once."));
            }
        }
    }
}
