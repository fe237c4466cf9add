using System.Text.Json.Nodes;
using Workflow.Core.Nodes;
using Workflow.Nodes.Filter;
using Workflow.Nodes.If;
using Workflow.Nodes.Respond;
using Workflow.Nodes.Set;
using Workflow.Nodes.Switch;
using Workflow.Nodes.Transform;
using Workflow.Nodes.Validate;

namespace Workflow.Core.Tests.Nodes;

public sealed class NodeDescriptorTests
{
    public static TheoryData<INodeExecutor, string, string, string> Shapes => new()
    {
        { new SetNode(), "set", "data", "out" },
        { new TransformNode(), "transform", "data", "out,error" },
        { new IfNode(), "if", "flow", "true,false" },
        { new SwitchNode(), "switch", "flow", "default" },
        { new FilterNode(), "filter", "data", "out" },
        { new ValidateNode(), "validate", "data", "valid,invalid" },
        { new RespondNode(), "respond", "flow", "out" },
    };

    public static TheoryData<INodeExecutor, string[]> ConfigProperties => new()
    {
        { new SetNode(), ["values"] },
        { new TransformNode(), ["code", "operation", "expression", "items", "initialValue", "aggregate", "field"] },
        { new IfNode(), ["condition"] },
        { new SwitchNode(), ["expression", "cases"] },
        { new FilterNode(), ["items", "condition"] },
        { new ValidateNode(), ["schema", "value"] },
        { new RespondNode(), ["status", "headers", "body"] },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Descriptor_BuiltIn_HasTypeCategoryAndPorts(INodeExecutor node, string type, string category, string outputs)
    {
        Assert.Equal(type, node.Descriptor.Type);
        Assert.Equal(category, node.Descriptor.Category);
        Assert.Equal(outputs, string.Join(',', node.Descriptor.Outputs.Select(p => p.Id)));
        Assert.Equal("in", Assert.Single(node.Descriptor.Inputs).Id);
    }

    [Theory]
    [MemberData(nameof(ConfigProperties))]
    public void Descriptor_BuiltIn_HasDesignerMetadata(INodeExecutor node, string[] properties)
    {
        Assert.NotEmpty(properties);
        Assert.False(string.IsNullOrWhiteSpace(node.Descriptor.Name));
        Assert.False(string.IsNullOrWhiteSpace(node.Descriptor.Description));
        Assert.Matches("^[a-z]+(-[a-z]+)*$", node.Descriptor.Icon);
        Assert.Matches("^#[0-9a-f]{6}$", node.Descriptor.Color);
    }

    [Theory]
    [MemberData(nameof(ConfigProperties))]
    public void Descriptor_BuiltIn_ConfigSchemaDescribesEveryProperty(INodeExecutor node, string[] properties)
    {
        var schemaProperties = node.Descriptor.ConfigSchema["properties"]!.AsObject();

        foreach (var property in properties)
        {
            Assert.True(schemaProperties.ContainsKey(property), $"{node.Descriptor.Type}: {property} missing");
            // Properties of any JSON type are exported as the 'true' schema, which cannot carry a description.
            if (schemaProperties[property] is JsonObject propertySchema)
            {
                Assert.True(propertySchema.ContainsKey("description"), $"{node.Descriptor.Type}: {property} has no description");
            }
        }
        Assert.Equal(properties.Length + CommonNodeConfig.Keys.Length, schemaProperties.Count);
    }

    [Fact]
    public void ConfigSchema_Transform_ListsOperationsAsEnum()
    {
        var schema = new TransformNode().Descriptor.ConfigSchema["properties"]!["operation"]!.ToJsonString();

        Assert.Contains("\"map\"", schema);
        Assert.Contains("\"aggregate\"", schema);
    }

    [Fact]
    public void Executors_BuiltIn_ArePublicSealedWithParameterlessConstructor()
    {
        var types = typeof(IfNode).Assembly.GetTypes()
            .Where(t => typeof(INodeExecutor).IsAssignableFrom(t) && !t.IsAbstract && t.Namespace is { } ns
                && new[] { "Set", "Transform", "If", "Switch", "Filter", "Validate", "Respond" }.Any(f => ns.EndsWith("." + f, StringComparison.Ordinal)))
            .ToArray();

        Assert.Equal(7, types.Length);
        Assert.All(types, t => Assert.True(t.IsPublic && t.IsSealed && t.GetConstructor(Type.EmptyTypes) is not null, t.Name));
    }
}
