using Workflow.Core.Graph;
using Workflow.Grains.Abstractions;
using Workflow.Grains.Abstractions.Workflows;
using Workflow.Grains.Triggers;
using Workflow.Grains.Triggers.Webhooks;

namespace Workflow.Grains.Workflows;

/// <summary>
/// One workflow definition. Every saved change gets the next integer version, stored once in its own
/// <see cref="IWorkflowVersionGrain"/>; updates need the caller's expected version (optimistic concurrency).
/// Documents arrive validated by the API.
/// </summary>
[GrainType("workflow")]
public sealed class WorkflowGrain(
    [PersistentState("workflow", "workflow")] IPersistentState<WorkflowGrainState> state,
    TimeProvider time,
    TriggerSync triggers) : Grain, IWorkflowGrain
{
    private (string Tenant, string Id) Key => GrainKeys.Split(this.GetPrimaryKeyString());

    private bool Exists => state.State.DocumentJson is not null && !state.State.Deleted;

    public async Task<WorkflowResult> CreateAsync(string documentJson)
    {
        if (state.State.DocumentJson is not null)
        {
            return WorkflowResult.Error("already_exists", "A workflow with this id already exists.");
        }
        var now = time.GetUtcNow();
        var document = WorkflowJson.Deserialize(documentJson) with
        {
            Id = Guid.Parse(Key.Id),
            Version = 1,
            Status = WorkflowStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return await SaveAsync(document, newVersion: true);
    }

    public Task<string?> GetAsync() => Task.FromResult(Exists ? state.State.DocumentJson : null);

    public async Task<WorkflowResult> UpdateAsync(string documentJson, int expectedVersion)
    {
        if (!Exists)
        {
            return NotFound();
        }
        var current = WorkflowJson.Deserialize(state.State.DocumentJson!);
        if (current.Version != expectedVersion)
        {
            return WorkflowResult.Error("version_conflict", $"The workflow is at version {current.Version}, not {expectedVersion}.");
        }
        var document = WorkflowJson.Deserialize(documentJson) with
        {
            Id = current.Id,
            Version = current.Version + 1,
            Status = current.Status,
            CreatedAt = current.CreatedAt,
            UpdatedAt = time.GetUtcNow(),
        };
        var saved = await SaveAsync(document, newVersion: true);
        if (saved.Ok)
        {
            try
            {
                await triggers.ApplyAsync(Key.Tenant, current, document, CancellationToken.None);
            }
            catch (TriggerConflictException conflict)
            {
                // The new version is saved; it cannot run beside the other workflow, so it is kept paused.
                var paused = document with { Status = WorkflowStatus.Paused };
                await triggers.ApplyAsync(Key.Tenant, document, paused, CancellationToken.None);
                await SaveAsync(paused, newVersion: false);
                return WorkflowResult.Error("trigger_conflict", $"Saved as version {document.Version} but paused: {conflict.Message}");
            }
        }
        return saved;
    }

    public async Task<WorkflowResult> SetStatusAsync(string status)
    {
        if (!Exists)
        {
            return NotFound();
        }
        var current = WorkflowJson.Deserialize(state.State.DocumentJson!);
        var next = status switch
        {
            "active" => WorkflowStatus.Active,
            "paused" => WorkflowStatus.Paused,
            "archived" => WorkflowStatus.Archived,
            "draft" => WorkflowStatus.Draft,
            _ => (WorkflowStatus?)null,
        };
        if (next is null)
        {
            return WorkflowResult.Error("invalid_status", $"Unknown status '{status}'.");
        }
        if (current.Status == WorkflowStatus.Archived && next != WorkflowStatus.Archived)
        {
            return WorkflowResult.Error("invalid_state", "An archived workflow cannot change status.");
        }
        var changed = current with { Status = next.Value, UpdatedAt = time.GetUtcNow() };
        var saved = await SaveAsync(changed, newVersion: false);
        if (saved.Ok)
        {
            try
            {
                await triggers.ApplyAsync(Key.Tenant, current, changed, CancellationToken.None);
            }
            catch (TriggerConflictException conflict)
            {
                await triggers.ApplyAsync(Key.Tenant, changed, current, CancellationToken.None);
                await SaveAsync(current, newVersion: false);
                return WorkflowResult.Error("trigger_conflict", conflict.Message);
            }
        }
        return saved;
    }

    public async Task<bool> DeleteAsync()
    {
        if (!Exists)
        {
            return false;
        }
        await GrainFactory.GetGrain<IWorkflowIndexGrain>(Key.Tenant).RemoveAsync(Guid.Parse(Key.Id));
        state.State.Deleted = true;
        await state.WriteStateAsync();
        await triggers.ApplyAsync(Key.Tenant, WorkflowJson.Deserialize(state.State.DocumentJson!), null, CancellationToken.None);
        return true;
    }

    public Task<IReadOnlyList<WorkflowVersionInfo>> ListVersionsAsync() =>
        Task.FromResult<IReadOnlyList<WorkflowVersionInfo>>(Exists ? state.State.Versions.OrderByDescending(v => v.Version).ToArray() : []);

    private async Task<WorkflowResult> SaveAsync(WorkflowDocument document, bool newVersion)
    {
        var summary = new WorkflowSummary
        {
            Id = document.Id,
            Name = document.Name,
            Status = document.Status.ToString().ToLowerInvariant(),
            Version = document.Version,
            Description = document.Description,
            Category = document.Category,
            UpdatedAt = document.UpdatedAt ?? time.GetUtcNow(),
        };
        if (!await GrainFactory.GetGrain<IWorkflowIndexGrain>(Key.Tenant).UpsertAsync(summary))
        {
            return WorkflowResult.Error("name_conflict", $"Another workflow is already named '{document.Name}'.");
        }
        var json = WorkflowJson.Serialize(document);
        if (newVersion)
        {
            await GrainFactory.GetGrain<IWorkflowVersionGrain>(GrainKeys.ForVersion(Key.Tenant, document.Id, document.Version)).SaveAsync(json);
            state.State.Versions.Add(new WorkflowVersionInfo(document.Version, document.UpdatedAt ?? time.GetUtcNow()));
        }
        state.State.DocumentJson = json;
        await state.WriteStateAsync();
        return WorkflowResult.Success(json);
    }

    private static WorkflowResult NotFound() => WorkflowResult.Error("not_found", "Workflow not found.");
}
