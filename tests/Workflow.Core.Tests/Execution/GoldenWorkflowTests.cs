using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Core.Execution;
using Workflow.Core.Graph;

namespace Workflow.Core.Tests.Execution;

/// <summary>
/// Table-driven over <c>tests/fixtures/workflows/*.json</c>: each fixture holds a workflow, its input and what
/// must come out (status, result, node statuses, run counts, outputs, error code).
/// </summary>
public sealed class GoldenWorkflowTests
{
    private static string Directory => Path.Combine(AppContext.BaseDirectory, "fixtures", "workflows");

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Fixture_Runs_AsExpected(string name)
    {
        var fixture = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Directory, name + ".json")))!.AsObject();
        var document = WorkflowJson.Deserialize(fixture["workflow"]!.ToJsonString());
        var (state, _) = await FixtureRunner.RunAsync(document, fixture["input"]?.DeepClone());
        var expect = fixture["expect"]!.AsObject();
        var summary = JsonSerializer.Serialize(state, MemoryHost.Json);

        Assert.True(expect["status"]!.GetValue<string>() == state.Status.ToWire(), $"status {state.Status.ToWire()}: {summary}");
        if (expect.TryGetPropertyValue("result", out var result))
        {
            Assert.True(JsonNode.DeepEquals(result, state.Result), $"result {state.Result?.ToJsonString()} ≠ {result?.ToJsonString()}");
        }
        if (expect["error"] is { } error)
        {
            Assert.Equal(error.GetValue<string>(), state.Error?.Code);
        }
        foreach (var (id, status) in expect["nodes"]?.AsObject() ?? [])
        {
            Assert.True(status!.GetValue<string>() == state.Node(id).Status.ToString().ToLowerInvariant(),
                $"node {id} is {state.Node(id).Status}: {summary}");
        }
        foreach (var (id, runs) in expect["runs"]?.AsObject() ?? [])
        {
            Assert.True(runs!.GetValue<int>() == state.Node(id).Runs, $"node {id} ran {state.Node(id).Runs} times");
        }
        foreach (var (id, output) in expect["outputs"]?.AsObject() ?? [])
        {
            Assert.True(JsonNode.DeepEquals(output, state.Node(id).Output), $"output of {id}: {state.Node(id).Output?.ToJsonString()} ≠ {output?.ToJsonString()}");
        }
        foreach (var (name2, value) in expect["vars"]?.AsObject() ?? [])
        {
            Assert.True(JsonNode.DeepEquals(value, state.Variables[name2]), $"var {name2}: {state.Variables[name2]?.ToJsonString()}");
        }
    }
}
