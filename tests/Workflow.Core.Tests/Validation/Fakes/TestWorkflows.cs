using System.Text.Json.Nodes;
using Workflow.Core.Graph;
using Workflow.Core.Nodes;
using Workflow.Core.Validation;

namespace Workflow.Core.Tests.Validation.Fakes;

/// <summary>Builders for validation tests: a registry of fake node types and terse node/edge constructors.</summary>
internal static class TestWorkflows
{
    public static NodeRegistry Registry { get; } = new(
    [
        new FakeTriggerNode(), new FakeActionNode(), new FakeNoteNode(), new FakeIfNode(),
        new FakeLoopNode(), new FakeParallelNode(), new FakeSwitchNode(),
    ]);

    public static WorkflowValidator Validator(WorkflowLimits? limits = null) => new(Registry, limits ?? new WorkflowLimits());

    public static NodeDefinition Node(string id, string type, string? config = null) =>
        new() { Id = id, Type = type, Config = config is null ? null : JsonNode.Parse(config)!.AsObject() };

    public static EdgeDefinition Edge(string id, string source, string target, string? handle = null) =>
        new() { Id = id, Source = source, Target = target, SourceHandle = handle };

    public static WorkflowDocument Document(IEnumerable<NodeDefinition> nodes, IEnumerable<EdgeDefinition> edges, string name = "Test") =>
        new() { Name = name, Definition = new WorkflowDefinition { Nodes = nodes.ToArray(), Edges = edges.ToArray() } };

    /// <summary>The smallest valid workflow: start → act.</summary>
    public static WorkflowDocument Minimal() =>
        Document([Node("start", "trigger"), Node("act", "action")], [Edge("e1", "start", "act")]);

    public static ValidationResult Validate(WorkflowDocument document) => Validator().Validate(document);

    /// <summary>The error codes, for exact assertions (an extra or missing error fails the test).</summary>
    public static string[] Codes(this ValidationResult result) => result.Errors.Select(e => e.Code).ToArray();

    public static string[] WarningCodes(this ValidationResult result) => result.Warnings.Select(e => e.Code).ToArray();
}
