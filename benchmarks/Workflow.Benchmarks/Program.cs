using Workflow.Benchmarks;
using Workflow.Tests.Shared;

// Load scenarios against the real silo process; see README "Benchmarks" and DESIGN §8.
var options = BenchmarkOptions.Parse(args);
var results = new List<ScenarioResult>();
var errors = new List<string>();
Console.WriteLine(ResultsReport.SummaryHeader);
foreach (var scenario in options.Scenarios)
{
    using var timeout = new CancellationTokenSource(options.ScenarioTimeout);
    try
    {
        // The webhook and parked scenarios send far more than the per-tenant/per-IP token bucket allows.
        var environment = scenario is SequentialScenario.Name or StartLatencyScenario.Name or ConcurrentScenario.Name
            ? options.SiloEnvironment
            : new Dictionary<string, string>(options.SiloEnvironment) { ["Workflow__RateLimit__Enabled"] = "false" };
        await using var silo = await SiloUnderTest.StartAsync(environment);
        Console.Error.WriteLine($"{scenario}: silo pid {silo.Pid} at {silo.BaseAddress}, data {silo.DataDirectory}");
        var idle = await CpuUsage.SettleAsync(silo.Pid, TimeSpan.FromSeconds(20), timeout.Token);
        var cpu = new CpuUsage(silo.Pid);
        var result = scenario switch
        {
            SequentialScenario.Name => await SequentialScenario.RunAsync(silo, options, timeout.Token),
            StartLatencyScenario.Name => await StartLatencyScenario.RunAsync(silo, options, timeout.Token),
            WebhookScenario.Name => await WebhookScenario.RunAsync(silo, options, timeout.Token),
            CompareScenario.Name => await CompareScenario.RunAsync(silo, options, timeout.Token),
            ParkedScenario.WaitName => await ParkedScenario.RunAsync(silo, delay: false, timeout.Token),
            ParkedScenario.DelayName => await ParkedScenario.RunAsync(silo, delay: true, timeout.Token),
            _ => await ConcurrentScenario.RunAsync(silo, options, timeout.Token),
        };
        result = result with { Notes = [.. result.Notes, cpu.Describe() + idle] };
        results.Add(result);
        Console.WriteLine(ResultsReport.Row(result));
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        errors.Add($"`{scenario}` stopped: {e.GetType().Name}: {e.Message}");
        Console.Error.WriteLine(errors[^1]);
    }
}

var command = "dotnet run -c Release --project benchmarks/Workflow.Benchmarks -- " + string.Join(' ', args.DefaultIfEmpty("all"));
var report = ResultsReport.Render(results, errors, command);
var output = options.Output ?? Path.Combine(RepositoryPaths.Root(), "benchmarks", "results.md");
await File.WriteAllTextAsync(output, report);
Console.WriteLine();
Console.WriteLine(report);
Console.Error.WriteLine($"written to {output}");
return errors.Count == 0 && results.All(r => r.Failures == 0) ? 0 : 1;
