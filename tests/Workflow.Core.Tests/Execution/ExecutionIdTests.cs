using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Core.Execution;
using Workflow.Core.Nodes;

namespace Workflow.Core.Tests.Execution;

public sealed class ExecutionIdTests
{
    [Fact]
    public void New_OneAfterAnother_SortsByCreationAcrossMilliseconds()
    {
        var first = ExecutionIds.New();
        Thread.Sleep(5);
        var second = ExecutionIds.New();

        Assert.True(string.CompareOrdinal(first, second) < 0, $"{first} should sort before {second}");
        Assert.Equal(7, Guid.Parse(second).Version);
        Assert.NotEqual(ExecutionIds.New(), ExecutionIds.New());
    }

    [Fact]
    public void New_IsAVersion7GuidCarryingItsMillisecondAndDiffersEveryTime()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_796_000_000_123);
        var ids = Enumerable.Range(0, 1_000).Select(_ => ExecutionIds.New(at)).ToList();

        foreach (var id in ids)
        {
            var guid = Guid.Parse(id);
            Assert.Equal(7, guid.Version);
            Assert.Equal(0b10, guid.Variant >> 2);
            Assert.Equal(at.ToUnixTimeMilliseconds(), Convert.ToInt64(id.Replace("-", "", StringComparison.Ordinal)[..12], 16));
        }
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void NodeState_UnsetOptionalMembers_LeftOutAndReadBackAsUnset()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var pending = JsonSerializer.Serialize(new NodeState(), options);
        var done = new NodeState
        {
            Status = NodeStatus.Failed,
            Attempts = 2,
            StartedAt = DateTimeOffset.UnixEpoch,
            Output = JsonNode.Parse("""{"a":1}"""),
            Error = new NodeError("boom", "it broke"),
            AwaitingSignal = true,
            SkippedByFailure = true,
        };

        var read = JsonSerializer.Deserialize<NodeState>(JsonSerializer.Serialize(done, options), options)!;

        Assert.DoesNotContain("output", pending, StringComparison.Ordinal);
        Assert.DoesNotContain("error", pending, StringComparison.Ordinal);
        Assert.DoesNotContain("awaitingSignal", pending, StringComparison.Ordinal);
        Assert.Equal(NodeStatus.Failed, read.Status);
        Assert.Equal(DateTimeOffset.UnixEpoch, read.StartedAt);
        Assert.Equal(1, read.Output!["a"]!.GetValue<int>());
        Assert.Equal("boom", read.Error!.Code);
        Assert.True(read.AwaitingSignal);
        Assert.True(read.SkippedByFailure);
        Assert.Null(read.CompletedAt);
    }
}
