using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Workflow.Tests.Shared;

namespace Workflow.Benchmarks;

/// <summary>
/// DESIGN §8 / issue 4 part 7: 10,000 executions of trigger → <c>wait</c> (no timeout) → <c>set</c>, or 20,000 of
/// trigger → <c>delay</c> (all until one instant) → <c>set</c>, started with bounded concurrency, counted as parked in
/// the history, the silo's memory read while they are all parked, then resumed (a signal each for <c>wait</c>; for
/// <c>delay</c> they come due) and counted until completed. The delay drain rate comes from the engine's completion
/// timestamps (history <c>completedAt</c>), not from the poll.
/// </summary>
public static class ParkedScenario
{
    public const string WaitName = "parked";
    public const string DelayName = "parked-delay";
    private const int WaitExecutions = 10_000;
    private const int DelayExecutions = 20_000;
    private const int InFlight = 64;

    /// <summary>Under the execution grain's one-minute reminder threshold, so every delay wakes by its grain timer.</summary>
    private const int DelaySeconds = 58;
    private const string ParkNode = "park";
    private static readonly TimeSpan ParkLimit = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan CompleteLimit = TimeSpan.FromMinutes(3);

    public static async Task<ScenarioResult> RunAsync(SiloUnderTest silo, bool delay, CancellationToken cancellationToken)
    {
        using var api = new BenchmarkApi(silo.BaseAddress, InFlight + 2);
        await api.AuthenticateAsync(silo.AdminPassword, cancellationToken);
        // Every delay comes due at the same instant, DelaySeconds after the workflow is created (the starts take less).
        var due = DateTimeOffset.UtcNow.AddSeconds(DelaySeconds);
        var executions = delay ? DelayExecutions : WaitExecutions;
        var park = delay
            ? WorkflowBuilder.Node(ParkNode, "delay", new JsonObject { ["until"] = due.ToString("O", System.Globalization.CultureInfo.InvariantCulture) })
            : WorkflowBuilder.Node(ParkNode, "wait", new JsonObject());
        var workflowId = await api.CreateWorkflowAsync(WorkflowBuilder.Document(WorkflowBuilder.Unique("bench-parked"),
            [WorkflowBuilder.Trigger(), park, WorkflowBuilder.Node("done", "set", new JsonObject { ["values"] = new JsonObject { ["done"] = true } })],
            [WorkflowBuilder.Edge("start", ParkNode), WorkflowBuilder.Edge(ParkNode, "done")]), cancellationToken);
        var input = BenchmarkWorkflows.Input(1);

        var clock = Stopwatch.StartNew();
        var dueSeconds = (due - DateTimeOffset.UtcNow).TotalSeconds;
        var ids = new ConcurrentBag<string>();
        var errors = new ConcurrentQueue<string>();
        await Bounded(Enumerable.Range(0, executions), async (_, ct) => ids.Add(await api.StartAsync(workflowId, input, ct)), errors, cancellationToken);
        var startSeconds = clock.Elapsed.TotalSeconds;

        var parked = await CountUntilAsync(api, workflowId, "waiting", ids.Count, ParkLimit, cancellationToken);
        var parkedSeconds = clock.Elapsed.TotalSeconds;
        var memory = silo.Memory();

        var resumeStart = clock.Elapsed.TotalSeconds;
        if (!delay)
        {
            await Bounded(ids, (id, ct) => new ValueTask(api.SignalAsync(id, ParkNode, ct)), errors, cancellationToken);
        }
        var signalledSeconds = clock.Elapsed.TotalSeconds;
        var (completed, firstCompletedSeconds) = await CountCompletedAsync(api, workflowId, ids.Count, clock, cancellationToken);
        var doneSeconds = clock.Elapsed.TotalSeconds;
        // For delay the resume window starts at the due instant (or when all were parked, if that came later).
        var window = doneSeconds - (delay ? Math.Max(dueSeconds, resumeStart) : resumeStart);
        var after = silo.Memory();

        var failures = executions - completed;
        var drain = delay ? await DrainAsync(api, workflowId, ids.Count, due, cancellationToken) : null;
        var name = delay ? DelayName : WaitName;
        var rate = drain?.Rate ?? completed / Math.Max(window, 1e-3);
        var allParkedBeforeDue = parkedSeconds < dueSeconds;
        var metrics = new List<MetricRow>
        {
            MetricRow.Single($"start {executions} executions ({InFlight} in flight), wall time", "s", startSeconds),
            MetricRow.Single("starts/s", "executions/s", ids.Count / startSeconds),
            MetricRow.Single("parked (history status waiting) when memory was read", "executions", parked),
            MetricRow.Single("all parked after (from the first start)", "s", parkedSeconds),
            MetricRow.Single("silo RSS (VmRSS) with all parked", "MB", memory.RssMegabytes),
            MetricRow.Single("silo peak RSS (VmHWM) up to then", "MB", memory.PeakRssMegabytes),
        };
        if (drain is not null)
        {
            metrics.AddRange(
            [
                MetricRow.Single("due instant → first completion (engine completedAt)", "ms", drain.FirstMs),
                MetricRow.Single("due instant → median completion (engine completedAt)", "ms", drain.MedianMs),
                MetricRow.Single("due instant → last completion (engine completedAt)", "ms", drain.LastMs),
                MetricRow.Single("drain rate: completed / (last completion − due instant)", "executions/s", drain.Rate),
                MetricRow.Single("all parked before the due instant (1 = yes)", "", allParkedBeforeDue ? 1 : 0),
            ]);
        }
        else
        {
            metrics.Add(MetricRow.Single($"signal all ({InFlight} in flight), wall time", "s", signalledSeconds - resumeStart));
        }
        metrics.AddRange(
        [
            MetricRow.Single(delay ? "due instant → all completed seen (history poll)" : "first signal → all completed (history)", "s", window),
            MetricRow.Single("first completion seen (history poll) → all completed", "s", doneSeconds - firstCompletedSeconds),
            MetricRow.Single(delay ? "drain rate (timestamps, as above)" : "resume throughput", "executions/s", rate),
            MetricRow.Single("completed", "executions", completed),
            MetricRow.Single("silo peak RSS (VmHWM) at the end", "MB", after.PeakRssMegabytes),
            MetricRow.Single("silo RSS at the end", "MB", after.RssMegabytes),
        ]);
        return new ScenarioResult(
            name,
            $"{parked:N0} parked in {(delay ? "delay" : "wait")}: RSS {memory.RssMegabytes:F0} MB (peak {memory.PeakRssMegabytes:F0} MB); " +
            (drain is null ? $"{completed:N0} resumed in {window:F1} s = {rate:F0} executions/s" : $"{completed:N0} due at once, last completed {drain.LastMs:F0} ms after the due instant = {rate:F0} executions/s") + $"; starts {ids.Count / startSeconds:F0}/s",
            delay ? "20,000 delays due at the same instant drained at ≥ 10,000/s" : "10,000 parked held in < 1 GB RSS, all resume",
            failures == 0 && (delay ? rate >= 10_000 && allParkedBeforeDue : memory.RssMegabytes < 1024),
            failures,
            metrics,
            [
                $"trigger → {(delay ? $"`delay` until one instant {DelaySeconds} s after creation" : "`wait` (no timeout)")} → `set`; {executions:N0} started through " +
                $"POST /api/workflows/{{id}}/executions ({InFlight} in flight); parked and completed counted by paging the history " +
                $"(GET /api/executions?workflowId=…&status=…&limit=500) every 0.5 s; the silo runs with the rate limit off." +
                (delay ? " The drain is measured from the engine's completion timestamps (history completedAt) against the due instant; the 0.5 s poll only detects the end." : ""),
                .. errors.Distinct().Take(5).Select(e => "error: " + e),
            ]);
    }

