using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.Core.Nodes;

/// <summary>
/// Base of node executors with a typed config record <typeparamref name="TConfig"/>. The descriptor is built once
/// from the <see cref="NodeTypeAttribute"/> on the class and the config record's schema.
/// </summary>
public abstract class NodeExecutor<TConfig> : INodeExecutor where TConfig : class, new()
{
    protected NodeExecutor()
    {
        var meta = GetType().GetCustomAttribute<NodeTypeAttribute>()
            ?? throw new InvalidOperationException($"{GetType().Name} needs a [NodeType] attribute.");
        Descriptor = new NodeDescriptor
        {
            Type = meta.Type,
            Category = meta.Category,
            Name = meta.Name,
            Description = meta.Description,
            Icon = meta.Icon,
            Color = meta.Color,
            Inputs = Ports(meta.Inputs),
            Outputs = Ports(meta.Outputs),
            DynamicOutputs = meta.DynamicOutputs,
            ConfigSchema = BuildSchema(),
        };
        _rawProperties = typeof(TConfig).GetProperties()
            .Where(p => p.GetCustomAttribute<RawExpressionAttribute>() is not null)
            .Select(p => ConfigSchema.JsonOptions.PropertyNamingPolicy!.ConvertName(p.Name))
            .ToHashSet(StringComparer.Ordinal);
    }

    private readonly HashSet<string> _rawProperties;

    /// <summary>Common keys the engine reads itself, unless the config record declares the same name (wait.timeoutSeconds).</summary>
    private static readonly string[] EngineKeys = CommonNodeConfig.Keys
        .Where(key => !typeof(TConfig).GetProperties().Any(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)))
        .ToArray();

    private static System.Text.Json.Nodes.JsonObject BuildSchema()
    {
        var schema = ConfigSchema.For(typeof(TConfig));
        CommonNodeConfig.AddTo(schema);
        return schema;
    }

    public NodeDescriptor Descriptor { get; }

    public virtual IReadOnlyCollection<string>? OutputHandles(JsonObject? config) =>
        Descriptor.Outputs.Select(p => p.Id).ToArray();

    public async ValueTask<NodeResult> ExecuteAsync(NodeContext context, CancellationToken cancellationToken)
    {
        TConfig config;
        try
        {
            config = ReadConfig(ResolveConfig(context));
        }
        catch (Expressions.ExpressionException ex)
        {
            return NodeResult.Failed(ex.Code, $"Config of node '{context.Node.Id}': {ex.Message}");
        }
        catch (JsonException ex)
        {
            return NodeResult.Failed("invalid_config", $"Node '{context.Node.Id}' has an invalid config: {ex.Message}");
        }
        return await ExecuteAsync(context, config, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Evaluates the config's expressions, except the executor's own (<see cref="RawExpressionAttribute"/>).</summary>
    private JsonObject ResolveConfig(NodeContext context)
    {
        var resolved = new JsonObject();
        foreach (var (key, value) in context.Config)
        {
            if (Array.IndexOf(EngineKeys, key) >= 0)
            {
                continue;
            }
            resolved[key] = _rawProperties.Contains(key) ? value?.DeepClone() : context.Expressions.Resolve(value, context.Scope);
        }
        return resolved;
    }

    /// <summary>Reads a config object as <typeparamref name="TConfig"/> (expressions stay unevaluated strings).</summary>
    public static TConfig ReadConfig(JsonObject? config)
    {
        if (config is null)
        {
            return new TConfig();
        }
        if (EngineKeys.Any(config.ContainsKey))
        {
            config = new JsonObject(config.Where(kv => Array.IndexOf(EngineKeys, kv.Key) < 0)
                .Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())));
        }
        return config.Deserialize<TConfig>(ConfigSchema.JsonOptions) ?? new TConfig();
    }

    protected abstract ValueTask<NodeResult> ExecuteAsync(NodeContext context, TConfig config, CancellationToken cancellationToken);

    private static NodePort[] Ports(string ids) =>
        ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => new NodePort(id, char.ToUpperInvariant(id[0]) + id[1..])).ToArray();
}
