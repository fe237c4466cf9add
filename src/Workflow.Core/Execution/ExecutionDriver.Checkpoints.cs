using Workflow.Core.Graph;
using Workflow.Core.Nodes;

namespace Workflow.Core.Execution;

/// <summary>When a checkpoint may be pipelined into the next durable one (see <see cref="ISideEffectFree"/>).</summary>
public sealed partial class ExecutionDriver
{
    /// <summary>At most this many checkpoints in a row are pipelined, so a long pure chain still reaches the disk.</summary>
    private const int MaxDeferredCheckpoints = 16;

    /// <summary>Nor is a checkpoint pipelined once the last durable one is this old.</summary>
    private static readonly TimeSpan MaxDeferredAge = TimeSpan.FromSeconds(2);

    /// <summary>
    /// True when the next step only runs side-effect-free nodes (and nothing else is in flight), so a crash before
    /// the next durable checkpoint loses nothing anybody outside saw: recovery re-runs those nodes.
    /// </summary>
    private bool CanDeferCheckpoint(IReadOnlyCollection<string> ready)
    {
        if (!_services.PipelineCheckpoints || ready.Count == 0)
        {
            return false;
        }
        foreach (var id in ready)
        {
            if (!IsSideEffectFree(id))
            {
                return false;
            }
        }
        foreach (var id in _inFlight.Keys)
        {
            if (!IsSideEffectFree(id))
            {
                return false;
            }
        }
        return true;
    }

    private bool IsSideEffectFree(string nodeId) =>
        _planner.Graph.Nodes[nodeId].Type is var type && type != NodeTypes.Loop
        && _services.Nodes.TryGet(type, out var executor) && executor is ISideEffectFree;
}
