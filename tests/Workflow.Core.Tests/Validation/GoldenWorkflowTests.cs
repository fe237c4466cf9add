using System.Text;
using Workflow.Core.Validation;
using static Workflow.Core.Tests.Validation.Fakes.TestWorkflows;

namespace Workflow.Core.Tests.Validation;

/// <summary>Whole documents, read from JSON and validated: each must pass with no errors and no warnings.</summary>
public sealed class GoldenWorkflowTests
{
    public static TheoryData<string, string> Golden => new()
    {
        { "minimal", """
            {"name": "Minimal", "definition": {
              "nodes": [{"id": "start", "type": "trigger"}, {"id": "act", "type": "action"}],
              "edges": [{"id": "e1", "source": "start", "target": "act"}]}}
            """ },
        { "branching", """
            {"name": "Invoice approval", "description": "Big invoices need approval", "category": "finance",
             "status": "active", "version": 3,
             "definition": {
               "nodes": [
                 {"id": "start", "type": "trigger", "position": {"x": 0, "y": 0}, "data": {"label": "Invoice received"},
                  "config": {"kind": "webhook", "path": "invoices"}},
                 {"id": "big", "type": "if", "config": {"condition": "{{ trigger.body.amount > 1000 }}"}},
                 {"id": "approve", "type": "action", "config": {"to": ["{{ vars.approver }}"], "durationSeconds": "{{ vars.wait }}",
                  "onError": "route", "retryPolicy": {"maxAttempts": 3, "initialIntervalMs": 1000, "backoffCoefficient": 2.0}}},
                 {"id": "failed", "type": "note"},
                 {"id": "auto", "type": "note"}
               ],
               "edges": [
                 {"id": "e1", "source": "start", "target": "big"},
                 {"id": "e2", "source": "big", "sourceHandle": "true", "target": "approve"},
                 {"id": "e3", "source": "big", "sourceHandle": "false", "target": "auto"},
                 {"id": "e4", "source": "approve", "sourceHandle": "error", "target": "failed"}
               ],
               "variables": [{"name": "approver", "default": "cfo@example.com"}, {"name": "wait", "default": 5}]
             },
             "settings": {"timeoutSeconds": 3600, "retryPolicy": {"maxAttempts": 3}, "errorWorkflowId": null}}
            """ },
        { "loop-parallel-merge", """
            {"name": "Fan out per item", "definition": {
              "nodes": [
                {"id": "start", "type": "trigger", "config": {"kind": "manual"}},
                {"id": "each", "type": "loop", "config": {"maxIterations": "{{ vars.max }}"}},
                {"id": "fork", "type": "parallel"},
                {"id": "left", "type": "action", "config": {"text": "{{ item.name }}"}},
                {"id": "right", "type": "note"},
                {"id": "join", "type": "note"},
                {"id": "route", "type": "switch", "config": {"expression": "{{ item.kind }}", "cases": [{"value": "a", "handle": "isA"}]}},
                {"id": "a", "type": "note"},
                {"id": "done", "type": "action"}
              ],
              "edges": [
                {"id": "e1", "source": "start", "target": "each"},
                {"id": "e2", "source": "each", "sourceHandle": "body", "target": "fork"},
                {"id": "e3", "source": "fork", "sourceHandle": "l", "target": "left"},
                {"id": "e4", "source": "fork", "sourceHandle": "r", "target": "right"},
                {"id": "e5", "source": "left", "target": "join"},
                {"id": "e6", "source": "right", "target": "join"},
                {"id": "e7", "source": "join", "target": "route"},
                {"id": "e8", "source": "route", "sourceHandle": "isA", "target": "a"},
                {"id": "e9", "source": "route", "sourceHandle": "default", "target": "each"},
                {"id": "e10", "source": "a", "target": "each"},
                {"id": "e11", "source": "each", "sourceHandle": "done", "target": "done"}
              ],
              "variables": [{"name": "max", "default": 10}]}}
            """ },
    };

    [Theory]
    [MemberData(nameof(Golden))]
    public void ReadAndValidate_GoldenWorkflow_HasNoErrorsOrWarnings(string name, string json)
    {
        var read = WorkflowDocumentReader.Read(Encoding.UTF8.GetBytes(json), new WorkflowLimits());
        Assert.True(read.Succeeded, $"{name}: {read.Error?.Message}");

        var result = Validate(read.Document);

        Assert.True(result.Valid, $"{name}: {string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Message}"))}");
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void ValidateBytes_GoldenWorkflow_ReturnsDocumentAndValidResult()
    {
        var result = Validator().Validate(Encoding.UTF8.GetBytes((string)Golden.First()[1]), out var document);

        Assert.True(result.Valid);
        Assert.Equal("Minimal", document?.Name);
    }

    [Fact]
    public void ValidateBytes_MalformedJson_ReturnsReadErrorAsOnlyError()
    {
        var result = Validator().Validate("{\"name\": "u8, out var document);

        Assert.Null(document);
        Assert.Equal([ValidationCodes.InvalidJson], result.Codes());
    }
}
