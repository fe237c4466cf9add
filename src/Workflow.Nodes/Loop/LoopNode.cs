using System.Text.Json.Nodes;
using Workflow.Core.Execution;
using Workflow.Core.Expressions;
using Workflow.Core.Nodes;
using Workflow.Nodes.If;

namespace Workflow.Nodes.Loop;

/// <summary>
/// Runs its body sub-graph (reached from the <c>body</c> handle) once per iteration, then follows <c>done</c> with
/// the array of each iteration's last body output. The engine calls it once to start and once after every iteration.
/// </summary>
[NodeType("loop", Category = "flow", Name = "Loop", Icon = "repeat", Color = "#8b5cf6", Outputs = "body,done",
    Description = "Repeats the body branch for each item, a number of times, or while a condition holds; then continues on 'done'.")]
public sealed class LoopNode : NodeExecutor<LoopConfig>
{
    protected override ValueTask<NodeResult> ExecuteAsync(NodeContext context, LoopConfig config, CancellationToken cancellationToken)
    {
        try
        {
            return ValueTask.FromResult(context.Loop is null ? First(context, config) : Next(context, config, context.Loop));
        }
        catch (ExpressionException ex)
        {
            return ValueTask.FromResult(NodeResult.Failed(ex.Code, $"Loop '{context.Node.Id}': {ex.Message}"));
        }
    }

    private static NodeResult First(NodeContext context, LoopConfig config)
    {
        JsonArray? items = null;
        switch (config.LoopType)
        {
            case LoopType.Foreach:
                var value = config.Iterable is null ? context.Input : context.Expressions.Evaluate(config.Iterable, context.Scope);
                if (value is not JsonArray array)
                {
                    return NodeResult.Failed("invalid_input", $"Loop '{context.Node.Id}': iterable must be an array, got {Kind(value)}.");
                }
                if (array.Count > config.MaxIterations)
                {
                    return LimitExceeded(context, config);
                }
                items = array.Parent is null ? array : array.DeepClone().AsArray();
                break;
            case LoopType.For:
                if (config.Iterations is not { } n || n < 0)
                {
                    return NodeResult.Failed("invalid_config", $"Loop '{context.Node.Id}': iterations must be a non-negative number.");
                }
                if (n > config.MaxIterations)
                {
                    return LimitExceeded(context, config);
                }
                break;
        }
        return Continue(context, config, new LoopFrame { Items = items, Index = -1 }, 0);
    }

    private static NodeResult Next(NodeContext context, LoopConfig config, LoopFrame frame)
    {
        if (config.BreakCondition is { } breakCondition)
        {
            var scope = context.Scope with { Item = frame.Item, Index = frame.Index };
            scope = scope.With("output", frame.Outputs.Count > 0 ? frame.Outputs[^1]?.DeepClone() : null);
            if (Truthiness.IsTruthy(context.Expressions.Evaluate(breakCondition, scope)))
            {
                return Done(frame);
            }
        }
        return Continue(context, config, frame, frame.Index + 1);
    }

    private static NodeResult Continue(NodeContext context, LoopConfig config, LoopFrame frame, int index)
    {
        JsonNode? item;
        switch (config.LoopType)
        {
            case LoopType.Foreach:
                if (index >= frame.Items!.Count)
                {
                    return Done(frame);
                }
                item = frame.Items[index]?.DeepClone();
                break;
            case LoopType.For:
                if (index >= config.Iterations)
                {
                    return Done(frame);
                }
                item = index;
                break;
            default:
                if (config.Condition is null)
                {
                    return NodeResult.Failed("invalid_config", $"Loop '{context.Node.Id}': a while loop needs a condition.");
                }
                var scope = context.Scope with { Item = frame.Item, Index = index };
                if (!Truthiness.IsTruthy(context.Expressions.Evaluate(config.Condition, scope)))
                {
                    return Done(frame);
                }
                if (index >= config.MaxIterations)
                {
                    return LimitExceeded(context, config);
                }
                item = index;
                break;
        }
        return new NodeResult
        {
            Outcome = NodeOutcome.Completed,
            Handles = ["body"],
            Loop = frame with { Index = index, Item = item },
        };
    }

    private static NodeResult Done(LoopFrame frame) => NodeResult.Completed(frame.Outputs.DeepClone(), "done");

    private static NodeResult LimitExceeded(NodeContext context, LoopConfig config) =>
        NodeResult.Failed("loop_limit", $"Loop '{context.Node.Id}' exceeded maxIterations ({config.MaxIterations}).");

    private static string Kind(JsonNode? value) => value?.GetValueKind().ToString().ToLowerInvariant() ?? "null";
}
