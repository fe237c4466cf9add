using Workflow.Core.Graph;
using Workflow.Core.Validation;
using static Workflow.Core.Tests.Validation.Fakes.TestWorkflows;

namespace Workflow.Core.Tests.Validation;

public sealed class WorkflowValidatorTests
{
    [Fact]
    public void Validate_MinimalWorkflow_IsValidWithoutWarnings()
    {
        var result = Validate(Minimal());

        Assert.True(result.Valid);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_EmptyName_ReportsMissingName(string name)
    {
        var result = Validate(Minimal() with { Name = name });

        Assert.Equal([ValidationCodes.MissingName], result.Codes());
        Assert.False(result.Valid);
    }

    [Fact]
    public void Validate_NodeWithoutId_ReportsMissingNodeId()
    {
        var document = Document([Node("start", "trigger"), Node("", "note")], []);

        Assert.Equal([ValidationCodes.MissingNodeId], Validate(document).Codes());
    }

    [Fact]
    public void Validate_TwoNodesWithSameId_ReportsDuplicateNodeIdOnThatNode()
    {
        var document = Document([Node("start", "trigger"), Node("act", "action"), Node("act", "note")], [Edge("e1", "start", "act")]);

        var error = Assert.Single(Validate(document).Errors);
        Assert.Equal(ValidationCodes.DuplicateNodeId, error.Code);
        Assert.Equal("act", error.NodeId);
    }

    [Fact]
    public void Validate_UnregisteredType_ReportsUnknownNodeType()
    {
        var document = Document([Node("start", "trigger"), Node("x", "teleport")], [Edge("e1", "start", "x")]);

        var error = Assert.Single(Validate(document).Errors);
        Assert.Equal(ValidationCodes.UnknownNodeType, error.Code);
        Assert.Equal("x", error.NodeId);
        Assert.Contains("teleport", error.Message);
    }

    [Fact]
    public void Validate_EdgeWithoutId_ReportsMissingEdgeId()
    {
        var document = Document([Node("start", "trigger"), Node("act", "action")], [Edge("", "start", "act")]);

        Assert.Equal([ValidationCodes.MissingEdgeId], Validate(document).Codes());
    }

    [Fact]
    public void Validate_TwoEdgesWithSameId_ReportsDuplicateEdgeId()
    {
        var document = Document(
            [Node("start", "trigger"), Node("a", "action"), Node("b", "action")],
            [Edge("e1", "start", "a"), Edge("e1", "start", "b")]);

        var error = Assert.Single(Validate(document).Errors);
        Assert.Equal(ValidationCodes.DuplicateEdgeId, error.Code);
        Assert.Equal("e1", error.EdgeId);
    }

    [Theory]
    [InlineData("ghost", "act")]
    [InlineData("start", "ghost")]
    [InlineData("", "act")]
    public void Validate_EdgeToMissingNode_ReportsDanglingEdge(string source, string target)
    {
        var document = Document([Node("start", "trigger"), Node("act", "action")], [Edge("e1", "start", "act"), Edge("e2", source, target)]);

        var error = Assert.Single(Validate(document).Errors);
        Assert.Equal(ValidationCodes.DanglingEdge, error.Code);
        Assert.Equal("e2", error.EdgeId);
    }

    [Fact]
    public void Validate_EdgeFromUndeclaredHandle_ReportsUnknownHandle()
    {
        var document = Document([Node("start", "trigger"), Node("act", "action")], [Edge("e1", "start", "act", handle: "sideways")]);

        var error = Assert.Single(Validate(document).Errors);
        Assert.Equal(ValidationCodes.UnknownHandle, error.Code);
        Assert.Equal("e1", error.EdgeId);
        Assert.Equal("start", error.NodeId);
    }

    [Fact]
    public void Validate_EdgeWithoutHandleFromNodeWithoutOut_ReportsUnknownHandle()
    {
        var document = Document(
            [Node("start", "trigger"), Node("check", "if", """{"condition":"{{ true }}"}"""), Node("act", "action")],
            [Edge("e1", "start", "check"), Edge("e2", "check", "act")]);

        var error = Assert.Single(Validate(document).Errors);
        Assert.Equal(ValidationCodes.UnknownHandle, error.Code);
        Assert.Equal("e2", error.EdgeId);
        Assert.Contains("true, false", error.Message);
    }

    [Fact]
    public void Validate_IfWithTrueAndFalseHandles_IsValid()
    {
        var document = Document(
            [Node("start", "trigger"), Node("check", "if", """{"condition":"{{ true }}"}"""), Node("yes", "action"), Node("no", "note")],
            [Edge("e1", "start", "check"), Edge("e2", "check", "yes", "true"), Edge("e3", "check", "no", "false")]);

        Assert.Empty(Validate(document).Errors);
    }

    [Fact]
    public void Validate_ParallelWithFreeBranchNames_IsValid()
    {
        var document = Document(
            [Node("start", "trigger"), Node("fork", "parallel"), Node("a", "action"), Node("b", "note")],
            [Edge("e1", "start", "fork"), Edge("e2", "fork", "a", "left"), Edge("e3", "fork", "b")]);

        Assert.Empty(Validate(document).Errors);
    }

    [Fact]
    public void Validate_SwitchHandleFromConfigCases_AcceptsCaseHandleAndRejectsOthers()
    {
        var document = Document(
            [Node("start", "trigger"), Node("sw", "switch", """{"expression":"{{ vars.x }}","cases":[{"value":"a","handle":"caseA"}]}"""),
             Node("a", "action"), Node("d", "note"), Node("z", "note")],
            [Edge("e1", "start", "sw"), Edge("e2", "sw", "a", "caseA"), Edge("e3", "sw", "d", "default"), Edge("e4", "sw", "z", "caseZ")]);

        var error = Assert.Single(Validate(document).Errors);
        Assert.Equal(ValidationCodes.UnknownHandle, error.Code);
        Assert.Equal("e4", error.EdgeId);
    }

    [Theory]
    [InlineData("""{"onError":"route"}""", true)]
    [InlineData("""{"onError":"stop"}""", false)]
    [InlineData(null, false)]
    public void Validate_ErrorHandleOnNodeWithoutErrorOutput_AllowedOnlyWhenOnErrorRoutes(string? config, bool valid)
    {
        var document = Document(
            [Node("start", "trigger"), Node("n", "note", config), Node("fix", "action")],
            [Edge("e1", "start", "n"), Edge("e2", "n", "fix", "error")]);

        Assert.Equal(valid ? [] : [ValidationCodes.UnknownHandle], Validate(document).Codes());
    }

    [Fact]
    public void Validate_EdgeIntoTrigger_ReportsTriggerHasInput()
    {
        var document = Document(
            [Node("start", "trigger"), Node("other", "trigger"), Node("act", "action")],
            [Edge("e1", "start", "act"), Edge("e2", "act", "other")]);

        var error = Assert.Single(Validate(document).Errors);
        Assert.Equal(ValidationCodes.TriggerHasInput, error.Code);
        Assert.Equal("other", error.NodeId);
        Assert.Equal("e2", error.EdgeId);
    }

    [Fact]
    public void Validate_DuplicateVariableName_ReportsDuplicateVariable()
    {
        var document = Minimal();
        document = document with
        {
            Definition = document.Definition with { Variables = [new() { Name = "approver" }, new() { Name = "limit" }, new() { Name = "approver" }] },
        };

        var error = Assert.Single(Validate(document).Errors);
        Assert.Equal(ValidationCodes.DuplicateVariable, error.Code);
        Assert.Contains("approver", error.Message);
    }

    [Fact]
    public void Validate_VariableWithoutName_ReportsMissingVariableName()
    {
        var document = Minimal();
        document = document with { Definition = document.Definition with { Variables = [new VariableDefinition { Name = "" }] } };

        Assert.Equal([ValidationCodes.MissingVariableName], Validate(document).Codes());
    }

    [Fact]
    public void Validate_MoreNodesThanLimit_ReportsTooManyNodesAndStops()
    {
        var nodes = Enumerable.Range(0, 5).Select(i => Node($"n{i}", "teleport")).Prepend(Node("start", "trigger"));
        var document = Document(nodes, []);

        var result = Validator(new WorkflowLimits { MaxNodes = 5 }).Validate(document);

        Assert.Equal([ValidationCodes.TooManyNodes], result.Codes());
    }

    [Fact]
    public void Validate_NodesAtLimit_IsValid()
    {
        var result = Validator(new WorkflowLimits { MaxNodes = 2, MaxEdges = 1 }).Validate(Minimal());

        Assert.True(result.Valid);
    }

    [Fact]
    public void Validate_MoreEdgesThanLimit_ReportsTooManyEdges()
    {
        var document = Document(
            [Node("start", "trigger"), Node("a", "action"), Node("b", "action")],
            [Edge("e1", "start", "a"), Edge("e2", "start", "b"), Edge("e3", "a", "b")]);

        var result = Validator(new WorkflowLimits { MaxEdges = 2 }).Validate(document);

        Assert.Equal([ValidationCodes.TooManyEdges], result.Codes());
    }

    [Fact]
    public void Validate_DocumentWithNullLists_ReportsInsteadOfThrowing()
    {
        // Documents built in code (or read with lenient options) may carry nulls the annotations deny.
        var document = new WorkflowDocument { Name = "x", Definition = new WorkflowDefinition { Nodes = null!, Edges = [null!], Variables = null! } };

        var result = Validate(document);

        Assert.Equal([ValidationCodes.MissingEdgeId, ValidationCodes.NoTrigger], result.Codes());
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachOfThem()
    {
        var document = Document(
            [Node("start", "trigger"), Node("a", "teleport"), Node("a", "action")],
            [Edge("e1", "start", "a"), Edge("e1", "a", "ghost")],
            name: "");

        var codes = Validate(document).Codes();

        string[] expected =
            [ValidationCodes.MissingName, ValidationCodes.DuplicateNodeId, ValidationCodes.UnknownNodeType, ValidationCodes.DuplicateEdgeId, ValidationCodes.DanglingEdge];
        Assert.Equal(expected.Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
    }
}
