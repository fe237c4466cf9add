using Workflow.Core.Validation;
using static Workflow.Core.Tests.Validation.Fakes.TestWorkflows;

namespace Workflow.Core.Tests.Validation;

public sealed class WorkflowValidatorGraphTests
{
    [Fact]
    public void Validate_NoTriggerNode_ReportsNoTrigger()
    {
        var document = Document([Node("a", "action"), Node("b", "note")], [Edge("e1", "a", "b")]);

        var result = Validate(document);

        Assert.Equal([ValidationCodes.NoTrigger], result.Codes());
        Assert.Empty(result.Warnings); // without a trigger, "unreachable" would flag every node
    }

    [Fact]
    public void Validate_CycleThroughLoopBodyBackEdge_IsValid()
    {
        var document = Document(
            [Node("start", "trigger"), Node("loop", "loop"), Node("a", "action"), Node("b", "note"), Node("end", "note")],
            [Edge("e1", "start", "loop"), Edge("e2", "loop", "a", "body"), Edge("e3", "a", "b"), Edge("e4", "b", "loop"), Edge("e5", "loop", "end", "done")]);

        var result = Validate(document);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Validate_SameCycleWithoutLoopNode_ReportsIllegalCycleOnACycleNode()
    {
        var document = Document(
            [Node("start", "trigger"), Node("hub", "note"), Node("a", "action"), Node("b", "note"), Node("end", "note")],
            [Edge("e1", "start", "hub"), Edge("e2", "hub", "a"), Edge("e3", "a", "b"), Edge("e4", "b", "hub"), Edge("e5", "hub", "end")]);

        var error = Assert.Single(Validate(document).Errors);

        Assert.Equal(ValidationCodes.IllegalCycle, error.Code);
        Assert.Contains(error.NodeId, new[] { "hub", "a", "b" });
    }

    [Fact]
    public void Validate_CycleThroughLoopDoneBranch_ReportsIllegalCycle()
    {
        // Only the body's edge back into the loop ends an iteration; coming back from "done" is a plain cycle.
        var document = Document(
            [Node("start", "trigger"), Node("loop", "loop"), Node("a", "action"), Node("after", "note")],
            [Edge("e1", "start", "loop"), Edge("e2", "loop", "a", "body"), Edge("e3", "a", "loop"), Edge("e4", "loop", "after", "done"), Edge("e5", "after", "loop")]);

        Assert.Equal([ValidationCodes.IllegalCycle], Validate(document).Codes());
    }

    [Fact]
    public void Validate_CycleInsideLoopBody_ReportsIllegalCycle()
    {
        var document = Document(
            [Node("start", "trigger"), Node("loop", "loop"), Node("a", "action"), Node("b", "note")],
            [Edge("e1", "start", "loop"), Edge("e2", "loop", "a", "body"), Edge("e3", "a", "b"), Edge("e4", "b", "a"), Edge("e5", "b", "loop")]);

        var error = Assert.Single(Validate(document).Errors);

        Assert.Equal(ValidationCodes.IllegalCycle, error.Code);
        Assert.Contains(error.NodeId, new[] { "a", "b" });
    }

    [Fact]
    public void Validate_NestedLoopsWithBackEdges_IsValid()
    {
        var document = Document(
            [Node("start", "trigger"), Node("outer", "loop"), Node("inner", "loop"), Node("x", "action"), Node("y", "note"), Node("end", "note")],
            [
                Edge("e1", "start", "outer"), Edge("e2", "outer", "inner", "body"), Edge("e3", "inner", "x", "body"), Edge("e4", "x", "inner"),
                Edge("e5", "inner", "y", "done"), Edge("e6", "y", "outer"), Edge("e7", "outer", "end", "done"),
            ]);

        Assert.Empty(Validate(document).Errors);
    }

    [Fact]
    public void Validate_SelfEdge_ReportsIllegalCycleWithEdge()
    {
        var document = Document([Node("start", "trigger"), Node("a", "action")], [Edge("e1", "start", "a"), Edge("e2", "a", "a")]);

        var error = Assert.Single(Validate(document).Errors);

        Assert.Equal(ValidationCodes.IllegalCycle, error.Code);
        Assert.Equal("a", error.NodeId);
        Assert.Equal("e2", error.EdgeId);
    }

    [Fact]
    public void Validate_NodeNoTriggerReaches_WarnsUnreachableAndStaysValid()
    {
        var document = Document(
            [Node("start", "trigger"), Node("act", "action"), Node("island", "note"), Node("after", "note")],
            [Edge("e1", "start", "act"), Edge("e2", "island", "after")]);

        var result = Validate(document);

        Assert.True(result.Valid);
        Assert.Equal(["island", "after"], result.Warnings.Select(w => w.NodeId));
        Assert.All(result.Warnings, w => Assert.Equal(ValidationCodes.UnreachableNode, w.Code));
    }

    [Fact]
    public void Validate_NodeReachedFromSecondTrigger_IsNotUnreachable()
    {
        var document = Document(
            [Node("t1", "trigger"), Node("t2", "trigger"), Node("a", "action"), Node("b", "note")],
            [Edge("e1", "t1", "a"), Edge("e2", "t2", "b")]);

        Assert.Empty(Validate(document).Warnings);
    }

    [Fact]
    public void Validate_LongChainAndLongCycle_DoesNotOverflowTheStack()
    {
        const int length = 20_000;
        var nodes = Enumerable.Range(0, length).Select(i => Node($"n{i}", "note")).Prepend(Node("start", "trigger"));
        var edges = Enumerable.Range(1, length - 1).Select(i => Edge($"e{i}", $"n{i - 1}", $"n{i}"))
            .Prepend(Edge("e0", "start", "n0"))
            .Append(Edge("back", $"n{length - 1}", "n0"));

        var result = Validator(new WorkflowLimits { MaxNodes = length + 1, MaxEdges = length + 1 }).Validate(Document(nodes, edges));

        var error = Assert.Single(result.Errors);
        Assert.Equal(ValidationCodes.IllegalCycle, error.Code);
        Assert.Equal("n0", error.NodeId);
        Assert.Equal("back", error.EdgeId);
    }
}