    private static async Task<DrainTimes?> DrainAsync(BenchmarkApi api, string workflowId, int expected, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var times = await api.CompletionTimesAsync(workflowId, expected / 500 + 2, cancellationToken);
        if (times.Count == 0)
        {
            return null;
        }
        var lags = times.Select(t => (t - due).TotalMilliseconds).Order().ToArray();
        var last = Math.Max(lags[^1], 1);
        return new DrainTimes(lags[0], lags[lags.Length / 2], lags[^1], times.Count / (last / 1000));
    }

    private sealed record DrainTimes(double FirstMs, double MedianMs, double LastMs, double Rate);

    private static async Task Bounded<T>(IEnumerable<T> items, Func<T, CancellationToken, ValueTask> action, ConcurrentQueue<string> errors, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellationToken }, async (item, ct) =>
        {
            try
            {
                await action(item, ct);
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException && !ct.IsCancellationRequested)
            {
                errors.Enqueue(e.GetType().Name + ": " + e.Message);
            }
        });

    private static async Task<int> CountUntilAsync(BenchmarkApi api, string workflowId, string status, int expected, TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        var count = 0;
        while (deadline.Elapsed < limit)
        {
            count = await api.CountExecutionsAsync(workflowId, status, expected / 500 + 2, cancellationToken);
            if (count >= expected)
            {
                break;
            }
            await Task.Delay(500, cancellationToken);
        }
        return count;
    }

    private static async Task<(int Completed, double FirstSeconds)> CountCompletedAsync(
        BenchmarkApi api, string workflowId, int expected, Stopwatch clock, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        var limit = CompleteLimit + TimeSpan.FromSeconds(DelaySeconds);
        var count = 0;
        var first = double.NaN;
        while (deadline.Elapsed < limit)
        {
            count = await api.CountExecutionsAsync(workflowId, "completed", expected / 500 + 2, cancellationToken);
            if (count > 0 && double.IsNaN(first))
            {
                first = clock.Elapsed.TotalSeconds;
            }
            if (count >= expected)
            {
                break;
            }
            await Task.Delay(500, cancellationToken);
        }
        return (count, first);
    }
}
